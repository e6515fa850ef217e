package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.RawHttp;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.spring.edge.FilesApp;
import io.github.cloudfrontsigned.spring.edge.OnJetty;
import io.github.cloudfrontsigned.spring.edge.OnTomcat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter's local edge ({@code cloudfront.edge.url-patterns=/private/*}) in front of Spring's static files, on
 * embedded Tomcat 11 and Jetty 12: the URL pattern sees the container's normalized path, so a hostile spelling of
 * a protected file is refused (by the container, Spring or the edge) or denied unsigned as the protected path;
 * never served. Signed requests still are.
 */
final class EdgeUrlPatternTest {

    private static final String SECRET = RawHttp.SECRET;

    private static ConfigurableApplicationContext start(String server) throws IOException {
        Path publicKey = Files.createTempFile("edge", ".pem");
        Files.writeString(publicKey, Keys.toPem(TestKeys.RSA.getPublic()));
        publicKey.toFile().deleteOnExit();
        return new SpringApplicationBuilder(FilesApp.class, server.equals("jetty") ? OnJetty.class : OnTomcat.class)
                .properties(
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "cloudfront.edge.trusted-keys=K2JCJMDEHXQW5F",
                        "cloudfront.edge.keys.K2JCJMDEHXQW5F.public-key.location=" + publicKey,
                        "cloudfront.edge.url-patterns=/private/*")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void edge_servesNoProtectedByteUnsignedWhateverTheSpelling(String server) throws Exception {
        try (ConfigurableApplicationContext context = start(server)) {
            String webServer = ((WebServerApplicationContext) context)
                    .getWebServer()
                    .getClass()
                    .getSimpleName();
            assertTrue(webServer.toLowerCase(java.util.Locale.ROOT).startsWith(server), webServer);
            for (String target : RawHttp.PROTECTED_FILE_SPELLINGS) {
                RawHttp.Response r = RawHttp.get(port(context), target);
                assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, target + "\n" + r.text());
                assertFalse(r.text().contains(SECRET), target + "\n" + r.text());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void edge_encodedSpellingOfAProtectedPath_isMatchedByTheUrlPatternAndMissingKey(String server) throws Exception {
        try (ConfigurableApplicationContext context = start(server)) {
            for (String target :
                    new String[] {"/%70rivate/hello.txt", "/priv%61te/hello.txt", "/private/%68ello.txt"}) {
                RawHttp.Response r = RawHttp.get(port(context), target);
                assertEquals(403, r.status(), target + "\n" + r.text());
                assertTrue(r.text().contains("<Code>MissingKey</Code>"), target + "\n" + r.text());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void edge_signedUrl_stillServesTheProtectedFile(String server) throws Exception {
        try (ConfigurableApplicationContext context = start(server)) {
            String base = "http://127.0.0.1:" + port(context);
            String signed = CloudFrontSigner.builder()
                    .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                    .build()
                    .signUrl(base + "/private/sub/x.txt", Duration.ofMinutes(5));
            RawHttp.Response r = RawHttp.get(port(context), signed.substring(base.length()));
            assertEquals(200, r.status(), r.text());
            assertTrue(r.text().endsWith(SECRET + " x\n"), r.text());
            assertEquals(200, RawHttp.get(port(context), "/public/p.txt").status());
        }
    }
}
