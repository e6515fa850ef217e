package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.rewrite.ResponseCase;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response rules through the servlet filter on Jetty, over real HTTP: every row of core's
 * {@link ResponseCase} table gets the same headers as through the JAX-RS interceptor
 * ({@code ResponseRulesJaxrsTest}).
 */
final class ResponseRulesServletTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestApp.withFilter(HttpSemanticsTest.params());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<ResponseCase> rows() {
        return ResponseCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void response_getsTheHeadersOfItsRow(ResponseCase row) {
        row.check(server.send(
                row.method(), "/case?" + row.query(), HttpResponse.BodyHandlers.ofByteArray(), row.requestHeaders()));
    }
}
