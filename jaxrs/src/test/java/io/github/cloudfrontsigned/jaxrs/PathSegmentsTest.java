package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.request.RequestRules;
import io.github.cloudfrontsigned.testing.TestServer;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code {courseId}} and {@code {user}} in {@code @CloudFrontSigned(cookies = ...)} each become exactly one
 * path segment, on Jersey: dot-segment values get no cookies, every other value a policy that the verifier
 * never lets read a sibling's files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class PathSegmentsTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    private static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trustedKey(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPublic())
            .build();

    private static void assertNeverReadsASibling(List<String> set, String what) {
        String cookieHeader =
                set.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        for (String sibling : List.of(
                "https://cdn.example.com/courses/java-101/a.mp4",
                "https://cdn.example.com/courses/a.mp4",
                "https://cdn.example.com/users/alice/a.pdf")) {
            assertFalse(
                    VERIFIER.verify(ViewerRequest.builder()
                                    .url(sibling)
                                    .cookieHeader(cookieHeader)
                                    .build())
                            .isAllowed(),
                    () -> what + ": " + set + " reads " + sibling);
        }
    }

    @Test
    @Order(1)
    void dotSegmentPathParameter_isOneWarningNamingTheRule() {
        List<String> warnings = LogCapture.messages(
                LogCapture.logged(RequestRules.class, () -> SERVER.get().get("/api/courses/%252e%252e")).stream()
                        .filter(r -> r.getLevel().equals(Level.WARNING))
                        .toList());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(
                warnings.get(0).contains("path parameter {courseId} \"%2e%2e\" cannot be a path segment"),
                warnings.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2e%2e", "%2E.", "%2e", ".%2e", "%252e%252e", "%25252e%25252e"})
    void dotSegmentPathParameter_getsNoCookies(String rawValue) {
        HttpResponse<String> r = SERVER.get().get("/api/courses/" + rawValue);
        assertEquals(200, r.statusCode());
        assertEquals(List.of(), TestServer.setCookies(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e", ".%2E", ".", "%252e%252e"})
    void dotSegmentUser_getsNoUserCookiesButTheCourses(String user) {
        HttpResponse<String> r = SERVER.get().get("/api/courses/c1", "X-User", user);
        List<String> set = TestServer.setCookies(r);
        assertEquals(3, set.size(), set.toString());
        Signatures.verifyCookies(set, "https://cdn.example.com/courses/c1/*");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a%2Ab",
                "%3Fx",
                "100%25",
                "%252f",
                "..a",
                "...",
                "java-101%2A",
                "%252e%252e%252f",
                "a%5Cb",
                "%2A"
            })
    void otherPathParameter_getsCookiesThatNeverReadASiblingsFiles(String rawValue) {
        HttpResponse<String> r = SERVER.get().get("/api/courses/" + rawValue);
        List<String> set = TestServer.setCookies(r);
        assertEquals(3, set.size(), rawValue + ": " + r.statusCode() + " " + set);
        assertNeverReadsASibling(set, rawValue);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..\\alice", "*", "../alice", "alice*", "alice/..", "...", "%", "*/alice"})
    void otherUser_getsCookiesThatNeverReadASiblingsFiles(String user) {
        List<String> set = TestServer.setCookies(SERVER.get().get("/api/courses/c1", "X-User", user)).stream()
                .filter(c -> c.contains("Path=/users/"))
                .toList();
        assertEquals(3, set.size(), set.toString());
        assertNeverReadsASibling(set, user);
    }
}
