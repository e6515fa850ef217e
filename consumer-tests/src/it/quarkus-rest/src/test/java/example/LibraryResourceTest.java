package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.checks.CloudFrontChecks;
import io.github.cloudfrontsigned.verify.Verdict;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The application started by Quarkus's test support, read over HTTP: links come out signed, cookies are set. */
@QuarkusTest
@QuarkusTestResource(KeyFile.class)
class LibraryResourceTest {

    @TestHTTPResource("/library")
    URL library;

    @Test
    void htmlResource_linkComesOutSigned() throws Exception {
        HttpResponse<String> page = CloudFrontChecks.get(library.toString());
        assertEquals(200, page.statusCode(), page.body());
        String link = CloudFrontChecks.link(page.body(), "https://cdn.example.com/private/cat.jpg");

        Verdict verdict = KeyFile.cloudFront.verifyUrl(link);
        assertTrue(verdict.isAllowed(), verdict.toString());
    }

    @Test
    void jacksonResource_linkComesOutSignedAndCookiesAreSet() throws Exception {
        HttpResponse<String> cover = CloudFrontChecks.get(library + "/cover");
        assertEquals(200, cover.statusCode(), cover.body());
        String link = CloudFrontChecks.link(cover.body(), "https://cdn.example.com/private/dog.jpg");

        Verdict verdict = KeyFile.cloudFront.verifyUrl(link);
        assertTrue(verdict.isAllowed(), verdict.toString());
        Verdict member = KeyFile.cloudFront.verifyCookies("https://cdn.example.com/members/film.mp4", cover);
        assertTrue(member.isAllowed(), member.toString());
        Verdict elsewhere = KeyFile.cloudFront.verifyCookies("https://cdn.example.com/other/film.mp4", cover);
        assertFalse(elsewhere.isAllowed(), elsewhere.toString());
    }
}
