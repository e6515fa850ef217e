package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.testing.TestServer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Where CDI runs (here Weld SE), beans get the signer of the deployed JAX-RS application with {@code @Inject}. */
final class CdiInjectionTest {

    /** A CDI bean that builds signed URLs. */
    @Dependent
    static class VideoLinks {
        @Inject
        CloudFrontSigner signer;

        String link(String name) {
            return signer.signUrl(CatalogResource.PRIVATE + "videos/" + name, Duration.ofMinutes(10));
        }
    }

    @Test
    void injectedSigner_isTheOneTheFeatureConfigured() {
        SigningConfiguration configuration = JerseyServer.configuration().build();
        try (TestServer server = JerseyServer.start(Map.of(), new CloudFrontSignedFeature(configuration));
                WeldContainer cdi = new Weld()
                        .disableDiscovery()
                        .addBeanClasses(JaxrsCdiProducer.class, VideoLinks.class)
                        .initialize()) {
            VideoLinks links = cdi.select(VideoLinks.class).get();
            assertSame(configuration.signer(), links.signer);
            assertEquals(
                    CatalogResource.PRIVATE + "videos/a.mp4",
                    Signatures.verifyUrl(links.link("a.mp4")).url());
            server.get("/api/catalog/items"); // the JAX-RS side keeps working alongside
        }
    }
}
