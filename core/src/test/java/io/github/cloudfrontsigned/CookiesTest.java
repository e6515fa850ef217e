package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CookiesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final CloudFrontSigner SIGNER = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    private static final Policy MEMBERS = Policy.builder()
            .resource("https://cdn.example.com/members/*")
            .expiresIn(Duration.ofHours(1))
            .build();

    @Test
    void setCookieHeaders_byDefault_areSecureHttpOnlyLaxSessionCookiesForRootPath() {
        List<String> headers = SIGNER.signCookies(MEMBERS).toSetCookieHeaders(CookieAttributes.defaults());
        assertEquals(3, headers.size());
        for (String h : headers) {
            assertTrue(h.endsWith("; Path=/; Secure; HttpOnly; SameSite=Lax"), h);
            assertFalse(h.contains("Max-Age"), h);
        }
        assertTrue(headers.get(0).startsWith("CloudFront-Policy="), headers.get(0));
        assertTrue(headers.get(1).startsWith("CloudFront-Signature="), headers.get(1));
        assertTrue(headers.get(2).startsWith("CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F;"), headers.get(2));
    }

    @Test
    void setCookieHeaders_renderEveryAttribute() {
        CookieAttributes attributes = CookieAttributes.builder()
                .domain(".CDN.example.com")
                .path("/members/")
                .maxAge(Duration.ofMinutes(30))
                .sameSite(CookieAttributes.SameSite.STRICT)
                .build();
        String header =
                SIGNER.signCookies(MEMBERS).toSetCookieHeaders(attributes).get(2);
        assertEquals(
                "CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; Domain=cdn.example.com; Path=/members/; Max-Age=1800;"
                        + " Secure; HttpOnly; SameSite=Strict",
                header);
    }

    @Test
    void cloudfrontNetDomain_isRefused() {
        for (String d : new String[] {"cloudfront.net", ".cloudfront.net", "*.cloudfront.net"}) {
            String m = assertThrows(
                            IllegalArgumentException.class,
                            () -> CookieAttributes.builder().domain(d))
                    .getMessage();
            assertTrue(m.contains("cloudfront.net") || m.contains("wildcard"), m);
        }
    }

    @Test
    void distributionDomain_isAccepted() {
        assertEquals(
                "d111111abcdef8.cloudfront.net",
                CookieAttributes.builder()
                        .domain("d111111abcdef8.cloudfront.net")
                        .build()
                        .domain());
    }

    @Test
    void pathWithoutLeadingSlash_isRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> CookieAttributes.builder().path("members/"));
    }

    @Test
    void pathWithSemicolon_isRefused() {
        String m = assertThrows(
                        IllegalArgumentException.class,
                        () -> CookieAttributes.builder().path("/a;b"))
                .getMessage();
        assertTrue(m.contains("position 2"), m);
    }

    @Test
    void sameSiteNoneWithoutSecure_isRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CookieAttributes.builder()
                        .secure(false)
                        .sameSite(CookieAttributes.SameSite.NONE)
                        .build());
    }

    @Test
    void hugeResource_isReportedOverTheBrowserBudget() {
        String resource = "https://cdn.example.com/" + "a".repeat(3500) + "/*";
        SignedCookies cookies = SIGNER.signCookies(Policy.builder()
                .resource(resource)
                .expiresIn(Duration.ofHours(1))
                .build());
        assertTrue(cookies.exceedsBrowserLimit(CookieAttributes.defaults()));
        assertFalse(SIGNER.signCookies(MEMBERS).exceedsBrowserLimit(CookieAttributes.defaults()));
    }

    @Test
    void cookieHeader_joinsNameValuePairs() {
        SignedCookies cookies = SIGNER.signCookies(MEMBERS);
        assertEquals(
                cookies.cookies().get(0) + "; " + cookies.cookies().get(1) + "; "
                        + cookies.cookies().get(2),
                cookies.toCookieHeader());
    }
}
