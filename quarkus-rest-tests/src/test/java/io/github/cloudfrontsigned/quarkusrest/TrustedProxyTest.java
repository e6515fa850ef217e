package io.github.cloudfrontsigned.quarkusrest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy on Quarkus REST, an IP-bound link is bound to the client named in {@code X-Forwarded-For}:
 * the Vert.x peer address goes into core's one decision, which believes the header only from
 * {@code cloudfront.client-ip.trusted-proxies}.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindLocalProxy.class)
@WithTestResource(GeneratedKey.class)
final class TrustedProxyTest {

    /** The test client (127.0.0.1) is the trusted proxy. */
    public static final class BehindLocalProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cloudfront.client-ip.trusted-proxies", "127.0.0.1");
        }
    }

    private static final Pattern SIGNED = Pattern.compile(Pattern.quote(ShelfResource.FILE) + "\\?[^\"]+");
    private static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trustedKey("K2JCJMDEHXQW5F", TestKeys.RSA.getPublic())
            .build();

    @TestHTTPResource("/shelf/bound")
    URL bound;

    @Test
    void forwardedForFromATrustedProxy_bindsTheLinkToTheClientItNames() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(bound.toString()))
                                .header("X-Forwarded-For", "198.51.100.7")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = SIGNED.matcher(response.body().replace("&amp;", "&"));
        assertTrue(m.find(), response.body());
        Verdict fromClient = VERIFIER.verify(
                ViewerRequest.builder().url(m.group()).clientIp("198.51.100.7").build());
        assertTrue(fromClient.isAllowed(), fromClient.reason());
        assertFalse(
                VERIFIER.verify(ViewerRequest.builder()
                                .url(m.group())
                                .clientIp("127.0.0.1")
                                .build())
                        .isAllowed(),
                "the link must be bound to the forwarded client, not to the proxy");
    }
}
