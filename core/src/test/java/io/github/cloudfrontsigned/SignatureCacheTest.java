package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.key.SignatureProvider;
import org.junit.jupiter.api.Test;

final class SignatureCacheTest {

    private static final SigningKey KEY = new SigningKey("K1", TestKeys.EC.getPrivate(), SignatureProvider.JDK);
    private static final SigningKey OTHER = new SigningKey("K1", TestKeys.EC.getPrivate(), SignatureProvider.JDK);

    @Test
    void hit_requiresSameKeyHashAndPolicy() {
        SignatureCache cache = new SignatureCache(10);
        cache.put(KEY, HashAlgorithm.SHA256, "p", "sig", 100, 0);
        assertEquals("sig", cache.get(KEY, HashAlgorithm.SHA256, "p"));
        assertNull(cache.get(KEY, HashAlgorithm.SHA1, "p"));
        assertNull(cache.get(OTHER, HashAlgorithm.SHA256, "p"));
        assertNull(cache.get(KEY, HashAlgorithm.SHA256, "q"));
    }

    @Test
    void size_neverExceedsTheCap() {
        SignatureCache cache = new SignatureCache(100);
        for (int i = 0; i < 10_000; i++) {
            cache.put(KEY, HashAlgorithm.SHA256, "policy" + i, "sig", 1_000_000, 0);
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
    }

    @Test
    void whenFull_expiredEntriesGoFirst() {
        SignatureCache cache = new SignatureCache(4);
        cache.put(KEY, HashAlgorithm.SHA256, "live", "sig", 1000, 0);
        cache.put(KEY, HashAlgorithm.SHA256, "old1", "sig", 10, 0);
        cache.put(KEY, HashAlgorithm.SHA256, "old2", "sig", 10, 0);
        cache.put(KEY, HashAlgorithm.SHA256, "old3", "sig", 10, 0);
        cache.put(KEY, HashAlgorithm.SHA256, "new", "sig", 1000, 500);
        assertEquals("sig", cache.get(KEY, HashAlgorithm.SHA256, "live"));
        assertEquals("sig", cache.get(KEY, HashAlgorithm.SHA256, "new"));
        assertEquals(2, cache.size());
    }
}
