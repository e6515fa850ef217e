package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core cases on RESTEasy: the module needs nothing but the Jakarta REST API. Configuration comes from the
 * {@code Application}'s properties and the feature from {@code META-INF/services}.
 */
final class ResteasyTest {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(() -> ResteasyServer.start(ResteasyServer.Configured.class));

    @Test
    void jsonBindingEntity_hasEveryProtectedLinkSigned() {
        HttpResponse<String> signed = SERVER.get().get("/api/catalog/items?n=5");
        assertEquals(200, signed.statusCode());
        List<String> urls = Signatures.signedUrls(signed.body());
        assertEquals(10, urls.size(), signed.body());
        urls.forEach(Signatures::verifyUrl);
        assertEquals(SERVER.get().get("/api/catalog/items-unsigned?n=5").body(), Signatures.unsigned(signed.body()));
    }

    @Test
    void htmlEntity_isSignedWithAmpersandsEscaped() {
        String body = SERVER.get().get("/api/catalog/page").body();
        assertTrue(body.contains(CatalogResource.PRIVATE + "img/a.png?w=1&amp;h=2&amp;Expires="), body);
        List<String> urls = Signatures.signedUrls(body);
        assertEquals(2, urls.size(), body);
        urls.forEach(Signatures::verifyUrl);
        assertEquals(CatalogResource.PAGE, Signatures.unsigned(body));
    }

    @Test
    void seeOtherLocation_isSigned() {
        HttpResponse<String> r = SERVER.get().get("/api/catalog/download/report.pdf");
        assertEquals(303, r.statusCode());
        assertEquals(
                CatalogResource.PRIVATE + "files/report.pdf",
                Signatures.verifyUrl(r.headers().firstValue("Location").orElseThrow())
                        .url());
    }

    @Test
    void createdLocationAndLinkHeader_areSigned() {
        HttpResponse<String> r = SERVER.get().send("POST", "/api/catalog/uploads");
        assertEquals(201, r.statusCode());
        Signatures.verifyUrl(r.headers().firstValue("Location").orElseThrow());
        String link = r.headers().firstValue("Link").orElseThrow();
        assertEquals(
                CatalogResource.PRIVATE + "fonts/a.woff2",
                Signatures.verifyUrl(link.substring(1, link.indexOf('>'))).url());
    }

    @Test
    void cookies_followThePathParameterAndTheUser() {
        HttpResponse<String> r = SERVER.get().get("/api/courses/java-101", "X-User", "ann lee");
        Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/courses/java-101/*");
        Signatures.verifyCookies(TestServer.setCookies(r), "https://cdn.example.com/users/ann%20lee/*");
    }

    @Test
    void refusedRequest_getsNoCookiesAndNoSignatures() {
        assertTrue(TestServer.setCookies(SERVER.get().get("/api/courses/java-101", "X-Deny", "yes"))
                .isEmpty());
        HttpResponse<String> r = SERVER.get().get("/api/catalog/forbidden");
        assertEquals(403, r.statusCode());
        assertEquals(CatalogResource.PAGE, r.body());
        assertEquals(
                CatalogResource.PRIVATE + "x",
                r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void hashAlgorithmOverride_signsWithSha256() {
        String body = SERVER.get().get("/api/catalog/sha256").body();
        List<String> urls = Signatures.signedUrls(body);
        assertEquals(2, urls.size(), body);
        for (String url : urls) {
            assertTrue(url.endsWith("&Hash-Algorithm=SHA256"), url);
            assertEquals("SHA256", Signatures.verifyUrl(url).hashAlgorithm());
        }
    }

    @Test
    void ipBinding_bindsToTheServletRemoteAddress() {
        String location = SERVER.get()
                .get("/api/catalog/bound")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertTrue(Signatures.verifyUrl(location).policy().contains("\"AWS:SourceIp\":\"127.0.0.1/32\""), location);
    }

    @Test
    void resource_signsAUrlWithTheInjectedSigner() {
        List<String> urls =
                Signatures.signedUrls(SERVER.get().get("/api/catalog/manual").body());
        assertEquals(
                CatalogResource.PRIVATE + "videos/lesson-7.mp4",
                Signatures.verifyUrl(urls.get(0)).url());
    }

    @Test
    void badProperty_failsTheDeploymentNamingIt() {
        String failure = Deployment.failure(() -> ResteasyServer.start(ResteasyServer.Misconfigured.class));
        assertTrue(
                failure.contains("cloudfront.url.ttl = \"-5m\" (JAX-RS application property): the link lifetime"
                        + " must be positive"),
                failure);
    }
}
