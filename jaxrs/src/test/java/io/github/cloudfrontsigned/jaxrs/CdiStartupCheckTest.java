package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Where a CDI container starts the application and no servlet container initializer runs (Quarkus REST; here
 * Weld SE, as in other Weld-based runtimes), a misconfiguration in MicroProfile Config stops start-up with the
 * property, the value, its source and the fix.
 */
final class CdiStartupCheckTest {

    /** Starts Weld with only the start-up check, for a fresh application class loader configured by {@code properties}. */
    private static void startWith(Map<String, String> properties, boolean servletInitializerRan) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[0], previous)) {
            Config config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test properties", 500))
                    .build();
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            resolver.registerConfig(config, application);
            if (servletInitializerRan) {
                ConfigSources.registerContextParams(application, Map.of());
            }
            Thread.currentThread().setContextClassLoader(application);
            try (WeldContainer cdi = new Weld()
                    .disableDiscovery()
                    .addBeanClasses(CdiStartupCheck.class)
                    .initialize()) {
                assertTrue(cdi.isRunning());
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
                ConfigSources.unregisterContextParams(application);
                resolver.releaseConfig(config);
            }
        }
    }

    private static Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put(ConfigProperties.KEY_PAIR_ID, TestKeys.KEY_PAIR_ID);
        properties.put(ConfigProperties.PRIVATE_KEY_LOCATION, TestKeys.RSA_PEM.toString());
        return properties;
    }

    private static ConfigurationException startFails(Map<String, String> properties) {
        Throwable failure = assertThrows(Throwable.class, () -> startWith(properties, false));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException e) {
                return e;
            }
        }
        throw new AssertionError("start-up failed, but not with a ConfigurationException", failure);
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "no \"" + part + "\" in: " + message);
        }
    }

    @Test
    void badDuration_stopsStartUpWithThePropertyValueSourceAndFix() {
        Map<String, String> properties = valid();
        properties.put(ConfigProperties.URL_TTL, "ten minutes");
        assertContains(
                startFails(properties).getMessage(),
                ConfigProperties.URL_TTL + " = \"ten minutes\"",
                "test properties",
                "10m");
    }

    @Test
    void missingKeyFile_stopsStartUpWithThePropertyAndPath() {
        Map<String, String> properties = valid();
        String missing = TestKeys.RSA_PEM.resolveSibling("no-such-key.pem").toString();
        properties.put(ConfigProperties.PRIVATE_KEY_LOCATION, missing);
        assertContains(startFails(properties).getMessage(), ConfigProperties.PRIVATE_KEY_LOCATION, missing);
    }

    @Test
    void keyWithoutKeyPairId_stopsStartUp() {
        Map<String, String> properties = valid();
        properties.remove(ConfigProperties.KEY_PAIR_ID);
        assertContains(startFails(properties).getMessage(), ConfigProperties.KEY_PAIR_ID);
    }

    @Test
    void validConfiguration_starts() throws Exception {
        startWith(valid(), false);
    }

    @Test
    void noSigningConfigured_starts() throws Exception {
        startWith(Map.of(ConfigProperties.URL_TTL, "ten minutes"), false);
    }

    @Test
    void disabled_startsDespiteABadValue() throws Exception {
        Map<String, String> properties = valid();
        properties.put(ConfigProperties.URL_TTL, "ten minutes");
        properties.put(ConfigProperties.ENABLED, "false");
        startWith(properties, false);
    }

    @Test
    void servletInitializerRan_noSecondCheck() throws Exception {
        Map<String, String> properties = valid();
        properties.put(ConfigProperties.URL_TTL, "ten minutes"); // the initializer would have stopped the deployment
        startWith(properties, true);
    }
}
