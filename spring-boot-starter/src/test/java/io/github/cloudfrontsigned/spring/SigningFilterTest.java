package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.IndependentCheck;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.spring.app.MediaApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Spring Boot web application with Spring Security and Actuator, over real HTTP: properties in,
 * signed links and cookies out, for the right users only.
 */
@SpringBootTest(
        classes = MediaApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cloudfront.key-pair-id=K2JCJMDEHXQW5F",
            "cloudfront.protected-prefixes=https://cdn.example.com/private/",
            "cloudfront.cookie.resources=https://cdn.example.com/users/{user}/*",
            "cloudfront.auth.roles=MEMBER",
            "management.endpoints.web.exposure.include=info,metrics"
        })
final class SigningFilterTest {

    private static final Pattern SIGNED_A = Pattern.compile("https://cdn\\.example\\.com/private/a\\.jpg\\?([^\"]+)\"");

    @DynamicPropertySource
    static void key(DynamicPropertyRegistry registry) {
        registry.add(
                "cloudfront.private-key.location",
                () -> TestKeys.pemFile(TestKeys.RSA.getPrivate()).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    CloudFrontSigner signer;

    @Autowired
    SigningConfiguration configuration;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void filter_signsTheLinksOfAMembersPage() {
        HttpResponse<String> page = Http.get(url("/members/page"), "alice", "wonderland");
        Matcher m = SIGNED_A.matcher(page.body().replace("&amp;", "&"));
        assertTrue(m.find(), page.body());
        Map<String, String> p = IndependentCheck.parameters(m.group(1));
        String policy = "{\"Statement\":[{\"Resource\":\"https://cdn.example.com/private/a.jpg\",\"Condition\":"
                + "{\"DateLessThan\":{\"AWS:EpochTime\":" + p.get("Expires") + "}}}]}";
        assertTrue(IndependentCheck.verifiesRsa(TestKeys.RSA.getPublic(), "SHA1", policy, p.get("Signature")));
        assertEquals("K2JCJMDEHXQW5F", p.get("Key-Pair-Id"));
    }

    @Test
    void filter_setsCookiesForTheSpringSecurityPrincipal() {
        HttpResponse<String> page = Http.get(url("/members/page"), "alice", "wonderland");
        String policyCookie = Http.cloudFrontCookies(page).stream()
                .filter(c -> c.startsWith("CloudFront-Policy="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(page.headers().map()));
        String value = policyCookie.substring("CloudFront-Policy=".length(), policyCookie.indexOf(';'));
        assertTrue(
                IndependentCheck.decode(value).contains("\"https://cdn.example.com/users/alice/*\""),
                IndependentCheck.decode(value));
    }

    @Test
    void filter_signsNothingForAUserWithoutTheRole() {
        HttpResponse<String> page = Http.get(url("/members/page"), "bob", "builder");
        assertEquals(200, page.statusCode());
        assertEquals(MediaApp.PAGE, page.body());
        assertEquals(List.of(), Http.cloudFrontCookies(page));
    }

    @Test
    void filter_signsNothingForAnAnonymousUserWhenARoleIsRequired() {
        HttpResponse<String> page = Http.get(url("/public/page"));
        assertEquals(MediaApp.PAGE, page.body());
    }

    @Test
    void accessPolicyBean_keepsTheLinksItRefusesUnsigned() {
        String body = Http.get(url("/members/page"), "alice", "wonderland").body();
        assertTrue(body.contains("<img src=\"https://cdn.example.com/private/secret/b.jpg\">"), body);
        assertTrue(SIGNED_A.matcher(body).find(), body);
    }

    @Test
    void signerBean_isTheFiltersSigner() {
        assertSame(configuration.signer(), signer);
        assertTrue(signer.signUrl("https://cdn.example.com/private/c.jpg", java.time.Duration.ofMinutes(5))
                .contains("Key-Pair-Id=K2JCJMDEHXQW5F"));
    }

    @Test
    void infoEndpoint_showsTheKeyPairIdAndFingerprintButNoKey() {
        HttpResponse<String> info = Http.get(url("/actuator/info"));
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"keyPairId\":\"K2JCJMDEHXQW5F\""), info.body());
        assertTrue(info.body().contains(Keys.fingerprint(TestKeys.RSA.getPublic())), info.body());
        assertTrue(info.body().contains("RSA 2048-bit"), info.body());
        assertFalse(info.body().contains("PRIVATE"), info.body());
    }

    @Test
    void metricsEndpoint_countsSignedLinks() {
        Http.get(url("/members/page"), "alice", "wonderland");
        HttpResponse<String> metric = Http.get(url("/actuator/metrics/cloudfront.links.signed"));
        assertEquals(200, metric.statusCode(), metric.body());
        Matcher count = Pattern.compile("\"value\":([0-9.E]+)").matcher(metric.body());
        assertTrue(count.find() && Double.parseDouble(count.group(1)) >= 1, metric.body());
    }

    @Test
    void metricsEndpoint_hasTheCacheHitRatioAndIssuedCookies() {
        Http.get(url("/members/page"), "alice", "wonderland");
        assertEquals(
                200,
                Http.get(url("/actuator/metrics/cloudfront.signatures.reuse.ratio"))
                        .statusCode());
        assertEquals(
                200,
                Http.get(url("/actuator/metrics/cloudfront.cookies.issued")).statusCode());
        assertTrue(
                Http.get(url("/actuator/metrics/cloudfront.signatures")).body().contains("\"reused\""));
    }
}
