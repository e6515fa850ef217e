package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jboss.resteasy.plugins.interceptors.GZIPEncodingInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With RESTEasy's {@code GZIPEncodingInterceptor}, links are signed first, then compressed. */
final class ResteasyCompressionTest {

    /**
     * Asks for gzip as RESTEasy applications do, by the response header ({@code @GZIP} sets the same), when the
     * client accepts it; RESTEasy's interceptor then compresses.
     */
    public static final class GzipWhenAccepted implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            String accepted = request.getHeaderString(HttpHeaders.ACCEPT_ENCODING);
            if (response.hasEntity() && accepted != null && accepted.contains("gzip")) {
                response.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        }
    }

    /** The configured test application with RESTEasy's gzip interceptor registered. */
    public static class Compressing extends ResteasyServer.Configured {
        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = new HashSet<>(super.getClasses());
            classes.add(GzipWhenAccepted.class);
            classes.add(GZIPEncodingInterceptor.class);
            return classes;
        }
    }

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(() -> ResteasyServer.start(Compressing.class));

    @Test
    void gzipInterceptor_compressesTheSignedEntity() {
        HttpResponse<byte[]> r = SERVER.get().getBytes("/api/catalog/page", "Accept-Encoding", "gzip");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
        String body;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> signed = Signatures.signedUrls(body);
        assertEquals(2, signed.size(), body);
        signed.forEach(Signatures::verifyUrl);
        assertEquals(CatalogResource.PAGE, Signatures.unsigned(body));
    }
}
