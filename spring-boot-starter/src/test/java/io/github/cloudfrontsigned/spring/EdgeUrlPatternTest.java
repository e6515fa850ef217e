package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.spring.edge.FilesApp;
import io.github.cloudfrontsigned.spring.edge.OnJetty;
import io.github.cloudfrontsigned.spring.edge.OnTomcat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    private static final String SECRET = "private hello";

    /** Spellings a container may serve as a file under /private. */
    private static final String[] HOSTILE = {"/public/../private/hello.txt", "/public/./../private/hello.txt",
        "/./private/hello.txt", "/public/p.txt/../../private/hello.txt", "/public/../private/sub/x.txt",
        "/%70rivate/hello.txt", "/%70%72%69%76%61%74%65/hello.txt", "/priv%61te/hello.txt", "/private/%68ello.txt",
        "/private/hello%2Etxt", "/private;x=1/hello.txt", "/private;/hello.txt", "/public/..;/private/hello.txt",
        "//private/hello.txt", "/public//../private/hello.txt", "/public/%2e%2e/private/hello.txt",
        "/public/%2E%2E/private/hello.txt", "/public/.%2e/private/hello.txt", "/%2e/private/hello.txt",
        "/public/..%2fprivate/hello.txt", "/public/%2e%2e%2fprivate/hello.txt", "/public/..%5cprivate/hello.txt",
        "/public/..\\private/hello.txt", "/public/%252e%252e/private/hello.txt", "/public/..%252fprivate/hello.txt",
        "/public/%00/../private/hello.txt", "/private/hello.txt%00", "/public/%2e%2e;x=1/private/hello.txt"};

    private static ConfigurableApplicationContext start(String server) throws IOException {
        Path publicKey = Files.createTempFile("edge", ".pem");
        Files.writeString(publicKey, Keys.toPem(TestKeys.RSA.getPublic()));
        publicKey.toFile().deleteOnExit();
        return new SpringApplicationBuilder(FilesApp.class,
                server.equals("jetty") ? OnJetty.class : OnTomcat.class)
                .properties("server.port=0", "server.address=127.0.0.1",
                        "cloudfront.edge.trusted-keys=K2JCJMDEHXQW5F",
                        "cloudfront.edge.keys.K2JCJMDEHXQW5F.public-key.location=" + publicKey,
                        "cloudfront.edge.url-patterns=/private/*")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** An HTTP response: status and the whole text. */
    private record Response(int status, String text) {
    }

    /** {@code GET target} over a plain socket, the request target byte for byte (no client normalizes it). */
    private static Response raw(int port, String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(response.substring(9, 12)), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void edge_servesNoProtectedByteUnsignedWhateverTheSpelling(String server) throws Exception {
        try (ConfigurableApplicationContext context = start(server)) {
            String webServer = ((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName();
            assertTrue(webServer.toLowerCase(java.util.Locale.ROOT).startsWith(server), webServer);
            for (String target : HOSTILE) {
                Response r = raw(port(context), target);
                assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, target + "\n" + r.text());
                assertFalse(r.text().contains(SECRET), target + "\n" + r.text());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void edge_encodedSpellingOfAProtectedPath_isMatchedByTheUrlPatternAndMissingKey(String server) throws Exception {
        try (ConfigurableApplicationContext context = start(server)) {
            for (String target : new String[] {"/%70rivate/hello.txt", "/priv%61te/hello.txt", "/private/%68ello.txt"}) {
                Response r = raw(port(context), target);
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
            String signed = CloudFrontSigner.builder().key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate()).build()
                    .signUrl(base + "/private/sub/x.txt", Duration.ofMinutes(5));
            Response r = raw(port(context), signed.substring(base.length()));
            assertEquals(200, r.status(), r.text());
            assertTrue(r.text().endsWith(SECRET + " x\n"), r.text());
            assertEquals(200, raw(port(context), "/public/p.txt").status());
        }
    }
}
