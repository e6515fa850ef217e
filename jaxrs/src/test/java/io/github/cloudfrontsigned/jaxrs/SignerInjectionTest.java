package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resources get the configured signer through {@code @Context Providers}; on Jersey. */
final class SignerInjectionTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    @Test
    void resource_signsAUrlWithTheInjectedSigner() {
        List<String> urls =
                Signatures.signedUrls(SERVER.get().get("/api/catalog/manual").body());
        assertEquals(1, urls.size());
        assertEquals(
                CatalogResource.PRIVATE + "videos/lesson-7.mp4",
                Signatures.verifyUrl(urls.get(0)).url());
    }
}
