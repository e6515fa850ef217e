package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Annotation attributes override the configured hash algorithm, prefixes and IP binding; on Jersey. */
final class AnnotationOverridesTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    @Test
    void hashAlgorithm_signsWithSha256() {
        List<String> urls =
                Signatures.signedUrls(SERVER.get().get("/api/catalog/sha256").body());
        assertEquals(2, urls.size());
        for (String url : urls) {
            assertTrue(url.endsWith("&Hash-Algorithm=SHA256"), url);
            assertEquals("SHA256", Signatures.verifyUrl(url).hashAlgorithm());
        }
    }

    @Test
    void protectedPrefixes_replaceTheConfiguredOnes() {
        String body = SERVER.get().get("/api/catalog/media").body();
        List<String> urls = Signatures.signedUrls(body);
        assertEquals(1, urls.size(), body);
        assertEquals(
                "https://media.example.com/hd/a.mp4",
                Signatures.verifyUrl(urls.get(0)).url());
        assertTrue(body.contains(" " + CatalogResource.PRIVATE + "b.mp4\n"), body);
    }

    @Test
    void ipBinding_bindsTheLinkToTheClientAddress() {
        String location = SERVER.get()
                .get("/api/catalog/bound")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        Signatures.Verified v = Signatures.verifyUrl(location);
        assertTrue(v.policy().contains("\"IpAddress\":{\"AWS:SourceIp\":\"127.0.0.1/32\"}"), v.policy());
        assertEquals(CatalogResource.PRIVATE + "files/bound.pdf", v.url());
    }

    @Test
    void ipBinding_trustsForwardedForOnlyFromConfiguredProxies() {
        String location = SERVER.get()
                .get("/api/catalog/bound", "X-Forwarded-For", "198.51.100.7")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertTrue(Signatures.verifyUrl(location).policy().contains("\"AWS:SourceIp\":\"127.0.0.1/32\""), location);
    }
}
