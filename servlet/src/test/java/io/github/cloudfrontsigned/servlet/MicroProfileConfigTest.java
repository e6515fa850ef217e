package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.testing.TestServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.servlet.DispatcherType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/** Configuration from a real SmallRye Config registered for the web application's class loader. */
final class MicroProfileConfigTest {

    /** Starts the application with this MicroProfile configuration and these init-params. */
    private static TestServer start(Map<String, String> mpConfig, Map<String, String> initParams) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(mpConfig, "test-mp-source", 500))
                .build();
        ClassLoader loader = new URLClassLoader(new URL[0], MicroProfileConfigTest.class.getClassLoader());
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            return TestApp.start(context -> {
                context.setClassLoader(loader);
                FilterHolder holder = new FilterHolder(CloudFrontSigningFilter.class);
                holder.setName("cloudfront");
                holder.setInitParameters(initParams);
                context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
                TestApp.addServlets(context);
            });
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    private static long expiryOfFirstLink(TestServer server) {
        String body = new String(server.getBytes("/page?n=2").body(), StandardCharsets.UTF_8);
        assertEquals(TestApp.page(2), Signatures.unsigned(body));
        return Signatures.verifyCanned(Signatures.signedUrls(body).get(0)).getEpochSecond();
    }

    @Test
    void everyProperty_canComeFromMicroProfileConfig() {
        try (TestServer server = start(HttpSemanticsTest.params(), Map.of())) {
            assertTrue(expiryOfFirstLink(server) > Instant.now().getEpochSecond());
        }
    }

    @Test
    void microProfileConfig_overridesInitParams() {
        Map<String, String> mp = new HashMap<>(HttpSemanticsTest.params());
        mp.put("cloudfront.url.ttl", "PT2H");
        long now = Instant.now().getEpochSecond();
        try (TestServer server = start(mp, Map.of("cloudfront.url.ttl", "1m"))) {
            long expires = expiryOfFirstLink(server);
            assertTrue(expires >= now + 7200 && expires <= now + 7200 + 301, "MP Config's 2h wins: " + expires);
        }
    }

    @Test
    void initParams_fillWhatMicroProfileConfigLacks() {
        Map<String, String> mp = new HashMap<>(HttpSemanticsTest.params());
        mp.remove("cloudfront.protected-prefixes");
        try (TestServer server = start(mp, Map.of("cloudfront.protected-prefixes", TestApp.CDN))) {
            assertTrue(expiryOfFirstLink(server) > Instant.now().getEpochSecond());
        }
    }

    @Test
    void badValue_namesTheConfigSource() {
        Map<String, String> mp = new HashMap<>(HttpSemanticsTest.params());
        mp.put("cloudfront.cookie.same-site", "sometimes");
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> start(mp, Map.of()).close());
        Throwable t = e;
        while (t.getCause() != null && !t.getMessage().contains("cloudfront.cookie.same-site")) {
            t = t.getCause();
        }
        assertTrue(
                t.getMessage()
                        .contains(
                                "cloudfront.cookie.same-site = \"sometimes\" (MicroProfile Config"
                                        + " source PropertiesConfigSource[source=test-mp-source]): SameSite \"sometimes\" is not Strict, Lax or None"),
                t.getMessage());
    }
}
