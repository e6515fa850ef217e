package io.github.cloudfrontsigned.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.MovingClock;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.ResourceUrls;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user name or path parameter becomes exactly one path segment ({@link ResourceUrls#pathSegment(String)},
 * {@link CookieSpec#resource(String)}, {@link RequestRules#cookieResource(CookieSpec, String)}): the
 * policy issued for it never matches another user's path, as the verifier decides.
 */
final class PerUserSegmentTest {

    private static final String TEMPLATE = "https://cdn.example.com/users/{user}/*";
    private static final String SIBLING = "https://cdn.example.com/users/alice/report.pdf";
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final CloudFrontSigner signer = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
            .clock(clock)
            .build();
    private final CloudFrontVerifier verifier = CloudFrontVerifier.builder()
            .trustedKey("K2JCJMDEHXQW5F", TestKeys.RSA.getPublic())
            .clock(clock)
            .build();
    private final RequestRules rules = RequestRules.builder(signer)
            .cookies(List.of(CookieSpec.of(TEMPLATE, CookieAttributes.builder().build())))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "%2e", "%2e%2e", "%2E%2E", ".%2e", "%2E.", "%252e%252e", "%25252e."})
    void pathSegment_refusesNamesThatAreOrDecodeToDotSegments(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceUrls.pathSegment(name));
        assertTrue(e.getMessage().contains("cannot be a path segment"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a/b",
                "..\\alice",
                "*",
                "?x",
                "100%",
                "%2f",
                "../alice",
                "a\u0000b",
                "\r\n",
                "anna smith",
                "...",
                "..a",
                "%",
                "%%2e%2e",
                "caf\u00e9",
                "alice*",
                "~"
            })
    void pathSegment_encodesEverythingOutsideUnreservedCharacters(String name) {
        String segment = ResourceUrls.pathSegment(name);
        assertTrue(segment.matches("[A-Za-z0-9._~-]*(%[0-9A-F]{2}[A-Za-z0-9._~-]*)*"), segment);
        assertFalse(segment.equals(".") || segment.equals(".."), segment);
    }

    @Test
    void pathSegment_namesTheRuleForTheUser() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceUrls.pathSegment(".."));
        assertEquals(
                "\"..\" cannot be a path segment: empty names, \".\" and \"..\" (also percent-encoded, as"
                        + " %2e%2e) would name the folder itself or its parent, so a resource built with it would leave its"
                        + " folder",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a/b",
                "..\\alice",
                "*",
                "?x",
                "100%",
                "%2f",
                "../alice",
                "..%2Falice",
                "alice*",
                "alice/..",
                "\t",
                "...",
                "..a",
                "%",
                "%%2e%2e",
                "bob",
                "al",
                "alice%2f..%2f..",
                "*/alice"
            })
    void issuedPolicy_neverMatchesASiblingsPath(String name) {
        String resource = rules.cookieResource(rules.cookies().get(0), name);
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource(resource)
                .expiresIn(Duration.ofMinutes(5))
                .build());
        for (String other : List.of(
                SIBLING,
                "https://cdn.example.com/users/report.pdf",
                "https://cdn.example.com/users/alice",
                "https://cdn.example.com/other/x")) {
            assertFalse(
                    verifier.verify(ViewerRequest.builder()
                                    .url(other)
                                    .cookies(cookies.cookies())
                                    .build())
                            .isAllowed(),
                    () -> name + " -> " + resource + " matches " + other);
        }
        String own = resource.substring(0, resource.length() - 1) + "file.txt";
        assertTrue(
                verifier.verify(ViewerRequest.builder()
                                .url(own)
                                .cookies(cookies.cookies())
                                .build())
                        .isAllowed(),
                own);
    }

    @Test
    void cookieSpec_refusesADotSegmentUser() {
        CookieSpec spec = rules.cookies().get(0);
        assertThrows(IllegalArgumentException.class, () -> spec.resource("%2e%2e"));
        assertNull(spec.resource(null));
    }

    @Test
    void refusedUser_getsNoResourceAndOneWarningNamingTheRule() {
        List<LogRecord> records = LogCapture.logged(
                RequestRules.class,
                () -> assertNull(rules.cookieResource(rules.cookies().get(0), "..")));
        List<String> warnings = LogCapture.messages(
                records.stream().filter(r -> r.getLevel().equals(Level.WARNING)).toList());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("No CloudFront signed cookies for " + TEMPLATE), warnings.get(0));
        assertTrue(warnings.get(0).contains("\"..\" cannot be a path segment"), warnings.get(0));
    }

    @Test
    void refusedUsersInABurst_areOneWarningAMinute() {
        List<LogRecord> records = LogCapture.logged(RequestRules.class, () -> {
            for (int i = 0; i < 600; i++) {
                rules.cookieResource(rules.cookies().get(0), i % 2 == 0 ? ".." : "%2e%2e");
                clock.now.set(clock.now.get().plusSeconds(1));
            }
        });
        List<String> warnings = LogCapture.messages(
                records.stream().filter(r -> r.getLevel().equals(Level.WARNING)).toList());
        assertEquals(10, warnings.size(), warnings::toString);
        assertTrue(
                warnings.get(1)
                        .startsWith("60 user names or path parameters refused as path segments in the"
                                + " last 60 s (user name 60)"),
                warnings.get(1));
        assertTrue(warnings.stream().noneMatch(w -> w.contains("\n")), warnings::toString);
    }

    @Test
    void refusedUsersOfTwoSettingsOfOneApplication_areOneWarning() {
        RequestSigning.Viewer dotDot = new RequestSigning.Viewer() {
            @Override
            public String userName() {
                return "..";
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public String remoteAddress() {
                return "192.0.2.7";
            }

            @Override
            public List<String> forwardedFor() {
                return List.of();
            }

            @Override
            public java.util.Map<String, String> cloudFrontCookies() {
                return java.util.Map.of();
            }
        };
        RequestSigning.Settings filter = RequestSigning.Settings.builder(rules).build();
        RequestSigning.Settings resource = RequestSigning.Settings.builder(rules)
                .cookieTtl(Duration.ofMinutes(5))
                .build();
        List<String> warnings = LogCapture.messages(LogCapture.logged(RequestRules.class, () -> {
                    assertEquals(
                            List.of(), RequestSigning.of(filter, dotDot, null).setCookieHeaders());
                    assertEquals(
                            List.of(), RequestSigning.of(resource, dotDot, null).setCookieHeaders());
                })
                .stream()
                .filter(r -> r.getLevel().equals(Level.WARNING))
                .toList());
        assertEquals(1, warnings.size(), warnings::toString);
    }

    @Test
    void pathParameter_refusedIsNull() {
        assertNull(rules.pathSegment("path parameter {courseId}", "%2E%2E"));
        assertEquals("a%2Fb", rules.pathSegment("path parameter {courseId}", "a/b"));
    }
}
