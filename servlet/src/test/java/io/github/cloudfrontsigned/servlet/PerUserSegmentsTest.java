package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.request.RequestRules;
import io.github.cloudfrontsigned.testing.TestServer;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code {user}} in {@code cloudfront.cookie.resources} becomes exactly one path segment through the filter on
 * Jetty: dot-segment names get no cookies, every other name gets a policy that the verifier never lets read a
 * sibling's files.
 */
final class PerUserSegmentsTest {

    private static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trustedKey(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPublic())
            .build();
    private static TestServer server;

    private static Map<String, String> params() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.cookie.resources", "https://cdn.example.com/users/{user}/*");
        return p;
    }

    @BeforeAll
    static void start() {
        server = TestApp.withFilter(params());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> setCookies(String user) {
        HttpResponse<byte[]> r = server.getBytes("/page?n=1", "X-Test-User", user);
        assertEquals(200, r.statusCode());
        return r.headers().allValues("Set-Cookie");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "%2e", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e"})
    void dotSegmentUser_getsNoCookies(String user) {
        assertEquals(List.of(), setCookies(user));
    }

    @Test
    void dotSegmentUser_isOneWarningNamingTheRule() {
        try (TestServer own = TestApp.withFilter(params())) {
            List<String> warnings = LogCapture.messages(
                    LogCapture.logged(RequestRules.class, () -> own.getBytes("/page?n=1", "X-Test-User", "..")).stream()
                            .filter(r -> r.getLevel().equals(Level.WARNING))
                            .toList());
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).contains("\"..\" cannot be a path segment"), warnings.get(0));
        }
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
                "...",
                "..a",
                "%",
                "anna smith",
                "*/alice",
                "alice%2f..%2f.."
            })
    void otherUser_getsCookiesThatNeverReadASiblingsFiles(String user) {
        List<String> set = setCookies(user);
        assertEquals(3, set.size(), set.toString());
        String cookieHeader =
                set.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        for (String sibling : List.of(
                "https://cdn.example.com/users/alice/report.pdf",
                "https://cdn.example.com/users/report.pdf",
                "https://cdn.example.com/members/x")) {
            assertFalse(
                    VERIFIER.verify(ViewerRequest.builder()
                                    .url(sibling)
                                    .cookieHeader(cookieHeader)
                                    .build())
                            .isAllowed(),
                    () -> user + ": " + set + " reads " + sibling);
        }
        String path = set.get(0).replaceAll(".*; Path=([^;]*);.*", "$1");
        assertTrue(
                VERIFIER.verify(ViewerRequest.builder()
                                .url("https://cdn.example.com" + path + "own.txt")
                                .cookieHeader(cookieHeader)
                                .build())
                        .isAllowed(),
                path);
    }
}
