package io.github.cloudfrontsigned.quarkusrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code @CloudFrontSigned} on plain Quarkus REST (quarkus-rest, quarkus-rest-jackson, cloudfront-signed-jaxrs;
 * no servlet layer), configured from application.properties, over real HTTP; every signature checked by core's
 * {@link CloudFrontVerifier} as CloudFront would.
 */
@QuarkusTest
@WithTestResource(GeneratedKey.class)
final class QuarkusRestSigningTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern SIGNED = Pattern.compile(Pattern.quote(ShelfResource.FILE) + "\\?[^\"]+");
    private static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trustedKey("K2JCJMDEHXQW5F", TestKeys.RSA.getPublic())
            .build();

    @TestHTTPResource("/")
    URL base;

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signedLink(String body) {
        Matcher m = SIGNED.matcher(body.replace("&amp;", "&").replace("\\u0026", "&"));
        assertTrue(m.find(), "no signed link in: " + body);
        return m.group();
    }

    private static Verdict verify(String url, String clientIp) {
        return VERIFIER.verify(
                ViewerRequest.builder().url(url).clientIp(clientIp).build());
    }

    @Test
    void annotatedResource_signsItsLinksForTheVerifier() throws Exception {
        Verdict verdict = verify(signedLink(get("shelf").body()), "198.51.100.7");
        assertTrue(verdict.isAllowed(), verdict.reason());
    }

    @Test
    void jsonEntity_writtenByJackson_hasItsLinkSigned() throws Exception {
        HttpResponse<String> response = get("shelf/book");
        assertEquals(200, response.statusCode(), response.body());
        Verdict verdict = verify(signedLink(response.body()), "198.51.100.7");
        assertTrue(verdict.isAllowed(), verdict.reason());
    }

    @Test
    void resourceWithoutAnnotation_staysUnsigned() throws Exception {
        assertEquals(ShelfResource.PAGE, get("shelf/unsigned").body());
    }

    @Test
    void ipBoundResource_bindsTheLinkToTheClientAddress() throws Exception {
        String link = signedLink(get("shelf/bound").body());
        assertTrue(link.contains("Policy="), "an IP-bound link has a custom policy: " + link);
        Verdict fromClient = verify(link, "127.0.0.1");
        assertTrue(fromClient.isAllowed(), fromClient.reason());
        assertFalse(verify(link, "198.51.100.7").isAllowed(), "the link must not work from another address");
    }

    @Test
    void ipBoundResource_ignoresForwardedForFromAnUntrustedPeer() throws Exception {
        // No cloudfront.client-ip.trusted-proxies: the header is the client's own word, so the peer address counts.
        String link =
                signedLink(get("shelf/bound", "X-Forwarded-For", "198.51.100.7").body());
        Verdict fromClient = verify(link, "127.0.0.1");
        assertTrue(fromClient.isAllowed(), fromClient.reason());
        assertFalse(verify(link, "198.51.100.7").isAllowed(), "X-Forwarded-For from an untrusted peer was believed");
    }

    @Test
    void annotationCookies_areAcceptedByTheVerifier() throws Exception {
        HttpResponse<String> response = get("shelf/members");
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        ViewerRequest.Builder request = ViewerRequest.builder()
                .url("https://cdn.example.com/members/intro.mp4")
                .clientIp("198.51.100.7");
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            request.cookie(pair.substring(0, eq), pair.substring(eq + 1));
        }
        assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("CloudFront-Signature=")), setCookies.toString());
        Verdict verdict = VERIFIER.verify(request.build());
        assertTrue(verdict.isAllowed(), verdict.reason());
    }

    @Test
    void redirect_isSignedForTheVerifier() throws Exception {
        HttpResponse<String> response = get("shelf/download/a.jpg");
        assertEquals(303, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        Verdict verdict = verify(location, "198.51.100.7");
        assertTrue(verdict.isAllowed(), verdict.reason());
    }
}
