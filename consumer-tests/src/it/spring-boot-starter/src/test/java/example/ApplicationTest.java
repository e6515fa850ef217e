package example;

import example.checks.CloudFrontChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application started on a random port, read over HTTP: links come out signed, cookies are set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTest {

    /** A key of our own, written before Spring starts the application (application.properties names the file). */
    private static final CloudFrontChecks CLOUDFRONT;

    static {
        try {
            CLOUDFRONT = CloudFrontChecks.newKey(
                    Path.of("target/keys/private_key.pem").toAbsolutePath());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void page_linkComesOutSigned() throws Exception {
        CLOUDFRONT.assertSignedLink(
                CloudFrontChecks.get("http://127.0.0.1:" + port + "/page"), "https://cdn.example.com/private/cat.jpg");
    }

    @Test
    void page_setsSignedCookiesForTheCookieResource() throws Exception {
        CLOUDFRONT.assertSignedCookies(
                CloudFrontChecks.get("http://127.0.0.1:" + port + "/page"),
                "https://cdn.example.com/members/film.mp4",
                "https://cdn.example.com/other/film.mp4");
    }
}
