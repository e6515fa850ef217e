package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resources get the configured signer through {@code @Context Providers}; on Jersey. */
final class SignerInjectionTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = JerseyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void resource_signsAUrlWithTheInjectedSigner() {
        List<String> urls = Signatures.signedUrls(server.get("/api/catalog/manual").body());
        assertEquals(1, urls.size());
        assertEquals(CatalogResource.PRIVATE + "videos/lesson-7.mp4", Signatures.verifyUrl(urls.get(0)).url());
    }
}
