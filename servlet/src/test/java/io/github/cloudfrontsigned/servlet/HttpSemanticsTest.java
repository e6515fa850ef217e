package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.testing.TestServer;
import jakarta.servlet.DispatcherType;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class HttpSemanticsTest {

    private static TestServer server;

    static Map<String, String> params() {
        Map<String, String> p = new HashMap<>();
        p.put("cloudfront.key-pair-id", TestKeys.KEY_PAIR_ID);
        p.put("cloudfront.private-key.location", TestKeys.RSA_PEM.toString());
        p.put("cloudfront.protected-prefixes", TestApp.CDN);
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

    @Test
    void rewrittenBody_losesContentLengthAndGetsWeakETag() {
        HttpResponse<byte[]> r = server.getBytes("/page?via=stream&etag=1");
        assertEquals(200, r.statusCode());
        assertEquals(
                r.body().length,
                r.headers().firstValueAsLong("Content-Length").orElse(r.body().length),
                "Content-Length, when present, is the length of the signed body");
        assertTrue(r.body().length > TestApp.page(50).getBytes(StandardCharsets.UTF_8).length, "links were signed");
        assertEquals(Optional.of("W/\"v1\""), r.headers().firstValue("ETag"));
    }

    @Test
    void otherContentType_passesThroughWithItsContentLengthAndETag() {
        HttpResponse<byte[]> r = server.getBytes("/page?via=stream&etag=1&type=text/plain");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(TestApp.page(50), body);
        assertEquals(Optional.of(Integer.toString(r.body().length)), r.headers().firstValue("Content-Length"));
        assertEquals(Optional.of("\"v1\""), r.headers().firstValue("ETag"));
    }

    @Test
    void head_getsTheHeadersItsGetWouldHaveAndNoBody() {
        HttpResponse<byte[]> r =
                server.send("HEAD", "/page?via=stream&etag=1", HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(Optional.of("W/\"v1\""), r.headers().firstValue("ETag"));
        assertFalse(
                r.headers()
                        .firstValue("Content-Length")
                        .filter(v -> !v.equals("0"))
                        .isPresent(),
                r.headers().toString());
    }

    @Test
    void notModified_passesThroughAndRepeatsTheWeakenedValidator() {
        HttpResponse<byte[]> r = server.getBytes("/conditional", "If-None-Match", "W/\"v7\"");
        assertEquals(304, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(Optional.of("W/\"v7\""), r.headers().firstValue("ETag"));
    }

    @Test
    void staticFile_isSignedWithWeakETagAndNoByteRanges() throws Exception {
        HttpResponse<byte[]> r = server.getBytes("/static/page.html");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(Files.readString(Path.of("src/test/resources/static/page.html")), Signatures.unsigned(body));
        assertEquals(5, Signatures.signedUrls(body).size(), body);
        assertTrue(
                r.headers().firstValue("ETag").orElseThrow().startsWith("W/\""),
                r.headers().toString());
        assertEquals(Optional.of("none"), r.headers().firstValue("Accept-Ranges"));
    }

    @Test
    void rangeRequest_getsTheUnchangedBytesOfThe206() throws Exception {
        HttpResponse<byte[]> r = server.getBytes("/static/page.html", "Range", "bytes=0-99");
        assertEquals(206, r.statusCode());
        byte[] file = Files.readAllBytes(Path.of("src/test/resources/static/page.html"));
        assertArrayEquals(Arrays.copyOf(file, 100), r.body());
    }

    @Test
    void outerGzipHandler_compressesTheSignedBody() throws Exception {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(
                new FilterHolder(
                        new CloudFrontSigningFilter(SigningConfiguration.read(ConfigLookup.of(params(), "test")))),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        TestApp.addServlets(context);
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(16);
        gzip.setHandler(context);
        try (TestServer gzipped = TestServer.start(gzip)) {
            HttpResponse<byte[]> r = gzipped.getBytes("/page?n=30", "Accept-Encoding", "gzip");
            assertEquals(Optional.of("gzip"), r.headers().firstValue("Content-Encoding"));
            String body = new String(
                    new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(TestApp.page(30), Signatures.unsigned(body));
            Signatures.verifyCanned(Signatures.signedUrls(body).get(0));
        }
    }

    @Test
    void applicationCompressedBody_passesThroughByteForByte() throws Exception {
        HttpResponse<byte[]> r = server.getBytes("/gzip");
        assertEquals(Optional.of("gzip"), r.headers().firstValue("Content-Encoding"));
        assertArrayEquals(TestApp.gzip(TestApp.page(10).getBytes(StandardCharsets.UTF_8)), r.body());
    }

    @Test
    void redirectToAPrivateFile_carriesASignedLocation() {
        HttpResponse<byte[]> r = server.getBytes("/download?file=report.pdf");
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(TestApp.CDN + "report.pdf?Expires="), location);
        Signatures.verifyCanned(location);
    }
}
