package example;

import example.checks.CloudFrontChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The built WAR, deployed as it is on a container: links come out signed, cookies are set, CloudFront agrees. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SignedWarContract {

    private CloudFrontChecks cloudFront;
    private AutoCloseable server;
    private String base;

    /** Deploys the WAR at the root context on 127.0.0.1 and an ephemeral port; returns that port. */
    abstract int deploy(Path war) throws Exception;

    abstract AutoCloseable running();

    @BeforeAll
    void deployWar() throws Exception {
        cloudFront = CloudFrontChecks.newKey(Path.of(System.getProperty("keys"), "private_key.pem"));
        int port = deploy(Path.of(System.getProperty("war")));
        server = running();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servletPage_linkComesOutSigned() throws Exception {
        cloudFront.assertSignedLink(CloudFrontChecks.get(base + "/page"), "https://cdn.example.com/private/cat.jpg");
    }

    @Test
    void servletPage_setsSignedCookiesForTheCookieResource() throws Exception {
        cloudFront.assertSignedCookies(
                CloudFrontChecks.get(base + "/page"),
                "https://cdn.example.com/members/film.mp4",
                "https://cdn.example.com/other/film.mp4");
    }

    @Test
    void cloudFrontSignedResource_linkComesOutSigned() throws Exception {
        cloudFront.assertSignedLink(
                CloudFrontChecks.get(base + "/api/library"), "https://cdn.example.com/private/dog.jpg");
    }
}
