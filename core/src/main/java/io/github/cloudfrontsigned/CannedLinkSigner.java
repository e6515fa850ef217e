package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link LinkSigner} behind {@link CloudFrontSigner#linkSigner(java.time.Duration)}: signs each link with a
 * canned policy valid for a TTL, and remembers each link's parameters for as long as the signer would produce
 * exactly the same ones. An expiry from a TTL is rounded up to the expiry granularity, so within one window
 * (and with the same active key) a link's parameters do not change; a hit costs one map lookup instead of URL
 * validation, policy building and a signature-cache lookup. Bounded by the signer's cache size (cleared when
 * full; 0 turns the memo off). Thread-safe.
 */
final class CannedLinkSigner implements LinkSigner {

    private record Entry(String parameters, String keyPairId, long validUntil) {


        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)

        @Override

        public boolean equals(Object o) {

            if (o == this) {

                return true;

            }

            if (!(o instanceof Entry)) {

                return false;

            }

            Entry other = (Entry) o;

            return java.util.Objects.equals(parameters, other.parameters)

                    && java.util.Objects.equals(keyPairId, other.keyPairId)

                    && validUntil == other.validUntil;

        }


        @Override

        public int hashCode() {

            return java.util.Objects.hash(parameters, keyPairId, validUntil);

        }


        @Override

        public String toString() {

            return "Entry[parameters=" + parameters

                    + ", keyPairId=" + keyPairId

                    + ", validUntil=" + validUntil + "]";

        }

    }

    private final CloudFrontSigner signer;
    private final Policy policy;
    private final long ttlSeconds;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    CannedLinkSigner(CloudFrontSigner signer, Policy policy, int maxEntries) {
        this.signer = signer;
        this.policy = policy;
        this.ttlSeconds = policy.expiresIn().getSeconds() + (policy.expiresIn().getNano() > 0 ? 1 : 0);
        this.maxEntries = maxEntries;
    }

    /**
     * @param url the link
     * @return exactly what {@code signer.signingParameters(url, policy)} returns now
     * @throws IllegalArgumentException as the signer does, for a link it cannot sign
     */
    @Override
    public String signingParameters(String url) {
        long now = signer.clock().instant().getEpochSecond();
        String keyPairId = signer.activeKeyPairId();
        Entry e = entries.get(url);
        if (e != null && now <= e.validUntil && e.keyPairId.equals(keyPairId)) {
            signer.countMemoHit();
            return e.parameters;
        }
        String parameters = signer.signingParameters(url, policy);
        if (maxEntries > 0 && parameters.startsWith("Expires=")) {
            long expires = Long.parseLong(parameters.substring("Expires=".length(), parameters.indexOf('&')));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            // The signer gives the same expiry while now + ttl <= expires.
            entries.put(url, new Entry(parameters, keyPairId, expires - ttlSeconds));
        }
        return parameters;
    }
}
