package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.TestHttp;
import io.github.cloudfrontsigned.rewrite.ResponseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response rules through the JAX-RS filter and writer interceptor on Jersey, over real HTTP: every row of
 * core's {@link ResponseCase} table gets the same headers as through the servlet filter
 * ({@code ResponseRulesServletTest}).
 */
final class ResponseRulesJaxrsTest {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(() -> JerseyServer.start(
            Set.of(CaseResource.class), Map.of(), new CloudFrontSignedFeature(JerseyServer.configuration())));

    static List<ResponseCase> rows() {
        return ResponseCase.all();
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

    /** {@code /case}: the response of one row, read from the query; signed. */
    @Path("/case")
    public static class CaseResource {

        /**
         * @param uri the request's URI
         * @return the row's response
         */
        @GET
        @CloudFrontSigned
        public Response respond(@Context UriInfo uri) {
            Map<String, String> response = ResponseCase.read(uri.getQueryParameters()::getFirst);
            int status = Integer.parseInt(response.remove(ResponseCase.STATUS));
            Response.ResponseBuilder b = Response.status(status).type(response.remove(ResponseCase.TYPE));
            response.forEach(b::header);
            if (ResponseCase.hasBody(status)) {
                b.entity(ResponseCase.BODY_BYTES).header("Content-Length", ResponseCase.BODY_BYTES.length);
            }
            return b.build();
        }
    }
}
