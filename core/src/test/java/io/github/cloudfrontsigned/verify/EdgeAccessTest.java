package io.github.cloudfrontsigned.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.MovingClock;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.internal.LogText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EdgeAccess}: the path check, the public URL, the query for the origin and the bounded denial logs. */
final class EdgeAccessTest {

    private static final String PUBLIC = "https://d111111abcdef8.cloudfront.net";
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final CloudFrontSigner signer = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
            .clock(clock)
            .build();
    private final CloudFrontVerifier verifier = CloudFrontVerifier.builder()
            .trustedKey("K2JCJMDEHXQW5F", TestKeys.RSA.getPublic())
            .clock(clock)
            .build();

    /** The request a proxy in front of the edge forwards: its own scheme and host, the viewer's path and query. */
    private static ViewerRequest behindProxy(String signedUrl) {
        ViewerRequest viewer = ViewerRequest.fromUrl(signedUrl);
        return viewer.toBuilder().scheme("http").host("10.0.0.5:8080").build();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/../private/a.jpg",
                "/public/%2e%2e/private/a.jpg",
                "/public/.%2E/private/a.jpg",
                "/public/%2E./private/a.jpg",
                "/public/./a.jpg",
                "/public/%2e/a.jpg",
                "/public/..",
                "/public/%2e%2e",
                "/public/..%2fprivate/a.jpg",
                "/public/%2Fprivate",
                "/public/..%5cprivate/a.jpg",
                "/public\\..\\private",
                "/public/..;/private/a.jpg",
                "/public;x=1/a.jpg",
                "/public//a.jpg",
                "//private/a.jpg",
                "/a/%00/b",
                "/a/%zz",
                "/a/%2",
                "private/a.jpg",
                "",
                "*"
            })
    void pathProblem_findsWhatAContainerWouldServeAsAnotherPath(String rawPath) {
        assertTrue(EdgeAccess.pathProblem(rawPath) != null, rawPath);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/a.jpg",
                "/public/",
                "/public/...",
                "/public/.well-known/x",
                "/a/..b/c.",
                "/a/%2e%2e%2e",
                "/Caf%C3%A9.jpg",
                "/100%25.txt",
                "/a%3Bb",
                "/a/b/"
            })
    void pathProblem_acceptsPathsServedAsSent(String rawPath) {
        assertNull(EdgeAccess.pathProblem(rawPath), rawPath);
    }

    @Test
    void pathProblem_namesWhatAndWhere() {
        assertEquals("has a dot-segment \"%2e%2e\" at position 8", EdgeAccess.pathProblem("/public/%2e%2e/x"));
        assertEquals("has an encoded slash \"%2f\" at position 10", EdgeAccess.pathProblem("/public/..%2fx"));
    }

    @Test
    void dotSegmentUnderASignedPrefix_isRefusedWith400BeforeVerification() {
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource(PUBLIC + "/public/*")
                .expiresIn(Duration.ofMinutes(5))
                .build());
        EdgeAccess.Decision d = EdgeAccess.builder(verifier)
                .build()
                .decide(ViewerRequest.builder()
                        .url(PUBLIC + "/public/%2e%2e/private/report.pdf")
                        .cookies(cookies.cookies())
                        .build());
        assertEquals(400, d.status());
        assertFalse(d.isAllowed());
        assertNull(d.verdict());
        assertEquals("text/plain; charset=UTF-8", d.contentType());
        assertTrue(d.body().contains("dot-segment"), d.body());
    }

    @Test
    void signedUrl_isAllowedAndTheOriginGetsTheQueryWithoutSigningParameters() {
        String url = signer.signUrl(PUBLIC + "/a.jpg?size=small&Signaturex=1", Duration.ofMinutes(5));
        EdgeAccess.Decision d = EdgeAccess.builder(verifier).build().decide(ViewerRequest.fromUrl(url));
        assertEquals(200, d.status(), d::toString);
        assertEquals("size=small&Signaturex=1", d.originQuery());
        assertNull(d.body());
        assertTrue(d.headers().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/%252e%252e/private/a.jpg",
                "/public/..%252fprivate/a.jpg",
                "/a/%255c",
                "/a/%2500",
                "/public/%25%32%65%25%32%65/private",
                "/public/%25%32e%25%32E/private",
                "/a/%25%32%46b"
            })
    void pathProblem_findsDoubleEncodedEscapes(String rawPath) {
        assertTrue(EdgeAccess.pathProblem(rawPath).contains("double-encoded"), rawPath);
    }

    @Test
    void pathProblem_acceptsAnEncodedPercentThatStartsNoEscape() {
        assertNull(EdgeAccess.pathProblem("/100%25.txt"));
        assertNull(EdgeAccess.pathProblem("/a%25"));
        assertNull(EdgeAccess.pathProblem("/a%25g1"));
    }

    @Test
    void normalizedPath_decodesUnreservedCharactersAndUppercasesOtherEscapes() {
        assertEquals("/private/hello.txt", EdgeAccess.normalizedPath("/%70rivate/hello%2Etxt"));
        assertEquals("/private/hello.txt", EdgeAccess.normalizedPath("/%70%72%69%76%61%74%65/%68ello%2etxt"));
        assertEquals("/a-b_c~d/Z9", EdgeAccess.normalizedPath("/a%2db%5Fc%7ed/%5A%39"));
        assertEquals("/caf%C3%A9%20%3B%25", EdgeAccess.normalizedPath("/caf%c3%a9%20%3b%25"));
        assertEquals("/plain/path", EdgeAccess.normalizedPath("/plain/path"));
        assertNull(EdgeAccess.normalizedPath("/a%2"));
    }

    @Test
    void pathPatterns_areNormalizedAsPathsAre() {
        EdgeAccess edge = EdgeAccess.builder(verifier)
                .pathPatterns(List.of("/%70rivate/*", "videos/*.m3u8"))
                .build();
        assertEquals(List.of("/private/*", "/videos/*.m3u8"), edge.pathPatterns());
        assertEquals(List.of("*"), EdgeAccess.builder(verifier).build().pathPatterns());
    }

    @Test
    void pathPatterns_malformedEscape_isRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EdgeAccess.builder(verifier).pathPatterns(List.of("/100%/*")));
        assertTrue(e.getMessage().contains("write a % as %25"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/../private/a.jpg",
                "/./private/a.jpg",
                "/public/%2e%2e/private/a.jpg",
                "/private;x=1/a.jpg",
                "//private/a.jpg",
                "/public/..%2fprivate/a.jpg",
                "/public/%252e%252e/private/a.jpg",
                "/public/p.txt/../../private/a.jpg",
                "/public/./p.txt"
            })
    void unprotectedSpelling_isRefusedWith400BeforeThePathPatterns(String rawPath) {
        EdgeAccess edge =
                EdgeAccess.builder(verifier).pathPatterns(List.of("/private/*")).build();
        EdgeAccess.Decision d = edge.decide(ViewerRequest.fromUrl(PUBLIC + rawPath));
        assertEquals(400, d.status(), d::toString);
        assertNull(d.originPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%70rivate/a.jpg", "/priv%61te/a.jpg", "/%70%72%69%76%61%74%65/a.jpg"})
    void encodedSpellingOfAProtectedPath_isProtected(String rawPath) {
        EdgeAccess edge =
                EdgeAccess.builder(verifier).pathPatterns(List.of("/private/*")).build();
        EdgeAccess.Decision d = edge.decide(ViewerRequest.fromUrl(PUBLIC + rawPath));
        assertEquals(403, d.status(), d::toString);
        assertEquals(ErrorCode.MISSING_KEY, d.verdict().code());
    }

    @Test
    void unprotectedPath_isAllowedUnsignedWithTheNormalizedPathAndTheQueryUnchanged() {
        EdgeAccess edge =
                EdgeAccess.builder(verifier).pathPatterns(List.of("/private/*")).build();
        EdgeAccess.Decision d = edge.decide(ViewerRequest.fromUrl(PUBLIC + "/%70ublic/caf%c3%a9?a=1&Expires=2"));
        assertEquals(200, d.status(), d::toString);
        assertNull(d.verdict());
        assertEquals("/public/caf%C3%A9", d.originPath());
        assertEquals("a=1&Expires=2", d.originQuery());
        assertEquals("200: no path pattern protects the path: allowed without a signature", d.toString());
    }

    @Test
    void signedRequest_isAllowedWithTheNormalizedPathForTheOrigin() {
        String url = signer.signUrl(PUBLIC + "/%70rivate/a.jpg", Duration.ofMinutes(5));
        EdgeAccess.Decision d = EdgeAccess.builder(verifier)
                .pathPatterns(List.of("/private/*"))
                .build()
                .decide(ViewerRequest.fromUrl(url));
        assertEquals(200, d.status(), d::toString);
        assertEquals("/private/a.jpg", d.originPath());
    }

    @Test
    void withoutSigningParameters_isNullWhenNothingElseRemains() {
        assertNull(EdgeAccess.withoutSigningParameters("Expires=1&Signature=x&Key-Pair-Id=K"));
        assertNull(EdgeAccess.withoutSigningParameters(null));
        assertEquals("a=1&&b", EdgeAccess.withoutSigningParameters("a=1&Policy=p&&b&Hash-Algorithm=SHA256"));
    }

    @Test
    void denial_isCloudFrontsXmlAndHeaders() {
        EdgeAccess.Decision d = EdgeAccess.builder(verifier).build().decide(ViewerRequest.fromUrl(PUBLIC + "/a.jpg"));
        assertEquals(403, d.status());
        assertEquals(ErrorCode.MISSING_KEY, d.verdict().code());
        assertEquals("text/xml", d.contentType());
        assertEquals(d.verdict().toErrorXml(), d.body());
        assertEquals("CloudFront", d.headers().get("server"));
        assertEquals("Error from cloudfront", d.headers().get("x-cache"));
    }

    @Test
    void publicUrl_verifiesLinksSignedForTheDistributionBehindAProxy() {
        String url = signer.signUrl(PUBLIC + "/a.jpg", Duration.ofMinutes(5));
        EdgeAccess withPublicUrl =
                EdgeAccess.builder(verifier).publicUrl(PUBLIC + "/").build();
        assertEquals(200, withPublicUrl.decide(behindProxy(url)).status());
        assertEquals(
                403,
                EdgeAccess.builder(verifier).build().decide(behindProxy(url)).status());
    }

    @Test
    void publicUrl_replacesTheViewersHostSoLinksForTheProxyHostAreDenied() {
        String url = signer.signUrl("http://10.0.0.5:8080/a.jpg", Duration.ofMinutes(5));
        EdgeAccess.Decision d =
                EdgeAccess.builder(verifier).publicUrl(PUBLIC).build().decide(behindProxy(url));
        assertEquals(403, d.status());
        assertEquals(ErrorCode.ACCESS_DENIED, d.verdict().code());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "d111111abcdef8.cloudfront.net",
                "ftp://cdn.example.com",
                "https://",
                "https://cdn.example.com/path",
                "https://cdn.example.com?x=1",
                "https://cdn.example.com#f"
            })
    void publicUrl_mustBeSchemeAndHostOnly(String bad) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EdgeAccess.builder(verifier).publicUrl(bad));
        assertTrue(e.getMessage().contains("public URL"), e.getMessage());
    }

    @Test
    void publicUrl_keepsAPort() {
        assertEquals(
                "http://localhost:8443",
                EdgeAccess.builder(verifier)
                        .publicUrl("http://localhost:8443")
                        .build()
                        .publicUrl());
    }

    private List<LogRecord> logged(Runnable action) {
        Logger logger = Logger.getLogger(EdgeAccess.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        try {
            return LogCapture.logged(EdgeAccess.class, action);
        } finally {
            logger.setLevel(before);
        }
    }

    private static List<String> at(Level level, List<LogRecord> records) {
        return LogCapture.messages(
                records.stream().filter(r -> r.getLevel().equals(level)).toList());
    }

    @Test
    void burstOfDenials_isOneLinePerDenialAtFineAndOneInfoSummaryPerMinute() {
        EdgeAccess edge = EdgeAccess.builder(verifier).build();
        List<LogRecord> records = logged(() -> {
            for (int i = 0; i < 2000; i++) {
                edge.decide(ViewerRequest.fromUrl(PUBLIC + "/a" + i + ".jpg"));
                edge.decide(ViewerRequest.fromUrl(PUBLIC + "/a/../b" + i));
                clock.now.set(clock.now.get().plusMillis(100)); // 200 s in all
            }
        });
        assertEquals(4000, at(Level.FINE, records).size());
        List<String> info = at(Level.INFO, records);
        assertEquals(4, info.size(), info::toString); // at 0 s, 60 s, 120 s, 180 s
        assertTrue(info.get(0).startsWith("403 /a0.jpg: MissingKey: "), info.get(0));
        assertTrue(
                info.get(1)
                        .startsWith("1200 requests refused or denied in the last 60 s (BadPath 600,"
                                + " MissingKey 600); the latest: 403 /a600.jpg: MissingKey: "),
                info.get(1));
    }

    @Test
    void denialLine_isOneBoundedLineWhateverThePath() {
        EdgeAccess edge = EdgeAccess.builder(verifier).build();
        String hostile = "/a\r\nINFO: forged line " + "x".repeat(7000) + ".jpg";
        List<String> fine = at(
                Level.FINE,
                logged(() -> edge.decide(ViewerRequest.builder()
                        .url(PUBLIC + "/")
                        .rawPath(hostile)
                        .build())));
        assertEquals(1, fine.size());
        String line = fine.get(0);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.contains("\\r\\nINFO: forged line"), line);
        assertTrue(line.length() < 2 * LogText.MAX_LENGTH + 150, () -> line.length() + ": " + line);
    }

    @Test
    void denialLine_multiLineReasonIsOneLineWithoutLiteralBackslashN() {
        String url = signer.signUrl(PUBLIC + "/a.jpg", Duration.ofMinutes(5)).replace("/a.jpg", "/b.jpg");
        EdgeAccess edge = EdgeAccess.builder(verifier).build();
        List<String> fine = at(Level.FINE, logged(() -> edge.decide(ViewerRequest.fromUrl(url))));
        assertEquals(1, fine.size());
        String line = fine.get(0);
        assertTrue(
                line.contains(
                        "the signature does not match the canned policy CloudFront rebuilds from the" + " request, {"),
                line);
        assertFalse(line.contains("\\n") || line.contains("\n"), line);
    }

    @Test
    void logText_oneLine_joinsOurLinesWithASpaceAndStillEscapesOtherControls() {
        assertEquals("a, b c\\u0000d", LogText.oneLine("a,\n  b\r\n\tc\u0000d"));
        assertEquals("a", LogText.oneLine("a\n"));
        assertEquals("y".repeat(200) + "...(100 more)", LogText.oneLine("y".repeat(300)));
    }

    @Test
    void logText_escapesControlsAndBoundsLength() {
        assertEquals("a\\nb\\u0000c", LogText.of("a\nb\u0000c"));
        assertEquals("y".repeat(200) + "...(100 more)", LogText.of("y".repeat(300)));
        assertEquals("null", LogText.of(null));
    }
}
