package io.github.cloudfrontsigned;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe map from everything that goes into a signature (the key, the hash algorithm and the
 * exact policy bytes) to the encoded signature. A repeated policy costs one lookup instead of an RSA or
 * ECDSA operation. Memory stays bounded: at most {@code maxEntries} entries; when full, entries whose policy
 * has expired are dropped first, then arbitrary entries until a quarter of the room is free.
 *
 * <p>Thread safety: thread-safe; concurrent misses on the same policy may both sign (both results valid).
 */
final class SignatureCache {

    /** What a signature depends on. The key is compared by identity: a rotated key never hits old entries. */
    private static final class Key {
        final SigningKey signingKey;
        final HashAlgorithm hash;
        final String policy;
        final int hash32;

        Key(SigningKey signingKey, HashAlgorithm hash, String policy) {
            this.signingKey = signingKey;
            this.hash = hash;
            this.policy = policy;
            this.hash32 = policy.hashCode() * 31 + System.identityHashCode(signingKey) * 7 + hash.ordinal();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return k.signingKey == signingKey && k.hash == hash && k.policy.equals(policy);
        }

        @Override
        public int hashCode() {
            return hash32;
        }
    }

    private static final class Entry {
        final String signature;
        final long expiresEpochSecond;

        Entry(String signature, long expiresEpochSecond) {
            this.signature = signature;
            this.expiresEpochSecond = expiresEpochSecond;
        }
    }

    private final int maxEntries;
    private final ConcurrentHashMap<Key, Entry> entries;

    SignatureCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1024) * 2);
    }

    /** @return the cached signature, or {@code null} */
    String get(SigningKey key, HashAlgorithm hash, String policy) {
        Entry e = entries.get(new Key(key, hash, policy));
        return e == null ? null : e.signature;
    }

    void put(
            SigningKey key,
            HashAlgorithm hash,
            String policy,
            String signature,
            long expiresEpochSecond,
            long nowEpochSecond) {
        if (entries.size() >= maxEntries) {
            makeRoom(nowEpochSecond);
        }
        entries.put(new Key(key, hash, policy), new Entry(signature, expiresEpochSecond));
    }

    private void makeRoom(long nowEpochSecond) {
        entries.values().removeIf(e -> e.expiresEpochSecond <= nowEpochSecond);
        int target = maxEntries - Math.max(1, maxEntries / 4);
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    int size() {
        return entries.size();
    }

    int maxEntries() {
        return maxEntries;
    }
}
