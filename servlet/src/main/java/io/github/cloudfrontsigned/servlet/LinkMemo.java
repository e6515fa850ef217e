package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the canned-policy signing parameters of each link for as long as the signer would produce exactly
 * the same ones: the expiry of a TTL is rounded up to the signer's expiry granularity, so a link signed again
 * within one granularity window (by the same active key) is identical. A hit costs one map lookup instead of
 * the signer's URL validation, policy building and signature-cache lookup. Links bound to an IP address are
 * not remembered. Bounded: cleared when it exceeds its size. Thread-safe.
 */
final class LinkMemo {

    private record Entry(String parameters, String keyPairId, long validUntil) {
    }

    private final CloudFrontSigner signer;
    private final Policy cannedPolicy;
    private final long ttlSeconds;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param signer the signer
     * @param cannedPolicy {@code Policy.builder().expiresIn(ttl).build()}
     * @param maxEntries the bound; 0 disables the memo
     */
    LinkMemo(CloudFrontSigner signer, Policy cannedPolicy, int maxEntries) {
        this.signer = signer;
        this.cannedPolicy = cannedPolicy;
        this.ttlSeconds = cannedPolicy.expiresIn().getSeconds() + (cannedPolicy.expiresIn().getNano() > 0 ? 1 : 0);
        this.maxEntries = maxEntries;
    }

    /**
     * @param url the link
     * @return the signing parameters, as {@code signer.signingParameters(url, cannedPolicy)} returns them now
     * @throws IllegalArgumentException as the signer does, for a link it cannot sign
     */
    String signingParameters(String url) {
        long now = signer.clock().instant().getEpochSecond();
        String keyPairId = signer.activeKeyPairId();
        Entry e = entries.get(url);
        if (e != null && now <= e.validUntil && e.keyPairId.equals(keyPairId)) {
            return e.parameters;
        }
        String parameters = signer.signingParameters(url, cannedPolicy);
        if (maxEntries > 0 && parameters.startsWith("Expires=")) {
            int end = parameters.indexOf('&');
            long expires = Long.parseLong(parameters.substring("Expires=".length(), end));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            // The same expiry comes out while now + ttl <= expires.
            entries.put(url, new Entry(parameters, keyPairId, expires - ttlSeconds));
        }
        return parameters;
    }
}
