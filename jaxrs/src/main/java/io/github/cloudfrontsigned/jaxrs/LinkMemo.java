package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canned-policy signing parameters of each link of one resource method, kept while the signer would give
 * the same ones: an expiry from a TTL is rounded up to the expiry granularity, so within one window (and with the
 * same active key) a link's parameters do not change. A hit is one map lookup instead of URL validation, policy
 * building and a signature-cache lookup. (The servlet module keeps the same memo; both belong in core.) Bounded:
 * cleared when full. Thread-safe.
 */
final class LinkMemo {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String parameters, String keyPairId, long validUntil) {
    }

    private final CloudFrontSigner signer;
    private final Policy policy;
    private final long ttlSeconds;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param signer the resource's signer
     * @param policy {@code Policy.builder().expiresIn(ttl).build()}
     */
    LinkMemo(CloudFrontSigner signer, Policy policy) {
        this.signer = signer;
        this.policy = policy;
        this.ttlSeconds = (policy.expiresIn().toNanos() + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * @param url the link
     * @return {@code signer.signingParameters(url, policy)} as it would answer now
     * @throws IllegalArgumentException as the signer does for a link it cannot sign
     */
    String signingParameters(String url) {
        long now = signer.clock().instant().getEpochSecond();
        String keyPairId = signer.activeKeyPairId();
        Entry e = entries.get(url);
        if (e != null && now <= e.validUntil && e.keyPairId.equals(keyPairId)) {
            return e.parameters;
        }
        String parameters = signer.signingParameters(url, policy);
        if (parameters.startsWith("Expires=")) {
            long expires = Long.parseLong(parameters.substring("Expires=".length(), parameters.indexOf('&')));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(url, new Entry(parameters, keyPairId, expires - ttlSeconds)); // same expiry while now + ttl <= expires
        }
        return parameters;
    }
}
