package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The settings of an annotated resource method are resolved at deployment and attached to the method
 * ({@link ResourceBinding}), and the client address is recorded only for a method that binds to it; seen through
 * the request properties at the end of each request, on Jersey in Jetty.
 */
final class ResourceBindingTest {

    /** Reports what the request carried: its attached settings and the client address, as response headers. */
    static final class Probe implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            ResourceBinding binding = ResourceBinding.of(request);
            Object address = request.getProperty(SigningDecision.REMOTE_ADDRESS);
            response.getHeaders().putSingle("X-Probe-Binding", binding == null ? "none" : binding.where);
            response.getHeaders().putSingle("X-Probe-Address", address == null ? "none" : address.toString());
        }
    }

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(
            () -> JerseyServer.start(Map.of(), new CloudFrontSignedFeature(JerseyServer.configuration()), new Probe()));

    private static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElseThrow();
    }

    @Test
    void annotatedMethod_carriesTheSettingsResolvedAtDeployment() {
        HttpResponse<String> r = SERVER.get().get("/api/catalog/items");
        assertEquals(200, r.statusCode());
        assertEquals(CatalogResource.class.getName() + ".items()", header(r, "X-Probe-Binding"));
    }

    @Test
    void methodNotBindingToTheClientIp_recordsNoClientAddress() {
        assertEquals("none", header(SERVER.get().get("/api/catalog/items"), "X-Probe-Address"));
    }

    @Test
    void methodBindingToTheClientIp_recordsTheClientAddress() {
        assertEquals("127.0.0.1", header(SERVER.get().get("/api/catalog/bound"), "X-Probe-Address"));
    }

    @Test
    void unannotatedMethod_carriesNoSettings() {
        assertEquals("none", header(SERVER.get().get("/api/catalog/items-unsigned"), "X-Probe-Binding"));
    }
}
