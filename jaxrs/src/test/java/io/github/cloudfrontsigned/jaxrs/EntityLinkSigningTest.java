package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Links under the protected prefix in entities of annotated resources come out signed whatever provider
 * serialized them, every other byte unchanged; on Jersey.
 */
final class EntityLinkSigningTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    @Test
    void jsonBindingEntity_hasEveryProtectedLinkSigned() {
        HttpResponse<String> signed = SERVER.get().get("/api/catalog/items?n=20");
        HttpResponse<String> plain = SERVER.get().get("/api/catalog/items-unsigned?n=20");
        assertEquals(200, signed.statusCode());
        List<String> urls = Signatures.signedUrls(signed.body());
        assertEquals(40, urls.size(), signed.body()); // video and poster of each item
        for (String url : urls) {
            assertTrue(url.startsWith(CatalogResource.PRIVATE), url);
            Signatures.verifyUrl(url);
        }
        assertEquals(plain.body(), Signatures.unsigned(signed.body()));
    }

    @Test
    void linkWithQuery_getsTheSignatureAfterItsOwnParameters() {
        String body = SERVER.get().get("/api/catalog/items?n=1").body();
        String poster = Signatures.signedUrls(body).stream()
                .filter(u -> u.contains("posters"))
                .findFirst()
                .orElseThrow();
        assertTrue(poster.startsWith(CatalogResource.PRIVATE + "posters/lesson-1.jpg?w=640&h=360&Expires="), poster);
        assertEquals(
                CatalogResource.PRIVATE + "posters/lesson-1.jpg?w=640&h=360",
                Signatures.verifyUrl(poster).url());
    }

    @Test
    void htmlEntity_isSignedWithAmpersandsEscaped() {
        String body = SERVER.get().get("/api/catalog/page").body();
        assertTrue(body.contains(CatalogResource.PRIVATE + "img/a.png?w=1&amp;h=2&amp;Expires="), body);
        assertEquals(2, Signatures.signedUrls(body).size(), body);
        Signatures.signedUrls(body).forEach(Signatures::verifyUrl);
        assertEquals(CatalogResource.PAGE, Signatures.unsigned(body));
    }

    @Test
    void xmlAndTextEntities_areSigned() {
        String xml = SERVER.get().get("/api/catalog/xml").body();
        assertEquals(
                CatalogResource.PRIVATE + "videos/x.mp4?a=1&b=2",
                Signatures.verifyUrl(Signatures.signedUrls(xml).get(0)).url());
        String text = SERVER.get().get("/api/catalog/text").body();
        assertEquals(
                CatalogResource.PRIVATE + "files/notes.txt",
                Signatures.verifyUrl(Signatures.signedUrls(text).get(0)).url());
    }

    @Test
    void publicLinks_stayAsWritten() {
        String body = SERVER.get().get("/api/catalog/items?n=1").body();
        assertTrue(body.contains("\"" + CatalogResource.CDN + "/public/lessons/1.html\""), body);
    }

    @Test
    void mediaTypeNotConfigured_passesThroughUnchanged() {
        HttpResponse<String> r = SERVER.get().get("/api/catalog/binary");
        assertEquals("\u0000" + CatalogResource.PRIVATE + "files/a.bin\u0000", r.body());
    }

    @Test
    void rewrittenEntity_hasAWeakETagAndACorrectLength() {
        HttpResponse<String> r = SERVER.get().get("/api/catalog/tagged");
        assertEquals("W/\"v1\"", r.headers().firstValue("ETag").orElseThrow());
        assertFalse(Signatures.signedUrls(r.body()).isEmpty(), r.body());
        r.headers()
                .firstValue("Content-Length")
                .ifPresent(length ->
                        assertEquals(r.body().getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(length)));
    }

    @Test
    void streamingOutput_linkSplitAcrossWritesAndAFlush_isSigned() {
        String body = SERVER.get().get("/api/catalog/streamed").body();
        assertEquals(
                CatalogResource.PRIVATE + "videos/split.mp4",
                Signatures.verifyUrl(Signatures.signedUrls(body).get(0)).url());
        assertEquals("first " + CatalogResource.PRIVATE + "videos/split.mp4 last\n", Signatures.unsigned(body));
    }

    @Test
    void latin1Entity_keepsItsBytes() {
        HttpResponse<byte[]> r = SERVER.get().getBytes("/api/catalog/latin1");
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertEquals("Caf\u00e9 \u00bd: " + CatalogResource.PRIVATE + "menu.pdf \u00fc\n", Signatures.unsigned(body));
        Signatures.verifyUrl(Signatures.signedUrls(body).get(0));
    }

    @Test
    void linkTheSignerRefuses_staysAsWrittenAndTheRestIsSigned() {
        String body = SERVER.get().get("/api/catalog/unsignable").body();
        assertTrue(body.startsWith(CatalogResource.PRIVATE + "a*b.mp4 "), body);
        assertEquals(
                List.of(CatalogResource.PRIVATE + "ok.mp4"),
                Signatures.signedUrls(body).stream()
                        .map(u -> Signatures.verifyUrl(u).url())
                        .toList());
    }

    @Test
    void encodedEntity_passesThroughByteForByte() throws Exception {
        HttpResponse<byte[]> r = SERVER.get().getBytes("/api/catalog/compressed");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
        assertArrayEquals(CatalogResource.gzip(CatalogResource.PAGE), r.body());
    }

    @Test
    void unannotatedResource_isNotSigned() {
        String body = SERVER.get().get("/api/catalog/items-unsigned?n=2").body();
        assertTrue(Signatures.signedUrls(body).isEmpty(), body);
    }

    @Test
    void errorResponse_keepsItsEntityUnsigned() {
        assertEquals(
                CatalogResource.PAGE, SERVER.get().get("/api/catalog/forbidden").body());
    }
}
