package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.jaxrs.app.SignedApplication;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** {@code @CloudFrontSigned} on the {@code Application} binds every resource, with the configured defaults. */
final class ApplicationBindingTest {

    @Test
    void annotatedApplication_signsUnannotatedResources() {
        ResourceConfig config = ResourceConfig.forApplicationClass(SignedApplication.class)
                .register(new CloudFrontSignedFeature(JerseyServer.configuration()));
        try (TestServer server = JerseyServer.start(config)) {
            String body = server.get("/api/plain").body();
            assertEquals(
                    CatalogResource.PRIVATE + "a.txt",
                    Signatures.verifyUrl(body).url());
        }
    }

    @Test
    void missingConfiguration_answers500WithoutDetails() {
        // No key anywhere: the deployment check cannot catch it (no annotated method), the first request does.
        try (TestServer server = JerseyServer.start(ResourceConfig.forApplicationClass(SignedApplication.class))) {
            HttpResponse<String> r = server.get("/api/plain");
            assertEquals(500, r.statusCode());
            assertFalse(r.body().contains("cloudfront"), r.body()); // the container's generic page at most
            assertFalse(r.body().contains(CatalogResource.PRIVATE), r.body());
        }
    }
}
