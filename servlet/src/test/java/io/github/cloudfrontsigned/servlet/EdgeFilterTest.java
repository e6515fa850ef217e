package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.RawHttp;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.testing.TestServer;
import io.github.cloudfrontsigned.verify.EdgeAccess;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CloudFrontEdgeFilter} configured by init-params in front of a folder served by Jetty's DefaultServlet. */
final class EdgeFilterTest {

    private static final byte[] PHOTO = "not really a jpeg \u00e9".getBytes(StandardCharsets.UTF_8);
    private static final String DISTRIBUTION = "https://d111111abcdef8.cloudfront.net";
    private static TestServer server;
    private static TestServer behindProxy;
    private static TestServer lenient;
    private static TestServer lenientWithoutEdge;
    private static CloudFrontSigner signer;

    @BeforeAll
    static void start() throws IOException {
        Path folder = Files.createTempDirectory("edge-files");
        Files.createDirectories(folder.resolve("private"));
        Files.createDirectories(folder.resolve("public"));
        Files.write(folder.resolve("private/photo.jpg"), PHOTO);
        Files.write(folder.resolve("public/open.txt"), "open".getBytes(StandardCharsets.UTF_8));
        Path publicPem = Files.createTempFile("edge-public", ".pem");
        Files.writeString(publicPem, Keys.toPem(TestKeys.RSA.getPublic()));
        Map<String, String> params = Map.of(
                ConfigProperties.EDGE_TRUSTED_KEYS,
                TestKeys.KEY_PAIR_ID,
                ConfigProperties.edgePublicKeyLocation(TestKeys.KEY_PAIR_ID),
                publicPem.toString());
        server = TestApp.start(context -> {
            context.setBaseResourceAsPath(folder);
            FilterHolder edge = new FilterHolder(CloudFrontEdgeFilter.class);
            edge.setInitParameters(params);
            context.addFilter(edge, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(
                    new ServletHolder(new HttpServlet() {
                        @Override
                        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                            resp.getWriter()
                                    .print(req.getQueryString() + "|"
                                            + req.getParameterMap().keySet());
                        }
                    }),
                    "/echo");
            context.addServlet(DefaultServlet.class, "/");
        });
        behindProxy = TestApp.start(context -> {
            context.setBaseResourceAsPath(folder);
            FilterHolder edge = new FilterHolder(CloudFrontEdgeFilter.class);
            edge.setInitParameters(new java.util.HashMap<>(params));
            edge.setInitParameter(ConfigProperties.EDGE_PUBLIC_URL, DISTRIBUTION);
            context.addFilter(edge, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(DefaultServlet.class, "/");
        });
        lenient = TestApp.startLenient(context -> {
            context.setBaseResourceAsPath(folder);
            FilterHolder edge = new FilterHolder(CloudFrontEdgeFilter.class);
            edge.setInitParameters(params);
            context.addFilter(edge, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(DefaultServlet.class, "/");
        });
        lenientWithoutEdge = TestApp.startLenient(context -> {
            context.setBaseResourceAsPath(folder);
            context.addServlet(DefaultServlet.class, "/");
        });
        signer = CloudFrontSigner.builder()
                .key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
        behindProxy.close();
        lenient.close();
        lenientWithoutEdge.close();
    }

    private static String pathOf(String url) {
        return url.substring(("http://127.0.0.1:" + server.port()).length());
    }

    @Test
    void signedUrl_servesTheFile() {
        String url = signer.signUrl(server.uri("/private/photo.jpg").toString(), Duration.ofMinutes(5));
        HttpResponse<byte[]> r = server.getBytes(pathOf(url));
        assertEquals(200, r.statusCode());
        assertArrayEquals(PHOTO, r.body());
    }

    @Test
    void tamperedSignature_isAccessDeniedWithCloudFrontsXml() {
        String url = signer.signUrl(server.uri("/private/photo.jpg").toString(), Duration.ofMinutes(5));
        HttpResponse<byte[]> r = server.getBytes(pathOf(url).replace("Signature=", "Signature=AAAA"));
        assertEquals(403, r.statusCode());
        assertEquals(
                "text/xml", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("Error from cloudfront", r.headers().firstValue("x-cache").orElse(""));
        assertEquals("CloudFront", r.headers().firstValue("server").orElse(""));
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access"
                        + " denied</Message></Error>",
                new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void unknownKeyPairId_isInvalidKey() {
        String url = signer.signUrl(server.uri("/private/photo.jpg").toString(), Duration.ofMinutes(5));
        HttpResponse<byte[]> r = server.getBytes(pathOf(url).replace(TestKeys.KEY_PAIR_ID, "KUNKNOWN00000"));
        assertEquals(403, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<Code>InvalidKey</Code>"));
    }

    @Test
    void noSignature_isMissingKey() {
        HttpResponse<byte[]> r = server.getBytes("/private/photo.jpg");
        assertEquals(403, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<Code>MissingKey</Code>"));
    }

    @Test
    void signedCookies_serveTheFile() {
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource(server.uri("/private/*").toString())
                .expiresIn(Duration.ofMinutes(5))
                .build());
        HttpResponse<byte[]> r = server.getBytes("/private/photo.jpg", "Cookie", cookies.toCookieHeader());
        assertEquals(200, r.statusCode());
        assertArrayEquals(PHOTO, r.body());
    }

    @Test
    void signedCookiesForAnotherFolder_areAccessDenied() {
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource(server.uri("/other/*").toString())
                .expiresIn(Duration.ofMinutes(5))
                .build());
        HttpResponse<byte[]> r = server.getBytes("/private/photo.jpg", "Cookie", cookies.toCookieHeader());
        assertEquals(403, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<Code>AccessDenied</Code>"));
    }

    /** Cookies for /public/* only: a path that a container serves from /private must never be matched against them. */
    private static String publicCookies() {
        return publicCookies(server);
    }

    private static String publicCookies(TestServer on) {
        return signer.signCookies(Policy.builder()
                        .resource(on.uri("/public/*").toString())
                        .expiresIn(Duration.ofMinutes(5))
                        .build())
                .toCookieHeader();
    }

    @Test
    void publicCookies_serveThePublicFolder() {
        RawHttp.Response r = RawHttp.get(server.port(), "/public/open.txt", "Cookie: " + publicCookies());
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().endsWith("open"), r.text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/../private/photo.jpg",
                "/public/%2e%2e/private/photo.jpg",
                "/public/%2E%2E/private/photo.jpg",
                "/public/.%2e/private/photo.jpg",
                "/public/..%2fprivate/photo.jpg",
                "/public/%2e%2e%2fprivate/photo.jpg",
                "/public/..%5cprivate/photo.jpg",
                "/public/..\\private/photo.jpg",
                "/public/..;/private/photo.jpg",
                "/public/%2e%2e;x=1/private/photo.jpg",
                "/public/./../private/photo.jpg",
                "/public//../private/photo.jpg",
                "/public/x/../../private/photo.jpg"
            })
    void pathThatTheContainerServesFromElsewhere_isRefusedNotServed(String rawPath) {
        RawHttp.Response r = RawHttp.get(server.port(), rawPath, "Cookie: " + publicCookies());
        assertEquals(400, r.status(), r.text());
        assertFalse(r.text().contains("not really a jpeg"), r.text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/%2e%2e/private/photo.jpg",
                "/public/.%2e/private/photo.jpg",
                "/public/..;/private/photo.jpg",
                "/public/%2e%2e;x=1/private/photo.jpg"
            })
    void lenientContainer_wouldServeThePrivateFile(String rawPath) {
        RawHttp.Response r = RawHttp.get(lenientWithoutEdge.port(), rawPath);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().contains("not really a jpeg"), r.text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/../private/photo.jpg",
                "/public/%2e%2e/private/photo.jpg",
                "/public/%2E%2E/private/photo.jpg",
                "/public/.%2e/private/photo.jpg",
                "/public/..%2fprivate/photo.jpg",
                "/public/%2e%2e%2fprivate/photo.jpg",
                "/public/..%5cprivate/photo.jpg",
                "/public/..\\private/photo.jpg",
                "/public/..;/private/photo.jpg",
                "/public/%2e%2e;x=1/private/photo.jpg",
                "/public/./../private/photo.jpg",
                "/public//../private/photo.jpg",
                "/public/x/../../private/photo.jpg",
                "/public/%2e%2e/private/%2e/photo.jpg"
            })
    void lenientContainer_behindTheEdge_refusesThePathWith400(String rawPath) {
        RawHttp.Response r = RawHttp.get(lenient.port(), rawPath, "Cookie: " + publicCookies(lenient));
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("this edge refuses it"), r.text());
        assertFalse(r.text().contains("not really a jpeg"), r.text());
    }

    @Test
    void pathParameter_isRefusedEvenWithoutADotSegment() {
        RawHttp.Response r =
                RawHttp.get(lenient.port(), "/public;jsessionid=1/open.txt", "Cookie: " + publicCookies(lenient));
        assertEquals(400, r.status(), r.text());
    }

    @Test
    void refusal_saysWhyWithoutEchoingTheRequest() {
        RawHttp.Response r = RawHttp.get(
                lenient.port(), "/public/%2e%2e/private/photo.jpg?<script>", "Cookie: " + publicCookies(lenient));
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("dot-segment"), r.text());
        assertFalse(r.text().contains("<script>"), r.text());
    }

    @Test
    void publicUrl_acceptsLinksSignedForTheDistribution() {
        String url = signer.signUrl(DISTRIBUTION + "/private/photo.jpg", Duration.ofMinutes(5));
        HttpResponse<byte[]> r = behindProxy.getBytes(url.substring(DISTRIBUTION.length()));
        assertEquals(200, r.statusCode());
        assertArrayEquals(PHOTO, r.body());
    }

    @Test
    void publicUrl_refusesLinksSignedForTheHostTheRequestShows() {
        String url = signer.signUrl(behindProxy.uri("/private/photo.jpg").toString(), Duration.ofMinutes(5));
        HttpResponse<byte[]> r =
                behindProxy.getBytes(url.substring(("http://127.0.0.1:" + behindProxy.port()).length()));
        assertEquals(403, r.statusCode());
    }

    private static List<LogRecord> edgeLog(Runnable action) {
        Logger logger = Logger.getLogger(EdgeAccess.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        try {
            return LogCapture.logged(EdgeAccess.class, action);
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void hostileDenials_areOneBoundedFineLineEachAndAtMostOneInfoLine() {
        String url = signer.signUrl(server.uri("/private/photo.jpg").toString(), Duration.ofMinutes(5));
        String forged = pathOf(url).replace("/photo.jpg", "/" + "x".repeat(7000) + ".jpg");
        List<LogRecord> records = edgeLog(() -> {
            for (int i = 0; i < 20; i++) {
                assertEquals(403, server.getBytes(forged).statusCode());
            }
        });
        List<LogRecord> fine =
                records.stream().filter(r -> r.getLevel().equals(Level.FINE)).toList();
        assertEquals(20, fine.size());
        for (String line : LogCapture.messages(fine)) {
            assertTrue(line.length() < 600 && !line.contains("\n") && !line.contains("Signature="), line);
        }
        assertTrue(records.stream().filter(r -> r.getLevel().equals(Level.INFO)).count() <= 1, records::toString);
    }

    @Test
    void origin_doesNotSeeTheSigningParameters() {
        String url = signer.signUrl(server.uri("/echo?size=small").toString(), Duration.ofMinutes(5));
        HttpResponse<byte[]> r = server.getBytes(pathOf(url));
        assertEquals(200, r.statusCode());
        assertEquals("size=small|[size]", new String(r.body(), StandardCharsets.UTF_8));
    }
}
