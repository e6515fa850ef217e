package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class LinkSigningTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestApp.withFilter(HttpSemanticsTest.params());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every protected link signed and verified; everything else byte for byte as the application wrote it. */
    private static void assertSignedPage(String path, Charset charset, int links) {
        HttpResponse<byte[]> r = server.getBytes(path);
        assertEquals(200, r.statusCode());
        String body = new String(r.body(), charset);
        String expected = new String(TestApp.page(links).getBytes(charset), charset); // ☃ is '?' in Latin-1
        assertEquals(expected, Signatures.unsigned(body), "body outside the links");
        List<String> signed = Signatures.signedUrls(body);
        assertEquals(links, signed.size(), body);
        int step = Math.max(1, links / 100); // large pages: a sample of every link form, spread over the body
        for (int i = 0; i < signed.size(); i += i % 4 == 3 ? step * 4 - 3 : 1) {
            Signatures.verifyCanned(signed.get(i)); // protocol-relative links are signed with the request's scheme
        }
        assertFalse(body.contains("https://cdn.example.com/public/site.css?"), "unprotected links stay unsigned");
    }

    @Test
    void pageWrittenThroughTheWriter_hasEveryProtectedLinkSigned() {
        assertSignedPage("/page?n=50", StandardCharsets.UTF_8, 50);
    }

    @Test
    void pageWrittenThroughTheStream_hasEveryProtectedLinkSigned() {
        assertSignedPage("/page?n=50&via=stream", StandardCharsets.UTF_8, 50);
    }

    @Test
    void linksSplitAcrossSmallWrites_areSigned() {
        assertSignedPage("/page?n=20&via=stream&chunk=7", StandardCharsets.UTF_8, 20);
        assertSignedPage("/page?n=20&via=writer&chunk=5", StandardCharsets.UTF_8, 20);
    }

    @Test
    void linksSplitAcrossFlushes_areSigned() {
        assertSignedPage("/page?n=20&via=stream&chunk=13&flush=true", StandardCharsets.UTF_8, 20);
        assertSignedPage("/page?n=20&via=writer&chunk=11&flush=true", StandardCharsets.UTF_8, 20);
    }

    @Test
    void linksAcrossTheContainerBufferBoundary_areSigned() {
        // 600 links (about 60 KB): larger than Jetty's 32 KiB response buffer, written in 8191-byte pieces
        assertSignedPage("/page?n=600&via=stream&chunk=8191", StandardCharsets.UTF_8, 600);
    }

    @Test
    void nonUtf8Charset_isRewrittenInThatCharset() {
        assertSignedPage("/page?n=12&via=stream&charset=ISO-8859-1", StandardCharsets.ISO_8859_1, 12);
        assertSignedPage("/page?n=12&via=stream&charset=UTF-16", StandardCharsets.UTF_16, 12);
        assertSignedPage("/page?n=12&via=writer&charset=windows-1252", Charset.forName("windows-1252"), 12);
    }

    @Test
    void jsonEscapes_areUnderstood() {
        String body = new String(server.getBytes("/json").body(), StandardCharsets.UTF_8);
        assertEquals(TestApp.JSON, Signatures.unsigned(body), body);
        assertTrue(body.contains("https:\\/\\/cdn.example.com\\/private\\/a.mp4?Expires="), body);
        assertTrue(body.contains("b.mp4?q=1\\u0026r=2\\u0026Expires="), body);
        assertFalse(body.contains("public/c.mp4?"), body);
        Signatures.verifyCanned(
                body.substring(body.indexOf("https:\\/\\/"), body.indexOf("\"}", body.indexOf("https:\\/\\/")))
                        .replace("\\/", "/"));
    }

    @Test
    void linkHeader_isSigned() {
        HttpResponse<byte[]> r = server.getBytes("/download?file=a.bin");
        String link = r.headers().firstValue("Link").orElseThrow();
        assertTrue(link.startsWith("<" + TestApp.CDN + "preload.js?Expires="), link);
        Signatures.verifyCanned(link.substring(1, link.indexOf('>')));
    }
}
