package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.TestHttp;
import io.github.cloudfrontsigned.rewrite.ResponseCase;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Core's {@link ResponseCase} table on RESTEasy: the same headers as on Jersey and through the servlet filter. */
final class ResponseRulesResteasyTest {

    /** The row endpoint of the JAX-RS module's tests, configured by properties. */
    public static class CaseApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(ResponseRulesJaxrsTest.CaseResource.class);
        }

        @Override
        public Map<String, Object> getProperties() {
            return ResteasyServer.properties();
        }
    }

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(() -> ResteasyServer.start(CaseApplication.class));

    /**
     * Every row but {@code gzipEncoding}: RESTEasy's {@code GZIPEncodingInterceptor} (on by default) takes a
     * {@code Content-Encoding: gzip} set by the resource as a request to compress, and wraps the entity stream
     * before this library's interceptor, which then signs the uncompressed entity (see
     * {@code ResteasyCompressionTest}); an entity the resource compressed itself would be compressed twice there.
     *
     * @return the rows
     */
    static List<ResponseCase> rows() {
        return ResponseCase.all().stream()
                .filter(row -> !"gzip".equals(row.contentEncoding()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void response_getsTheHeadersOfItsRow(ResponseCase row) {
        row.check(TestHttp.send(
                row.method(),
                SERVER.get().uri("/api/case?" + row.query()),
                HttpResponse.BodyHandlers.ofByteArray(),
                row.requestHeaders()));
    }
}
