package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.internal.PolicyDocument;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class KeyRotationTest {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/a.jpg";

    private static CloudFrontSigner twoKeys() {
        return CloudFrontSigner.builder()
                .key("KOLD", TestKeys.RSA.getPrivate())
                .key("KNEW", TestKeys.EC.getPrivate())
                .signatureCacheSize(0)
                .build();
    }

    @Test
    void firstKeyAdded_isActive() {
        assertEquals("KOLD", twoKeys().activeKeyPairId());
    }

    @Test
    void activate_switchesTheSigningKey() {
        CloudFrontSigner signer = twoKeys();
        signer.activate("KNEW");
        assertTrue(signer.signUrl(URL, Duration.ofMinutes(1)).contains("Key-Pair-Id=KNEW"));
    }

    @Test
    void activatingAnUnknownKey_isRefusedListingTheKnownOnes() {
        String m = assertThrows(IllegalArgumentException.class, () -> twoKeys().activate("KOTHER"))
                .getMessage();
        assertTrue(m.contains("KOTHER") && m.contains("[KOLD, KNEW]"), m);
    }

    @Test
    void activeKeyPairIdNotAmongKeys_isRefusedAtBuild() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudFrontSigner.builder()
                        .key("KOLD", TestKeys.RSA.getPrivate())
                        .activeKeyPairId("KNEW")
                        .build());
    }

    @Test
    void concurrentSigningDuringRotation_neverMixesKeys() throws Exception {
        CloudFrontSigner signer = twoKeys();
        Map<String, PublicKey> publicKeys = Map.of("KOLD", TestKeys.RSA.getPublic(), "KNEW", TestKeys.EC.getPublic());
        ConcurrentLinkedQueue<String> signed = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(3);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                started.countDown();
                for (int i = 0; !stop.get() && i < 400; i++) {
                    signed.add(signer.signUrl(URL + "?t=" + thread + "&i=" + i, Duration.ofMinutes(5)));
                }
                return null;
            }));
        }
        started.await();
        for (int i = 0; i < 200; i++) {
            signer.activate(i % 2 == 0 ? "KNEW" : "KOLD");
            Thread.sleep(1);
        }
        stop.set(true);
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(signed.size() > 10, "signed " + signed.size());
        for (String url : signed) {
            int q = url.indexOf("&Expires=");
            String resource = url.substring(0, q);
            Map<String, String> p = SharedCasesTest.query(url.substring(q + 1));
            String keyId = p.get("Key-Pair-Id");
            HashAlgorithm hash = p.containsKey("Hash-Algorithm") ? HashAlgorithm.SHA256 : HashAlgorithm.SHA1;
            String policy = PolicyDocument.writeCanned(resource, Long.parseLong(p.get("Expires")));
            assertTrue(Verification.verifies(publicKeys.get(keyId), hash, policy, p.get("Signature")), url);
            assertEquals(
                    keyId.equals("KNEW"), hash == HashAlgorithm.SHA256, "hash follows the key that signed: " + url);
        }
    }
}
