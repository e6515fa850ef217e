package example;

import example.checks.CloudFrontChecks;
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
        KeyFile.cloudFront.assertSignedLink(
                CloudFrontChecks.get(library.toString()), "https://cdn.example.com/private/cat.jpg");
    }

    @Test
    void jacksonResource_linkComesOutSignedAndCookiesAreSet() throws Exception {
        HttpResponse<String> cover = CloudFrontChecks.get(library + "/cover");

        KeyFile.cloudFront.assertSignedLink(cover, "https://cdn.example.com/private/dog.jpg");
        KeyFile.cloudFront.assertSignedCookies(
                cover, "https://cdn.example.com/members/film.mp4", "https://cdn.example.com/other/film.mp4");
    }
}
