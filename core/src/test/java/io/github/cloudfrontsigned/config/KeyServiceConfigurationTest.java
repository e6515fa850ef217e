package io.github.cloudfrontsigned.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class KeyServiceConfigurationTest {

    private static String problems(Map<String, String> m) {
        return assertThrows(
                        ConfigurationException.class,
                        () -> SigningConfiguration.read(ConfigLookup.of(m, "test properties")))
                .getMessage();
    }

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("cloudfront.key-pair-id", "K2JCJMDEHXQW5F");
        m.put("cloudfront.protected-prefixes", "https://cdn.example.com/private/");
        return m;
    }

    @Test
    void secretsManagerLocation_withoutTheAwsModule_namesThePropertyAndTheArtifact() {
        Map<String, String> m = base();
        m.put("cloudfront.private-key.location", "secretsmanager:cloudfront/key");
        String message = problems(m);
        assertTrue(
                message.contains("cloudfront.private-key.location")
                        && message.contains("io.github.cloudfrontsigned:cloudfront-signed-aws"),
                message);
    }

    @Test
    void kmsSigner_withoutTheAwsModule_namesThePropertyAndTheArtifact() {
        Map<String, String> m = base();
        m.put("cloudfront.signer", "kms:alias/cloudfront");
        String message = problems(m);
        assertTrue(message.contains("cloudfront.signer") && message.contains("cloudfront-signed-aws"), message);
    }

    @Test
    void signerAndPrivateKeyLocation_together_areRefused() {
        Map<String, String> m = base();
        m.put("cloudfront.signer", "kms:alias/cloudfront");
        m.put("cloudfront.private-key.location", "/etc/cloudfront/pk.pem");
        String message = problems(m);
        assertTrue(message.contains("not both"), message);
    }
}
