package io.github.cloudfrontsigned.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one order of configuration sources every entry point reads. */
final class ConfigSourcesTest {

    private static final ConfigLookup MP = ConfigLookup.of(Map.of("a", "mp"), "MicroProfile Config");
    private static final ConfigLookup INIT = ConfigLookup.of(Map.of("a", "init", "b", "init"), "init-param");
    private static final ConfigLookup CONTEXT =
            ConfigLookup.of(Map.of("a", "context", "b", "context", "c", "context"), ConfigSources.CONTEXT_PARAM);

    @Test
    void standard_microProfileConfigWinsOverInitParamsOverContextParams() {
        ConfigLookup lookup = ConfigSources.standard(MP, INIT, CONTEXT);
        assertEquals("mp", lookup.value("a"));
        assertEquals("init", lookup.value("b"));
        assertEquals("context", lookup.value("c"));
        assertNull(lookup.value("d"));
    }

    @Test
    void standard_namesTheSourceThatSetTheValue() {
        ConfigLookup lookup = ConfigSources.standard(MP, INIT, CONTEXT);
        assertEquals("init-param", lookup.sourceOf("b"));
        assertEquals(ConfigSources.CONTEXT_PARAM, lookup.sourceOf("c"));
    }

    @Test
    void standard_skipsAbsentSources() {
        assertEquals("context", ConfigSources.standard(null, null, CONTEXT).value("a"));
        assertEquals("init", ConfigSources.standard(null, INIT, null).value("a"));
        assertNull(ConfigSources.standard(null, null, null).value("a"));
    }

    @Test
    void registeredContextParams_areFoundForTheClassLoaderAndItsChildren() throws Exception {
        ClassLoader application = new URLClassLoader(new URL[0], null);
        ClassLoader child = new URLClassLoader(new URL[0], application);
        ConfigSources.registerContextParams(application, Map.of(ConfigProperties.URL_TTL, "10m"));
        try {
            assertEquals("10m", ConfigSources.contextParams(child).value(ConfigProperties.URL_TTL));
            assertEquals("10m", ConfigSources.forApplication(child, null).value(ConfigProperties.URL_TTL));
        } finally {
            ConfigSources.unregisterContextParams(application);
        }
        assertNull(ConfigSources.contextParams(child));
    }

    @Test
    void configuresSigning_isTrueForAKeyOrATarget_only() {
        assertFalse(ConfigSources.configuresSigning(ConfigLookup.of(Map.of(ConfigProperties.URL_TTL, "1h"), "t")));
        assertTrue(ConfigSources.configuresSigning(ConfigLookup.of(Map.of(ConfigProperties.KEY_PAIR_ID, "K"), "t")));
        assertTrue(ConfigSources.configuresSigning(
                ConfigLookup.of(Map.of(ConfigProperties.PROTECTED_PREFIXES, "https://cdn.example.com/p/"), "t")));
    }

    @Test
    void enabled_isTrueUnlessFalse() {
        assertTrue(ConfigSources.enabled(ConfigLookup.of(Map.of(), "t")));
        assertFalse(ConfigSources.enabled(ConfigLookup.of(Map.of(ConfigProperties.ENABLED, "FALSE"), "t")));
    }

    @Test
    void enabled_rejectsOtherValues_namingTheProperty() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> ConfigSources.enabled(ConfigLookup.of(Map.of(ConfigProperties.ENABLED, "no"), "context-param")));
        assertTrue(
                e.getMessage().contains("cloudfront.enabled = \"no\" (context-param): expected true or false"),
                e.getMessage());
    }

    @Test
    void validate_listsTheProblems() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> ConfigSources.validate(
                        ConfigLookup.of(Map.of(ConfigProperties.KEY_PAIR_ID, "K2JCJMDEHXQW5F"), "context-param"),
                        false));
        assertTrue(e.getMessage().contains(ConfigProperties.PRIVATE_KEY), e.getMessage());
    }
}
