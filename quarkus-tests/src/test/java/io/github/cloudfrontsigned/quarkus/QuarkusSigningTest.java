package io.github.cloudfrontsigned.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.IndependentCheck;
import io.github.cloudfrontsigned.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** @CloudFrontSigned on Quarkus REST, configured from application.properties, over real HTTP. */
@QuarkusTest
@WithTestResource(GeneratedKey.class)
final class QuarkusSigningTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern SIGNED = Pattern.compile("https://cdn\\.example\\.com/private/a\\.jpg\\?([^\"]+)\"");

    @TestHTTPResource("/")
    URL base;

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSignedByTheTestKey(String body) {
        Matcher m = SIGNED.matcher(body.replace("&amp;", "&"));
        assertTrue(m.find(), body);
        Map<String, String> p = IndependentCheck.parameters(m.group(1));
        String policy = "{\"Statement\":[{\"Resource\":\"https://cdn.example.com/private/a.jpg\",\"Condition\":"
                + "{\"DateLessThan\":{\"AWS:EpochTime\":" + p.get("Expires") + "}}}]}";
        assertTrue(IndependentCheck.verifiesRsa(TestKeys.RSA.getPublic(), "SHA1", policy, p.get("Signature")), body);
    }

    @Test
    void annotatedResource_signsItsLinks() throws Exception {
        assertSignedByTheTestKey(get("library").body());
    }

    @Test
    void resourceWithoutAnnotation_staysUnsigned() throws Exception {
        assertEquals(LibraryResource.PAGE, get("library/unsigned").body());
    }

    @Test
    void annotationCookies_areSet() throws Exception {
        HttpResponse<String> response = get("library/members");
        assertTrue(
                response.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("CloudFront-Signature=")),
                response.headers().map().toString());
    }

    @Test
    void redirect_isSignedWithTheAnnotationTtl() throws Exception {
        HttpResponse<String> response = get("library/download/a.jpg");
        assertEquals(303, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://cdn.example.com/private/a.jpg?Expires="), location);
    }

    @Test
    void injectedSigner_signsWithTheConfiguredKey() throws Exception {
        String url = get("library/url/a.jpg").body();
        assertTrue(url.contains("Key-Pair-Id=K2JCJMDEHXQW5F"), url);
    }

    @Test
    void servletFilterOnUndertow_signsTheServletsLinks() throws Exception {
        assertSignedByTheTestKey(get("servlet/page").body());
    }
}
