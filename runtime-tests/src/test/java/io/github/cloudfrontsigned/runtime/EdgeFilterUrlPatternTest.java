package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.RawHttp;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code CloudFrontEdgeFilter} declared in {@code web.xml} on {@code /private/*} in front of the container's own
 * file serving (its default servlet), on real Tomcat 11 and Jetty 12: the URL pattern is matched against the
 * container's decoded, normalized path, so a hostile spelling of a protected file either is refused (by the
 * container or by the filter) or reaches the filter as the protected path and is denied unsigned. No protected
 * byte is ever served without a signature, and signed requests still are.
 */
final class EdgeFilterUrlPatternTest {

    private static final String SECRET = RawHttp.SECRET;

    /** A WAR-shaped directory: the files, and the edge filter in web.xml on /private/* when {@code edge}. */
    private static Path webapp(boolean edge) throws IOException {
        Path dir = Files.createTempDirectory("edge-war");
        Files.createDirectories(dir.resolve("private/sub"));
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("private/hello.txt"), SECRET + "\n");
        Files.writeString(dir.resolve("private/sub/x.txt"), SECRET + " x\n");
        Files.writeString(dir.resolve("public/p.txt"), "public p\n");
        Path publicKey =
                dir.resolve("../" + dir.getFileName() + "-public_key.pem").normalize();
        Files.writeString(publicKey, Keys.toPem(TestKeys.RSA.getPublic()));
        Files.createDirectories(dir.resolve("WEB-INF"));
        String filter = !edge ? "" : """
                  <filter>
                    <filter-name>cloudfront-edge</filter-name>
                    <filter-class>io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter</filter-class>
                    <init-param><param-name>cloudfront.edge.trusted-keys</param-name>
                      <param-value>K2JCJMDEHXQW5F</param-value></init-param>
                    <init-param><param-name>cloudfront.edge.keys.K2JCJMDEHXQW5F.public-key.location</param-name>
                      <param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>cloudfront-edge</filter-name>
                    <url-pattern>/private/*</url-pattern>
                  </filter-mapping>
                """.formatted(publicKey);
        Files.writeString(dir.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                %s</web-app>
                """.formatted(filter));
        return dir;
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void withoutTheEdge_theContainerServesEncodedAndDotSpellingsAsTheProtectedFile(Container container)
            throws Exception {
        try (Container.Deployed d = container.deploy(webapp(false))) {
            for (String target : new String[] {
                "/public/../private/hello.txt",
                "/%70rivate/hello.txt",
                "/private;x=1/hello.txt",
                "/public/p.txt/../../private/hello.txt"
            }) {
                RawHttp.Response r = RawHttp.get(d.port(), target);
                assertEquals(200, r.status(), target + "\n" + r.text());
                assertTrue(r.text().contains(SECRET), target + "\n" + r.text());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void edgeFilter_servesNoProtectedByteUnsignedWhateverTheSpelling(Container container) throws Exception {
        try (Container.Deployed d = container.deploy(webapp(true))) {
            for (String target : RawHttp.PROTECTED_FILE_SPELLINGS) {
                RawHttp.Response r = RawHttp.get(d.port(), target);
                assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, target + "\n" + r.text());
                assertFalse(r.text().contains(SECRET), target + "\n" + r.text());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void edgeFilter_encodedSpellingOfAProtectedPath_reachesTheFilterAndIsMissingKey(Container container)
            throws Exception {
        try (Container.Deployed d = container.deploy(webapp(true))) {
            for (String target :
                    new String[] {"/%70rivate/hello.txt", "/priv%61te/hello.txt", "/private/%68ello.txt"}) {
                RawHttp.Response r = RawHttp.get(d.port(), target);
                assertEquals(403, r.status(), target + "\n" + r.text());
                assertTrue(r.text().contains("<Code>MissingKey</Code>"), target + "\n" + r.text());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void edgeFilter_signedUrl_stillServesTheProtectedFile(Container container) throws Exception {
        try (Container.Deployed d = container.deploy(webapp(true))) {
            String base = "http://127.0.0.1:" + d.port();
            String signed = CloudFrontSigner.builder()
                    .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                    .build()
                    .signUrl(base + "/private/sub/x.txt", Duration.ofMinutes(5));
            RawHttp.Response r = RawHttp.get(d.port(), signed.substring(base.length()));
            assertEquals(200, r.status(), r.text());
            assertTrue(r.text().endsWith(SECRET + " x\n"), r.text());
            assertEquals(200, RawHttp.get(d.port(), "/public/p.txt").status());
        }
    }
}
