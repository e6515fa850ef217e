package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertAll;

import io.github.cloudfrontsigned.TestHttp;
import io.github.cloudfrontsigned.rewrite.ResponseCase;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Core's {@link ResponseCase} table through the servlet filter dropped into a WAR on Tomcat 11 and Jetty 12: the
 * same headers on both containers as in the servlet and JAX-RS modules' tests.
 */
final class ResponseRulesContainerTest {

    @ParameterizedTest
    @EnumSource(Container.class)
    void everyRow_getsTheHeadersOfItsRow(Container container) throws Exception {
        try (Container.Deployed d = container.deploy(WarApp.contextParamsOnly().write())) {
            assertAll(ResponseCase.all().stream().map(row -> (Executable) () -> row.check(TestHttp.send(
                    row.method(),
                    URI.create("http://127.0.0.1:" + d.port() + "/case?" + row.query()),
                    HttpResponse.BodyHandlers.ofByteArray(),
                    row.requestHeaders()))));
        }
    }
}
