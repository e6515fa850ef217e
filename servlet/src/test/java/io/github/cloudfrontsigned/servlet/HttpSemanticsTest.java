package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
        server = TestServer.withFilter(params());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rewrittenBody_losesContentLengthAndGetsWeakETag() {
        HttpResponse<byte[]> r = server.get("/page?via=stream&etag=1");
        assertEquals(200, r.statusCode());
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElse(r.body().length),
                "Content-Length, when present, is the length of the signed body");
        assertTrue(r.body().length > TestApp.page(50).getBytes(StandardCharsets.UTF_8).length, "links were signed");
        assertEquals(Optional.of("W/\"v1\""), r.headers().firstValue("ETag"));
    }

    @Test
    void otherContentType_passesThroughWithItsContentLengthAndETag() {
        HttpResponse<byte[]> r = server.get("/page?via=stream&etag=1&type=text/plain");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(TestApp.page(50), body);
        assertEquals(Optional.of(Integer.toString(r.body().length)), r.headers().firstValue("Content-Length"));
        assertEquals(Optional.of("\"v1\""), r.headers().firstValue("ETag"));
    }

    @Test
    void head_getsTheHeadersItsGetWouldHaveAndNoBody() {
        HttpResponse<byte[]> r = server.send("HEAD", "/page?via=stream&etag=1");
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(Optional.of("W/\"v1\""), r.headers().firstValue("ETag"));
        assertFalse(r.headers().firstValue("Content-Length").filter(v -> !v.equals("0")).isPresent(),
                r.headers().toString());
    }

    @Test
    void notModified_passesThroughAndRepeatsTheWeakenedValidator() {
        HttpResponse<byte[]> r = server.get("/conditional", "If-None-Match", "W/\"v7\"");
        assertEquals(304, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(Optional.of("W/\"v7\""), r.headers().firstValue("ETag"));
    }

    @Test
    void applicationCompressedBody_passesThroughByteForByte() throws Exception {
        HttpResponse<byte[]> r = server.get("/gzip");
        assertEquals(Optional.of("gzip"), r.headers().firstValue("Content-Encoding"));
        assertArrayEquals(TestApp.gzip(TestApp.page(10).getBytes(StandardCharsets.UTF_8)), r.body());
    }

    @Test
    void redirectToAPrivateFile_carriesASignedLocation() {
        HttpResponse<byte[]> r = server.get("/download?file=report.pdf");
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(TestApp.CDN + "report.pdf?Expires="), location);
        Signatures.verifyCanned(location);
    }
}
