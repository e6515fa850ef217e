package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What one signing call, or one response's links, are signed with: the clock read, the expiry computed, the active
 * key looked up and its hash algorithm chosen, once (issue 22: per response, not per link). Immutable; the rules of
 * expiry rounding and hash choice that {@link CloudFrontSigner}'s class Javadoc states live here.
 */
final class SigningSnapshot {
    /** The clock's reading, epoch seconds. */
    final long now;
    /** The expiry ({@code DateLessThan}), epoch seconds. */
    final long expires;

    final SigningKey key;
    final HashAlgorithm hash;

    private SigningSnapshot(long now, long expires, SigningKey key, HashAlgorithm hash) {
        this.now = now;
        this.expires = expires;
        this.key = key;
        this.hash = hash;
    }

    /**
     * Reads the clock now and computes the policy's expiry and the key's hash algorithm.
     *
     * @param granularitySeconds expiries given as a TTL are rounded up to a multiple of this (1: whole seconds)
     * @param configured the signer's configured hash algorithm, or {@code null} to follow the key type
     * @throws IllegalArgumentException if the expiry is not in the future, or the key cannot sign with the
     *     configured hash algorithm
     */
    static SigningSnapshot take(
            Clock clock, long granularitySeconds, SigningKey key, HashAlgorithm configured, Policy policy) {
        long now = clock.instant().getEpochSecond();
        return new SigningSnapshot(now, expiry(policy, now, granularitySeconds), key, hashFor(key, configured));
    }

    /**
     * @return SHA-256 for a remote signer (which signs with nothing else), else the configured algorithm, else the
     *     key type's default (SHA-1 for RSA, SHA-256 for ECDSA)
     * @throws IllegalArgumentException if SHA-1 is configured for a remote signer
     */
    static HashAlgorithm hashFor(SigningKey key, HashAlgorithm configured) {
        if (key.remote != null) {
            if (configured == HashAlgorithm.SHA1) {
                throw new IllegalArgumentException("key pair ID " + key.keyPairId + " is signed by "
                        + key.remote.description() + ", which signs with SHA256 only; do not ask for SHA1");
            }
            return HashAlgorithm.SHA256;
        }
        return configured != null ? configured : key.defaultHash();
    }

    private static long expiry(Policy policy, long now, long granularitySeconds) {
        long expires = policy.dateLessThan() != null
                ? policy.dateLessThan().getEpochSecond()
                : quantize(now, policy.expiresIn(), granularitySeconds);
        if (expires <= now) {
            throw new IllegalArgumentException("DateLessThan (the expiration) " + Instant.ofEpochSecond(expires)
                    + " (" + expires + ") is not in the future (now " + Instant.ofEpochSecond(now)
                    + "); CloudFront would refuse the URL at once");
        }
        return expires;
    }

    /** @return {@code now} plus the TTL (a started second counts whole), rounded up to the granularity */
    static long quantize(long now, Duration ttl, long granularitySeconds) {
        long ttlSeconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
        long raw = Math.addExact(now, ttlSeconds);
        long g = granularitySeconds;
        return g <= 1 ? raw : Math.multiplyExact(Math.floorDiv(raw + g - 1, g), g);
    }

    /**
     * Signs a policy with this snapshot's key and hash algorithm: the signature cache first, else one signature.
     *
     * @param policyJson the policy document as CloudFront receives it
     * @param cache the signer's signature cache, or {@code null} when it has none
     * @return the signature in CloudFront's URL-safe base64
     */
    String signature(String policyJson, SignatureCache cache, SignerCounters counters) {
        if (cache != null) {
            String cached = cache.get(key, hash, policyJson);
            if (cached != null) {
                counters.reused.increment();
                return cached;
            }
        }
        String signature = CloudFrontBase64.encode(key.sign(hash, policyJson.getBytes(StandardCharsets.UTF_8)));
        counters.computed.increment();
        if (cache != null) {
            cache.put(key, hash, policyJson, signature, expires, now);
        }
        return signature;
    }
}
