package io.github.cloudfrontsigned.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One configuration per web application, read once for every entry point, closed when the application stops. */
final class SharedConfigurationsTest {

    private final ClassLoader application = new URLClassLoader(new URL[0], null);
    private final Map<String, String> contextParams = new HashMap<>();

    @BeforeEach
    void contextParams() {
        contextParams.put(ConfigProperties.KEY_PAIR_ID, "K2JCJMDEHXQW5F");
        contextParams.put(
                ConfigProperties.PRIVATE_KEY_LOCATION,
                TestKeys.pemFile(TestKeys.RSA.getPrivate()).toString());
        contextParams.put(ConfigProperties.PROTECTED_PREFIXES, "https://cdn.example.com/private/");
    }

    private void start() {
        ConfigSources.registerContextParams(application, contextParams);
        assertTrue(SharedConfigurations.start(application));
    }

    @AfterEach
    void stop() {
        SharedConfigurations.stop(application);
        ConfigSources.unregisterContextParams(application);
    }

    @Test
    void configuration_isNull_whenNoInitializerStartedTheApplication() {
        ConfigSources.registerContextParams(application, contextParams);
        assertNull(SharedConfigurations.configuration(application, null, null, false));
    }

    @Test
    void configuration_isReadOnce_forEveryEntryPointAndThreadOfTheApplication() {
        start();
        SigningConfiguration first = SharedConfigurations.configuration(application, null, null, false);
        ClassLoader requestThread = new URLClassLoader(new URL[0], application);
        assertSame(first, SharedConfigurations.configuration(requestThread, Map.of(), "init-param", true));
        assertSame(
                first,
                SharedConfigurations.configuration(application, Map.of("jersey.config.x", "y"), "property", false));
    }

    @Test
    void start_isIdempotent_andTellsWhoStartedIt() {
        start();
        assertFalse(SharedConfigurations.start(application));
    }

    @Test
    void ownParamsThatRepeatTheApplicationsValues_shareItsConfiguration() {
        start();
        SigningConfiguration shared = SharedConfigurations.configuration(application, null, null, false);
        assertSame(
                shared,
                SharedConfigurations.configuration(
                        application,
                        Map.of(ConfigProperties.PROTECTED_PREFIXES, "https://cdn.example.com/private/"),
                        "init-param of filter \"f\"",
                        true));
    }

    @Test
    void ownParamsThatChangeAValue_makeAnotherConfiguration_readOnce() {
        start();
        SigningConfiguration shared = SharedConfigurations.configuration(application, null, null, false);
        Map<String, String> initParams = Map.of(ConfigProperties.URL_TTL, "10m");
        SigningConfiguration own = SharedConfigurations.configuration(application, initParams, "init-param", true);
        assertNotSame(shared, own);
        assertEquals(java.time.Duration.ofMinutes(10), own.urlTtl());
        assertSame(own, SharedConfigurations.configuration(application, initParams, "init-param", true));
    }

    @Test
    void problems_areReportedToEveryEntryPoint_withTheProperty() {
        contextParams.put(ConfigProperties.URL_TTL, "ten minutes");
        start();
        for (int i = 0; i < 2; i++) {
            ConfigurationException e = assertThrows(
                    ConfigurationException.class,
                    () -> SharedConfigurations.configuration(application, null, null, false));
            assertTrue(e.getMessage().contains("cloudfront.url.ttl = \"ten minutes\" (context-param)"), e.getMessage());
        }
    }

    @Test
    void requireSigningTargets_reportsNothingToSign_whereTheApplicationNeedsNone() {
        contextParams.remove(ConfigProperties.PROTECTED_PREFIXES);
        start();
        SharedConfigurations.configuration(application, null, null, false);
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> SharedConfigurations.configuration(application, null, null, true));
        assertTrue(e.getMessage().contains("nothing to sign"), e.getMessage());
    }

    @Test
    void stop_forgetsTheApplication() {
        start();
        SharedConfigurations.configuration(application, null, null, false);
        SharedConfigurations.stop(application);
        assertNull(SharedConfigurations.configuration(application, null, null, false));
    }
}
