package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @CloudFrontSigned(cookies = ...)} sets signed cookies per path parameter and per user, only on 2xx;
 * on Jersey.
 */
final class SignedCookiesTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    @Test
    void pathParameter_namesTheCookieResource() {
        HttpResponse<String> r = SERVER.get().get("/api/courses/java-101");
        assertEquals(200, r.statusCode());
        List<String> set =
                Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/courses/java-101/*");
        assertTrue(
                set.get(0).endsWith("; Domain=example.com; Path=/courses/java-101/; Secure; HttpOnly; SameSite=Lax"),
                set.get(0));
    }

    @Test
    void pathParameterValue_isPercentEncoded() {
        HttpResponse<String> r = SERVER.get().get("/api/courses/a%20b%2A");
        Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/courses/a%20b%2A/*");
    }

    @Test
    void user_namesTheCookieResource() {
        HttpResponse<String> r = SERVER.get().get("/api/courses/java-101", "X-User", "ann lee");
        List<String> set =
                Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/users/ann%20lee/*");
        assertTrue(set.get(0).contains("; Path=/users/ann%20lee/;"), set.get(0));
        Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/courses/java-101/*");
    }

    @Test
    void anonymousRequest_getsNoPerUserCookies() {
        List<String> cookies = TestServer.setCookies(SERVER.get().get("/api/courses/java-101"));
        assertEquals(3, cookies.size(), cookies.toString()); // Policy, Signature, Key-Pair-Id of the course only
    }

    @Test
    void cookiePolicy_lastsTheAnnotationsCookieTtl() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> set = Signatures.verifyCookies(
                TestServer.setCookies(SERVER.get().get("/api/courses/c1")), "https://cdn.example.com/courses/c1/*");
        Matcher m = Pattern.compile("\"AWS:EpochTime\":(\\d+)").matcher(Signatures.cookiePolicy(set));
        assertTrue(m.find());
        Duration ttl = Duration.between(before, Instant.ofEpochSecond(Long.parseLong(m.group(1))));
        assertTrue(
                ttl.compareTo(Duration.ofHours(2)) >= 0
                        && ttl.compareTo(Duration.ofHours(2).plusMinutes(1)) < 0,
                ttl.toString());
    }

    @Test
    void freshCookiesInTheRequest_areNotReissued() {
        List<String> first = TestServer.setCookies(SERVER.get().get("/api/courses/java-101"));
        String cookieHeader =
                first.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        HttpResponse<String> again = SERVER.get().get("/api/courses/java-101", "Cookie", cookieHeader);
        assertEquals(200, again.statusCode());
        assertEquals(List.of(), TestServer.setCookies(again));
    }

    @Test
    void cookiesAboutToExpire_areReissued() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                .build();
        String old = signer.signCookies(Policy.builder()
                        .resource("https://cdn.example.com/courses/java-101/*")
                        .expiresIn(Duration.ofMinutes(1))
                        .build())
                .toCookieHeader();
        HttpResponse<String> r = SERVER.get().get("/api/courses/java-101", "Cookie", old);
        Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/courses/java-101/*");
    }

    @Test
    void freshCookiesForAnotherCourse_doNotStopThisCoursesCookies() {
        List<String> other = TestServer.setCookies(SERVER.get().get("/api/courses/other"));
        String cookieHeader =
                other.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        HttpResponse<String> r = SERVER.get().get("/api/courses/java-101", "Cookie", cookieHeader);
        Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/courses/java-101/*");
    }

    @Test
    void refusedRequest_getsNoCookies() {
        HttpResponse<String> r = SERVER.get().get("/api/courses/java-101", "X-User", "ann", "X-Deny", "yes");
        assertEquals(403, r.statusCode());
        assertTrue(TestServer.setCookies(r).isEmpty(), TestServer.setCookies(r).toString());
    }
}
