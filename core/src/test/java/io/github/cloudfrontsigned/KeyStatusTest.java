package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KeyStatusTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void keyFromAFile_isUpWithItsIdTypeSourceAndLoadTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pk.pem");
        Files.writeString(file, TestKeys.pem(TestKeys.RSA.getPrivate()));
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", KeySource.file(file))
                .clock(CLOCK)
                .build();
        KeyStatus status = signer.keyStatus();
        assertEquals(KeyStatus.State.UP, status.state());
        assertEquals("K2JCJMDEHXQW5F", status.keyPairId());
        assertEquals("RSA 2048-bit", status.keyType());
        assertEquals("file " + file, status.source());
        assertEquals(CLOCK.instant(), status.lastLoaded());
        assertFalse(status.refreshing());
        assertNull(status.lastError());
    }

    @Test
    void refreshingKeyWhoseStoreFails_isWarningWithFailuresAndTheLastError() {
        boolean[] failing = {false};
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("secret cloudfront/key", null, () -> {
            if (failing[0]) {
                throw new IllegalStateException("InternalFailure (HTTP 500)");
            }
            return TestKeys.EC.getPrivate();
        })) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSTORE", key).build();
            failing[0] = true;
            key.refresh();
            key.refresh();
            KeyStatus status = signer.keyStatus();
            assertEquals(KeyStatus.State.WARNING, status.state());
            assertTrue(status.isUp());
            assertEquals(2, status.consecutiveFailures());
            assertEquals("InternalFailure (HTTP 500)", status.lastError());
            assertEquals("ECDSA P-256", status.keyType());
            assertEquals("secret cloudfront/key", status.source());
            assertTrue(
                    String.valueOf(status.details().get("warning")).contains("2 times in a row"),
                    status.details().toString());
            failing[0] = false;
            key.refresh();
            assertEquals(KeyStatus.State.UP, signer.keyStatus().state());
            assertEquals(0, signer.keyStatus().consecutiveFailures());
        }
    }

    @Test
    void providerWithNoKeyLeft_isDown() {
        boolean[] broken = {false};
        PrivateKeyProvider provider = new PrivateKeyProvider() {
            @Override
            public PrivateKey privateKey() {
                if (broken[0]) {
                    throw new IllegalStateException("vault sealed");
                }
                return TestKeys.RSA.getPrivate();
            }

            @Override
            public String description() {
                return "in-test vault";
            }
        };
        CloudFrontSigner signer =
                CloudFrontSigner.builder().key("KVAULT", provider).build();
        broken[0] = true;
        KeyStatus status = signer.keyStatus();
        assertEquals(KeyStatus.State.DOWN, status.state());
        assertFalse(status.isUp());
        assertTrue(status.lastError().contains("vault sealed"), status.lastError());
    }

    @Test
    void details_neverHoldKeyMaterial() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KINLINE", KeySource.inline(TestKeys.pem(TestKeys.RSA.getPrivate())))
                .build();
        Map<String, Object> details = signer.keyStatus().details();
        String encoded =
                Base64.getEncoder().encodeToString(TestKeys.RSA.getPrivate().getEncoded());
        assertFalse(details.toString().contains(encoded.substring(40, 80)), details.toString());
        assertTrue(String.valueOf(details.get("source")).startsWith("inline key ("), details.toString());
    }
}
