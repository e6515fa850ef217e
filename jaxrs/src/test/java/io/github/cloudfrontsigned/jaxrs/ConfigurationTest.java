package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.jaxrs.app.MisconfiguredResources;
import io.github.cloudfrontsigned.testing.TestServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/**
 * Configuration from application properties and MicroProfile Config, discovery, idempotent registration and
 * deployment-time failures that name the property or attribute; on Jersey.
 */
final class ConfigurationTest {

    private static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigProperties.KEY_PAIR_ID, TestKeys.KEY_PAIR_ID);
        p.put(ConfigProperties.PRIVATE_KEY_LOCATION, TestKeys.RSA_PEM.toString());
        p.put(ConfigProperties.PROTECTED_PREFIXES, CatalogResource.PRIVATE);
        return p;
    }

    private static Duration locationTtl(TestServer server) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String location = server.get("/api/catalog/bound")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        return Duration.between(before, Signatures.verifyUrl(location).expires());
    }

    @Test
    void applicationProperties_configureTheDiscoveredFeature() {
        try (TestServer server = JerseyServer.start(properties())) {
            String location = server.get("/api/catalog/download/a.pdf")
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();
            assertEquals(
                    CatalogResource.PRIVATE + "files/a.pdf",
                    Signatures.verifyUrl(location).url());
        }
    }

    @Test
    void microProfileConfig_overridesApplicationProperties() {
        Map<String, Object> application = properties();
        application.put(ConfigProperties.URL_TTL, "1h");
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(ConfigProperties.URL_TTL, "20m"), "test", 500))
                .build();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(classLoader)); // the one an earlier test's feature looked up
        resolver.registerConfig(config, classLoader);
        try (TestServer server = JerseyServer.start(application)) {
            Duration ttl = locationTtl(server);
            // 20 minutes, rounded up to the default expiry granularity of 5 minutes (not the 1 hour)
            assertTrue(
                    ttl.compareTo(Duration.ofMinutes(20)) >= 0 && ttl.compareTo(Duration.ofMinutes(25)) < 0,
                    ttl.toString());
        } finally {
            resolver.releaseConfig(config);
        }
    }

    @Test
    void configurationInCode_winsOverProperties() {
        Map<String, Object> application = properties();
        application.put(ConfigProperties.URL_TTL, "3h");
        try (TestServer server = JerseyServer.start(
                application,
                new CloudFrontSignedFeature(JerseyServer.configuration().urlTtl(Duration.ofMinutes(30))))) {
            Duration ttl = locationTtl(server);
            assertTrue(
                    ttl.compareTo(Duration.ofMinutes(30)) >= 0 && ttl.compareTo(Duration.ofMinutes(31)) < 0,
                    ttl.toString());
        }
    }

    @Test
    void featureRegisteredTwice_setsCookiesOnce() {
        try (TestServer server = JerseyServer.start(
                properties(),
                CloudFrontSignedFeature.class,
                new CloudFrontSignedFeature(JerseyServer.configuration()))) {
            assertEquals(3, TestServer.setCookies(server.get("/api/courses/c1")).size());
        }
    }

    @Test
    void badProperty_failsTheDeploymentNamingIt() {
        Map<String, Object> application = properties();
        application.put(ConfigProperties.URL_TTL, "-5m");
        String failure = Deployment.failure(() -> JerseyServer.start(application));
        assertTrue(
                failure.contains("cloudfront.url.ttl = \"-5m\" (JAX-RS application property): the link lifetime"
                        + " must be positive"),
                failure);
    }

    @Test
    void missingKey_failsTheDeploymentOfAnAnnotatedResource() {
        String failure = Deployment.failure(() -> JerseyServer.start(Map.of()));
        assertTrue(failure.contains("cloudfront.key-pair-id (not set): required"), failure);
    }

    @Test
    void missingKey_isHarmlessWithoutAnnotatedResources() {
        try (TestServer server = JerseyServer.start(Set.of(MisconfiguredResources.Plain.class), Map.of())) {
            assertEquals(
                    CatalogResource.PRIVATE + "a.txt", server.get("/api/plain").body());
        }
    }

    @Test
    void badAttributes_failTheDeploymentNamingMethodAndAttribute() {
        String failure = Deployment.failure(
                () -> JerseyServer.start(Set.of(MisconfiguredResources.BadAttributes.class), properties()));
        String where = MisconfiguredResources.BadAttributes.class.getName() + ".get()";
        assertTrue(failure.contains("@CloudFrontSigned(ttl) = \"soon\" (" + where + "): "), failure);
        assertTrue(failure.contains("@CloudFrontSigned(hashAlgorithm) = \"MD5\" (" + where + "): "), failure);
    }

    @Test
    void cookiePlaceholderThatIsNoPathParameter_failsTheDeployment() {
        String failure = Deployment.failure(
                () -> JerseyServer.start(Set.of(MisconfiguredResources.UnknownPlaceholder.class), properties()));
        assertTrue(
                failure.contains("{courseId} is not a path parameter of this resource method (its @Path declares"
                        + " [lessonId])"),
                failure);
    }

    @Test
    void cookieHostOutsideTheCookieDomain_failsTheDeployment() {
        Map<String, Object> application = properties();
        application.put(ConfigProperties.COOKIE_DOMAIN, "example.com");
        String failure = Deployment.failure(
                () -> JerseyServer.start(Set.of(MisconfiguredResources.UncoveredHost.class), application));
        assertTrue(failure.contains("@CloudFrontSigned(cookies) = \"https://media.example.org/all/*\""), failure);
        assertTrue(
                failure.contains(
                        "cloudfront.cookie.domain = \"example.com\": does not cover the host" + " media.example.org"),
                failure);
        assertFalse(failure.contains("PRIVATE KEY"), failure);
    }
}
