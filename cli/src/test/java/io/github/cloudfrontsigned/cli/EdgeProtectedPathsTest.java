package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.RawHttp;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code edge --protect '/private/*'}: no spelling of a protected path is served without a signature, in directory
 * mode and in proxy mode in front of an origin that decodes and normalizes every path it is given (Jetty's file
 * server with its URI compliance set to {@code UNSAFE}, as a lenient origin is), and signed requests still work.
 */
final class EdgeProtectedPathsTest {

    private static final String SECRET = RawHttp.SECRET;
    private static final String DISTRIBUTION = "https://d111111abcdef8.cloudfront.net";
    private static final CloudFrontSigner SIGNER = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
            .build();

    @TempDir
    static Path dir;

    private static Path bucket;
    private static Path publicKey;
    /** A real file server on the bucket that decodes and normalizes whatever path it gets. */
    private static Server normalizingOrigin;

    private static int normalizingOriginPort;
    /** A real origin that answers with the raw path it received. */
    private static HttpServer echoOrigin;

    private static RunningEdge directoryEdge;
    private static RunningEdge proxyEdge;

    @BeforeAll
    static void start() throws Exception {
        bucket = dir.resolve("bucket");
        Files.createDirectories(bucket.resolve("private/sub"));
        Files.createDirectories(bucket.resolve("public"));
        Files.writeString(bucket.resolve("private/hello.txt"), SECRET + "\n");
        Files.writeString(bucket.resolve("private/sub/x.txt"), SECRET + " x\n");
        Files.writeString(bucket.resolve("public/p.txt"), "public p\n");
        publicKey = dir.resolve("public_key.pem");
        Files.writeString(publicKey, Keys.toPem(TestKeys.RSA.getPublic()));

        normalizingOrigin = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(normalizingOrigin, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        normalizingOrigin.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.root().newResource(bucket));
        files.setDirAllowed(false);
        normalizingOrigin.setHandler(files);
        normalizingOrigin.start();
        normalizingOriginPort = connector.getLocalPort();

        echoOrigin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echoOrigin.createContext("/", exchange -> {
            byte[] body = ("origin got " + exchange.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echoOrigin.start();

        directoryEdge = RunningEdge.start(
                "--origin-dir",
                bucket.toString(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                DISTRIBUTION,
                "--protect",
                "/private/*");
        proxyEdge = RunningEdge.start(
                "--origin",
                "http://127.0.0.1:" + normalizingOriginPort,
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                DISTRIBUTION,
                "--protect",
                "/private/*");
    }

    @AfterAll
    static void stop() throws Exception {
        directoryEdge.close();
        proxyEdge.close();
        normalizingOrigin.stop();
        echoOrigin.stop(0);
    }

    @Test
    void normalizingOrigin_servesThePrivateFileForHostileSpellings() {
        // the origin on its own: these spellings reach the protected file, so the edge must not pass them on
        for (String target : new String[] {
            "/public/../private/hello.txt",
            "/%70rivate/hello.txt",
            "/public/%2e%2e/private/hello.txt",
            "/private;x=1/hello.txt",
            "/public/p.txt/../../private/hello.txt"
        }) {
            RawHttp.Response r = RawHttp.get(normalizingOriginPort, target);
            assertEquals(200, r.status(), target + "\n" + r.text());
            assertTrue(r.body().contains(SECRET), target + "\n" + r.text());
        }
    }

    private static void assertNotServed(RawHttp.Response r, String target) {
        assertTrue(r.status() == 400 || r.status() == 403, target + "\n" + r.text());
        assertFalse(r.text().contains(SECRET), target + "\n" + r.text());
    }

    @Test
    void directoryMode_servesNoProtectedByteUnsignedWhateverTheSpelling() {
        for (String target : RawHttp.PROTECTED_FILE_SPELLINGS) {
            assertNotServed(directoryEdge.raw(target), target);
        }
    }

    @Test
    void proxyMode_servesNoProtectedByteUnsignedWhateverTheSpelling() {
        for (String target : RawHttp.PROTECTED_FILE_SPELLINGS) {
            assertNotServed(proxyEdge.raw(target), target);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/../public/p.txt", "/./public/p.txt", "/public;x/p.txt", "/public/p.txt/../p.txt"})
    void ambiguousSpellingOfAnUnprotectedPath_isRefusedWith400(String target) {
        RawHttp.Response r = directoryEdge.raw(target);
        assertEquals(400, r.status(), r.text());
        assertTrue(r.body().contains("this edge refuses it"), r.text());
    }

    @Test
    void encodedUnreservedCharacters_areDecodedBeforeTheProtectPatternIsMatched() {
        RawHttp.Response r = directoryEdge.raw("/%70rivate/hello.txt");
        assertEquals(403, r.status(), r.text());
        assertTrue(r.body().contains("<Code>MissingKey</Code>"), r.text());
    }

    @Test
    void directoryMode_signedUrl_stillServesTheProtectedFile() {
        String signed = SIGNER.signUrl(DISTRIBUTION + "/private/hello.txt", Duration.ofMinutes(5));
        RawHttp.Response r = directoryEdge.raw(signed.substring(DISTRIBUTION.length()));
        assertEquals(200, r.status(), r.text());
        assertEquals(SECRET + "\n", r.body());
    }

    @Test
    void proxyMode_signedUrl_stillServesTheProtectedFile() {
        String signed = SIGNER.signUrl(DISTRIBUTION + "/private/sub/x.txt", Duration.ofMinutes(5));
        RawHttp.Response r = proxyEdge.raw(signed.substring(DISTRIBUTION.length()));
        assertEquals(200, r.status(), r.text());
        assertEquals(SECRET + " x\n", r.body());
    }

    @Test
    void unprotectedPath_isStillServedUnsigned() {
        assertEquals("public p\n", directoryEdge.raw("/public/p.txt").body());
        assertEquals("public p\n", proxyEdge.raw("/public/p.txt").body());
    }

    @Test
    void proxyMode_forwardsExactlyThePathThatWasChecked() throws Exception {
        try (RunningEdge edge = RunningEdge.start(
                "--origin",
                "http://127.0.0.1:" + echoOrigin.getAddress().getPort(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--protect",
                "/private/*")) {
            assertEquals(
                    "origin got /public/hello.txt",
                    edge.raw("/%70ublic/h%65llo.txt").body());
            assertEquals(
                    "origin got /public/caf%C3%A9%20x.txt",
                    edge.raw("/public/caf%c3%a9%20x.txt").body());
        }
    }
}
