package io.github.cloudfrontsigned.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The MicroProfile Health readiness check of the jaxrs module on Quarkus with SmallRye Health, over real HTTP. */
@QuarkusTest
@WithTestResource(GeneratedKey.class)
final class QuarkusHealthTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void readiness_reportsTheSigningKeyUpWithItsIdentity() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String body = ready.body().replaceAll("\\s+", "");
        assertEquals(200, ready.statusCode(), body);
        assertTrue(
                body.contains("\"name\":\"cloudfront\"")
                        && body.contains("\"keyPairId\":\"K2JCJMDEHXQW5F\"")
                        && body.contains("\"keyType\":\"RSA2048-bit\"")
                        && body.contains("\"state\":\"UP\""),
                body);
        assertTrue(body.matches(".*\"name\":\"cloudfront\",\"status\":\"UP\".*"), body);
    }
}
