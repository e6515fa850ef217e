package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Location and Link headers of annotated resources come out signed, on Jersey. */
final class HeaderSigningTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.jersey();

    @Test
    void seeOtherLocation_isSignedWithTheAnnotationsTtl() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> r = SERVER.get().get("/api/catalog/download/report.pdf");
        assertEquals(303, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        Signatures.Verified v = Signatures.verifyUrl(location);
        assertEquals(CatalogResource.PRIVATE + "files/report.pdf", v.url());
        assertTrue(v.canned(), location);
        // 5 minutes, rounded up to the expiry granularity
        Duration ttl = Duration.between(before, v.expires());
        assertTrue(
                ttl.compareTo(Duration.ofMinutes(5)) >= 0 && ttl.compareTo(Duration.ofMinutes(7)) < 0, ttl.toString());
    }

    @Test
    void createdLocationAndLinkHeader_areSigned() {
        HttpResponse<String> r = SERVER.get().send("POST", "/api/catalog/uploads");
        assertEquals(201, r.statusCode());
        assertEquals(
                CatalogResource.PRIVATE + "uploads/1.bin",
                Signatures.verifyUrl(r.headers().firstValue("Location").orElseThrow())
                        .url());
        String link = r.headers().firstValue("Link").orElseThrow();
        assertTrue(link.startsWith("<" + CatalogResource.PRIVATE + "fonts/a.woff2?Expires="), link);
        assertTrue(link.endsWith(">; rel=preload; as=font"), link);
        Signatures.verifyUrl(link.substring(1, link.indexOf('>')));
    }

    @Test
    void errorResponse_keepsItsLocationUnsigned() {
        HttpResponse<String> r = SERVER.get().get("/api/catalog/forbidden");
        assertEquals(403, r.statusCode());
        assertEquals(
                CatalogResource.PRIVATE + "x",
                r.headers().firstValue("Location").orElseThrow());
        assertEquals(CatalogResource.PAGE, r.body());
        assertTrue(TestServer.setCookies(r).isEmpty());
    }
}
