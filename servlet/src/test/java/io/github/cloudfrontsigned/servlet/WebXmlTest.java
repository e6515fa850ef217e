package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter declared in a real {@code WEB-INF/web.xml}, deployed as a web application. */
final class WebXmlTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        Path classes = Files.createTempDirectory("cloudfront-webapp-classes");
        Files.createDirectories(classes.resolve("cloudfront"));
        Files.writeString(classes.resolve("cloudfront/private_key.pem"), TestKeys.pem(TestKeys.RSA));
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(Path.of("src/test/resources/webapp").toAbsolutePath());
        webapp.setExtraClasspath(classes.toString());
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        server = TestServer.start(webapp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pageLinks_areSignedWithTheWebXmlSettings() {
        long now = Instant.now().getEpochSecond();
        String body = new String(server.getBytes("/page?n=10").body(), StandardCharsets.UTF_8);
        assertEquals(TestApp.page(10), Signatures.unsigned(body));
        List<String> signed = Signatures.signedUrls(body);
        assertEquals(10, signed.size(), body);
        long expires = Signatures.verifyCanned(signed.get(0)).getEpochSecond();
        assertTrue(expires >= now + 600 && expires <= now + 600 + 301, "cloudfront.url.ttl 10m: " + expires);
    }

    @Test
    void cookies_areSetWithTheWebXmlAttributes() {
        HttpResponse<byte[]> r = server.getBytes("/download?file=a.zip");
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertEquals(3, cookies.size(), cookies.toString());
        assertTrue(
                cookies.get(0).endsWith("; Domain=cdn.example.com; Path=/members/; Secure; HttpOnly; SameSite=Lax"),
                cookies.get(0));
        Signatures.verifyCookies(cookies);
        Signatures.verifyCanned(r.headers().firstValue("Location").orElseThrow());
    }
}
