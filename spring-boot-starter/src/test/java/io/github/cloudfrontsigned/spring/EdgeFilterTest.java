package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.spring.app.MediaApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local edge from properties: signed URLs pass, tampered ones get CloudFront's 403, denials are counted. */
@SpringBootTest(
        classes = MediaApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cloudfront.key-pair-id=K2JCJMDEHXQW5F",
            "cloudfront.edge.trusted-keys=K2JCJMDEHXQW5F",
            "cloudfront.edge.url-patterns=/cdn/*"
        })
final class EdgeFilterTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add(
                "cloudfront.private-key.location",
                () -> TestKeys.pemFile(TestKeys.RSA.getPrivate()).toString());
        registry.add("cloudfront.edge.keys.K2JCJMDEHXQW5F.public-key.location", EdgeFilterTest::publicKeyFile);
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("edge", ".pem");
            Files.writeString(file, Keys.toPem(TestKeys.RSA.getPublic()));
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CloudFrontSigner signer;

    @Autowired
    MeterRegistry meters;

    @Test
    void edge_servesASignedUrl() {
        HttpResponse<String> file =
                Http.get(signer.signUrl("http://127.0.0.1:" + port + "/cdn/a.txt", Duration.ofMinutes(5)));
        assertEquals(200, file.statusCode());
        assertEquals("file a.txt", file.body());
    }

    @Test
    void edge_refusesATamperedUrlAndCountsTheDenialByCode() {
        double before = meters.get("cloudfront.edge.denials")
                .tag("code", "AccessDenied")
                .functionCounter()
                .count();
        String signed = signer.signUrl("http://127.0.0.1:" + port + "/cdn/a.txt", Duration.ofMinutes(5));
        HttpResponse<String> refused = Http.get(signed.replace("/cdn/a.txt", "/cdn/b.txt"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("<Code>AccessDenied</Code>"), refused.body());
        assertEquals(
                before + 1,
                meters.get("cloudfront.edge.denials")
                        .tag("code", "AccessDenied")
                        .functionCounter()
                        .count());
    }

    @Test
    void edge_refusesAnUnsignedUrlWithMissingKey() {
        HttpResponse<String> refused = Http.get("http://127.0.0.1:" + port + "/cdn/a.txt");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("<Code>MissingKey</Code>"), refused.body());
    }
}
