package io.github.cloudfrontsigned.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's key: generated once and kept, or the user's own key and distribution. */
final class DemoConfigurationTest {

    @Test
    void generatedKey_isKeptForTheNextStart() throws IOException {
        Path data = Files.createTempDirectory("demo-key-test");
        DemoFiles.DemoKey first = DemoFiles.key(data);
        DemoFiles.DemoKey second = DemoFiles.key(data);
        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.keyPairId(), second.keyPairId());
        assertEquals(
                Keys.fingerprint(Keys.loadPublicKey(KeySource.file(data.resolve("keys/public_key.pem")))),
                Keys.fingerprint(Keys.publicKey(second.privateKey())));
    }

    @Test
    void ownKeyAndDistribution_signLinksForThatDistribution() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair own = g.generateKeyPair();
        String distribution = "https://d111111abcdef8.cloudfront.net";
        try (DemoServer server = DemoServer.builder()
                .port(0)
                .dataDir(Files.createTempDirectory("demo-own-key"))
                .key("K2JCJMDEHXQW5F", own.getPrivate())
                .cdnUrl(distribution)
                .start()) {
            List<String> images = Visitor.attributes(
                    Visitor.loggedIn(server.baseUrl(), "alice").text("/library"), "signed", "src");
            CloudFrontVerifier cloudFront = CloudFrontVerifier.builder()
                    .trustedKey("K2JCJMDEHXQW5F", own.getPublic())
                    .build();
            assertEquals(DemoFiles.IMAGES.size(), images.size());
            for (String image : images) {
                assertTrue(image.startsWith(distribution + "/private/images/"), image);
                assertTrue(
                        cloudFront.verify(image).isAllowed(),
                        cloudFront.verify(image).toString());
            }
        }
    }
}
