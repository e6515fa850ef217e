package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SignedCookiesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put(
                "cloudfront.cookie.resources",
                "https://cdn.example.com/members/*, https://cdn.example.com/users/{user}/*");
        p.put("cloudfront.cookie.domain", "example.com");
        p.put("cloudfront.cookie.same-site", "strict");
        p.put("cloudfront.cookie.ttl", "10m");
        p.put("cloudfront.cookie.refresh-margin", "2m");
        p.put("cloudfront.url.expiry-granularity", "1s");
        server = TestApp.withFilter(p);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> setCookies(HttpResponse<?> r, String path) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.contains("; Path=" + path + ";"))
                .collect(Collectors.toList());
    }

    @Test
    void membersCookies_areSignedForTheResourceWithTheConfiguredAttributes() {
        long before = Instant.now().getEpochSecond();
        List<String> cookies = setCookies(server.getBytes("/page?n=1"), "/members/");
        assertEquals(3, cookies.size(), cookies.toString());
        for (String c : cookies) {
            assertTrue(c.endsWith("; Domain=example.com; Path=/members/; Secure; HttpOnly; SameSite=Strict"), c);
        }
        String policy = Signatures.verifyCookies(cookies);
        assertTrue(policy.startsWith("{\"Statement\":[{\"Resource\":\"https://cdn.example.com/members/*\","), policy);
        long expires = Long.parseLong(policy.replaceAll(".*\"AWS:EpochTime\":(\\d+).*", "$1"));
        assertTrue(expires >= before + 600 && expires <= Instant.now().getEpochSecond() + 601, policy);
    }

    @Test
    void perUserResource_namesThePercentEncodedUser() {
        List<String> cookies =
                setCookies(server.getBytes("/page?n=1", "X-Test-User", "anna smith"), "/users/anna%20smith/");
        assertEquals(3, cookies.size(), cookies.toString());
        assertTrue(Signatures.verifyCookies(cookies)
                .contains("\"Resource\":\"https://cdn.example.com/users/anna%20smith/*\""));
    }

    @Test
    void anonymousRequest_getsNoPerUserCookies() {
        HttpResponse<byte[]> r = server.getBytes("/page?n=1");
        assertTrue(
                r.headers().allValues("Set-Cookie").stream().noneMatch(h -> h.contains("/users/")),
                r.headers().allValues("Set-Cookie").toString());
    }

    @Test
    void freshCookiesInTheRequest_areNotReissued() {
        List<String> cookies = setCookies(server.getBytes("/page?n=1"), "/members/");
        String cookieHeader =
                cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        HttpResponse<byte[]> again = server.getBytes("/page?n=1", "Cookie", cookieHeader);
        assertEquals(List.of(), setCookies(again, "/members/"));
    }

    @Test
    void cookiesAboutToExpire_areReissued() {
        CloudFrontSigner shortLived = CloudFrontSigner.builder()
                .key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                .build();
        String old = shortLived
                .signCookies(Policy.builder()
                        .resource("https://cdn.example.com/members/*")
                        .expiresIn(Duration.ofMinutes(1))
                        .build())
                .toCookieHeader();
        assertEquals(
                3,
                setCookies(server.getBytes("/page?n=1", "Cookie", old), "/members/")
                        .size());
    }

    @Test
    void cookiesWithAForgedSignature_areReissued() {
        CloudFrontSigner forger = CloudFrontSigner.builder()
                .key(TestKeys.KEY_PAIR_ID, io.github.cloudfrontsigned.TestKeys.RSA_2.getPrivate())
                .build();
        String forged = forger.signCookies(Policy.builder()
                        .resource("https://cdn.example.com/members/*")
                        .expiresIn(Duration.ofHours(1))
                        .build())
                .toCookieHeader();
        assertEquals(
                3,
                setCookies(server.getBytes("/page?n=1", "Cookie", forged), "/members/")
                        .size(),
                "the verifier rejects the signature, so real cookies are issued");
    }

    @Test
    void errorResponse_getsNoCookies() {
        HttpResponse<byte[]> r = server.getBytes("/missing");
        assertEquals(404, r.statusCode());
        assertEquals(List.of(), r.headers().allValues("Set-Cookie"));
    }

    @Test
    void redirect_carriesCookies() {
        HttpResponse<byte[]> r = server.getBytes("/download?file=x.pdf");
        assertEquals(302, r.statusCode());
        assertEquals(3, setCookies(r, "/members/").size());
    }
}
