package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudfront-signed edge} over real HTTP: the command running in this JVM (as {@link Main#run} runs it),
 * Jetty listening on a free port, a directory or a real HTTP origin behind it, the JDK's HTTP client in front.
 */
final class EdgeCommandTest {

    private static final String DISTRIBUTION = "https://d111111abcdef8.cloudfront.net";
    private static final CloudFrontSigner SIGNER = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
            .build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Path bucket;
    private static Path publicKey;
    /** A real origin that answers with the path and query it received. */
    private static HttpServer origin;

    private RunningEdge running;
    private String edge;

    @BeforeAll
    static void files() throws Exception {
        bucket = dir.resolve("bucket");
        Files.createDirectories(bucket.resolve("private"));
        Files.createDirectories(bucket.resolve("public"));
        Files.writeString(bucket.resolve("private/report.txt"), "private report\n");
        Files.writeString(bucket.resolve("public/hello.txt"), "hello\n");
        publicKey = dir.resolve("public_key.pem");
        Files.writeString(publicKey, Keys.toPem(TestKeys.RSA.getPublic()));
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            byte[] body = ("origin got " + exchange.getRequestURI().getRawPath() + " query "
                            + exchange.getRequestURI().getRawQuery())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
    }

    @AfterAll
    static void stopOrigin() {
        origin.stop(0);
    }

    /** Starts {@code cloudfront-signed edge --port 0 ARGS} and waits for the line that says where it listens. */
    private void start(String... args) throws Exception {
        running = RunningEdge.start(args);
        edge = running.url;
    }

    private String printed() {
        return running.printed();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.close();
        }
    }

    /** The URL a viewer requests: the signed URL's path and query, sent to the local edge. */
    private String local(String url) {
        return edge + url.substring(url.indexOf('/', "https://".length()));
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertDenied(String code, HttpResponse<String> r) {
        assertEquals(403, r.statusCode(), r::body);
        assertEquals("text/xml", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("CloudFront", r.headers().firstValue("Server").orElse(""));
        assertEquals("Error from cloudfront", r.headers().firstValue("x-cache").orElse(""));
        assertTrue(
                r.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code>"),
                r::body);
    }

    @Test
    void edge_signedUrlForTheDistribution_servesTheFileFromTheDirectory() throws Exception {
        start(
                "--origin-dir",
                bucket.toString(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                DISTRIBUTION);
        HttpResponse<String> r =
                get(local(SIGNER.signUrl(DISTRIBUTION + "/private/report.txt", Duration.ofMinutes(5))));
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("private report\n", r.body());
    }

    @Test
    void edge_unsignedRequest_isCloudFrontsMissingKeyWithoutTheReason() throws Exception {
        start("--origin-dir", bucket.toString(), "--public-key", "K2JCJMDEHXQW5F=" + publicKey);
        HttpResponse<String> r = get(edge + "/private/report.txt");
        assertDenied("MissingKey", r);
        assertFalse(r.headers().firstValue(EdgeHandler.REASON_HEADER).isPresent());
        assertFalse(r.body().contains("<!--"), r::body);
    }

    @Test
    void edge_devMode_givesAndPrintsTheReason() throws Exception {
        start(
                "--origin-dir",
                bucket.toString(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                DISTRIBUTION,
                "--dev");
        String signed = SIGNER.signUrl(
                DISTRIBUTION + "/private/report.txt",
                Policy.builder()
                        .dateLessThan(Instant.now().plusSeconds(300))
                        .ipAddress("192.0.2.0/24")
                        .build());
        HttpResponse<String> r = get(local(signed));
        assertDenied("AccessDenied", r);
        String reason = "client IP 127.0.0.1 is not in the policy's IpAddress range 192.0.2.0/24";
        assertEquals(reason, r.headers().firstValue(EdgeHandler.REASON_HEADER).orElse(""));
        assertTrue(r.body().endsWith("</Error><!-- " + reason + " -->"), r::body);
        assertTrue(printed().contains("403 /private/report.txt: AccessDenied: " + reason + "\n"), this::printed);
    }

    @Test
    void edge_withoutPublicUrl_verifiesTheUrlTheViewerUsed() throws Exception {
        start("--origin-dir", bucket.toString(), "--public-key", "K2JCJMDEHXQW5F=" + publicKey, "--dev");
        HttpResponse<String> forDistribution =
                get(local(SIGNER.signUrl(DISTRIBUTION + "/private/report.txt", Duration.ofMinutes(5))));
        assertDenied("AccessDenied", forDistribution);
        assertEquals(
                200,
                get(SIGNER.signUrl(edge + "/private/report.txt", Duration.ofMinutes(5)))
                        .statusCode());
    }

    @Test
    void edge_signedCookies_openEveryFileTheirPolicyCovers() throws Exception {
        start(
                "--origin-dir",
                bucket.toString(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                DISTRIBUTION);
        String cookies = SIGNER.signCookies(Policy.builder()
                        .resource(DISTRIBUTION + "/private/*")
                        .expiresIn(Duration.ofMinutes(5))
                        .build())
                .toCookieHeader();
        HttpResponse<String> r = get(edge + "/private/report.txt", "Cookie", cookies);
        assertEquals(200, r.statusCode(), r::body);
        assertDenied("AccessDenied", get(edge + "/public/hello.txt", "Cookie", cookies));
    }

    @Test
    void edge_protectedPatterns_leaveOtherPathsOpen() throws Exception {
        start(
                "--origin-dir",
                bucket.toString(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--protect",
                "/private/*");
        assertEquals(200, get(edge + "/public/hello.txt").statusCode());
        assertDenied("MissingKey", get(edge + "/private/report.txt"));
        assertEquals(404, get(edge + "/public/missing.txt").statusCode());
    }

    @Test
    void edge_httpOrigin_receivesTheRequestWithoutTheSigningParameters() throws Exception {
        start(
                "--origin",
                "http://127.0.0.1:" + origin.getAddress().getPort() + "/static",
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                DISTRIBUTION);
        HttpResponse<String> r =
                get(local(SIGNER.signUrl(DISTRIBUTION + "/videos/a.mp4?size=large", Duration.ofMinutes(5))));
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("origin got /static/videos/a.mp4 query size=large", r.body());
    }

    @Test
    void edge_keyGroupDirectory_trustsEveryKeyInIt() throws Exception {
        Path group = dir.resolve("group");
        Files.createDirectories(group.resolve("K2JCJMDEHXQW5F"));
        Files.copy(publicKey, group.resolve("K2JCJMDEHXQW5F/public_key.pem"));
        Files.writeString(group.resolve("KOTHERKEY.pem"), Keys.toPem(TestKeys.RSA_2.getPublic()));
        start("--origin-dir", bucket.toString(), "--key-group", group.toString(), "--public-url", DISTRIBUTION);
        assertTrue(
                printed().contains("trusted key pair IDs [K2JCJMDEHXQW5F, KOTHERKEY]")
                        || printed().contains("trusted key pair IDs [KOTHERKEY, K2JCJMDEHXQW5F]"),
                this::printed);
        assertEquals(
                200,
                get(local(SIGNER.signUrl(DISTRIBUTION + "/private/report.txt", Duration.ofMinutes(5))))
                        .statusCode());
    }

    @Test
    void edge_dotSegmentInThePath_isRefusedBeforeTheOrigin() throws Exception {
        start(
                "--origin",
                "http://127.0.0.1:" + origin.getAddress().getPort(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--protect",
                "/private/*");
        HttpResponse<String> r = get(edge + "/private/%2e%2e/public/hello.txt");
        assertEquals(400, r.statusCode(), r::body);
        assertFalse(r.body().startsWith("origin got"), r::body);
    }

    @Test
    void edge_withoutTrustedKeys_isAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "edge",
                "--origin-dir",
                bucket.toString(),
                "--port",
                "0");
        assertEquals(Main.USAGE, exit);
        assertEquals(
                "cloudfront-signed edge: give the trusted key group: --public-key ID=FILE (repeat it) or"
                        + " --key-group DIR\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void edge_originThatIsNotAUrl_isAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "edge",
                "--origin",
                "ftp://example.com",
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--port",
                "0");
        assertEquals(Main.USAGE, exit);
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("--origin \"ftp://example.com\": give http://"),
                err::toString);
    }
}
