package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * In a servlet-only application where CDI runs (here Weld SE), beans get the signer and configuration read from
 * the application's context-params with {@code @Inject}.
 */
final class CdiInjectionTest {

    /** A CDI bean that builds signed URLs. */
    @Dependent
    static class VideoLinks {
        @Inject
        CloudFrontSigner signer;

        @Inject
        SigningConfiguration configuration;

        String link(String name) {
            return signer.signUrl(TestApp.CDN + name, Duration.ofMinutes(10));
        }
    }

    @Test
    void injectedSigner_isBuiltFromTheContextParams() {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        // what ServletSigningInitializer records at startup
        ConfigSources.registerContextParams(
                application,
                Map.of(
                        ConfigProperties.KEY_PAIR_ID,
                        TestKeys.KEY_PAIR_ID,
                        ConfigProperties.PRIVATE_KEY_LOCATION,
                        TestKeys.RSA_PEM.toString(),
                        ConfigProperties.URL_TTL,
                        "2h"));
        try (WeldContainer cdi = new Weld()
                .disableDiscovery()
                .addBeanClasses(ServletCdiProducer.class, VideoLinks.class)
                .initialize()) {
            VideoLinks links = cdi.select(VideoLinks.class).get();
            assertEquals(Duration.ofHours(2), links.configuration.urlTtl());
            assertSame(links.configuration.signer(), links.signer);
            String link = links.link("a.mp4");
            Signatures.verifyCanned(link); // the signature checks out with the test key's public half
            assertEquals(TestApp.CDN + "a.mp4", link.substring(0, link.indexOf('?')));
        } finally {
            ConfigSources.unregisterContextParams(application);
        }
    }
}
