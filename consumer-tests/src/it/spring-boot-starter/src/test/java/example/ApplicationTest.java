package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.checks.CloudFrontChecks;
import io.github.cloudfrontsigned.verify.Verdict;
import java.net.http.HttpResponse;
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
            CLOUDFRONT = CloudFrontChecks.newKey(Path.of("target/keys/private_key.pem").toAbsolutePath());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void page_linkComesOutSigned() throws Exception {
        HttpResponse<String> page = CloudFrontChecks.get("http://127.0.0.1:" + port + "/page");
        assertEquals(200, page.statusCode(), page.body());
        String link = CloudFrontChecks.link(page.body(), "https://cdn.example.com/private/cat.jpg");

        assertTrue(link.contains("Signature="), link);
        Verdict verdict = CLOUDFRONT.verifyUrl(link);
        assertTrue(verdict.isAllowed(), verdict.toString());
    }

    @Test
    void page_setsSignedCookiesForTheCookieResource() throws Exception {
        HttpResponse<String> page = CloudFrontChecks.get("http://127.0.0.1:" + port + "/page");

        Verdict member = CLOUDFRONT.verifyCookies("https://cdn.example.com/members/film.mp4", page);
        assertTrue(member.isAllowed(), member.toString());
        Verdict elsewhere = CLOUDFRONT.verifyCookies("https://cdn.example.com/other/film.mp4", page);
        assertFalse(elsewhere.isAllowed(), elsewhere.toString());
    }
}
