package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link LinkSigner} behind {@link CloudFrontSigner#linkSigner(java.time.Duration)}: signs each link with a
 * policy valid for a TTL, and remembers each link's parameters for as long as the signer would produce exactly
 * the same ones. An expiry from a TTL is rounded up to the expiry granularity, so within one window (and with the
 * same active key) a link's parameters do not change; a hit costs one map lookup instead of URL validation,
 * policy building and a signature-cache lookup. Bounded by the signer's cache size (cleared when full; 0 turns
 * the memo off).
 *
 * <p>Per response ({@link #forResponse()}): the clock is read, the expiry computed, the active key looked up and
 * its hash algorithm chosen once, and every link of the response is signed with that snapshot; the next response
 * takes a new one, so key rotation and the passing of time apply from the next response on. A direct
 * {@link #signingParameters(String)} call takes a snapshot for that one link. Thread-safe; a snapshot is for one
 * response's thread at a time.
 */
final class CannedLinkSigner implements LinkSigner {

    /** One link's parameters and exactly what they were made with: the key (by identity) and the expiry. */
    private static final class Entry {
        final String parameters;
        final SigningKey key;
        final long expires;

        Entry(String parameters, SigningKey key, long expires) {
            this.parameters = parameters;
            this.key = key;
            this.expires = expires;
        }
    }

    private final CloudFrontSigner signer;
    private final Policy policy;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    CannedLinkSigner(CloudFrontSigner signer, Policy policy, int maxEntries) {
        this.signer = signer;
        this.policy = policy;
        this.maxEntries = maxEntries;
    }

    /**
     * @param url the link
     * @return exactly what {@code signer.signingParameters(url, policy)} returns now
     * @throws IllegalArgumentException as the signer does, for a link it cannot sign
     */
    @Override
    public String signingParameters(String url) {
        return forResponse().signingParameters(url);
    }

    /**
     * @return the links of one response, signed with the clock, the active key and the hash algorithm as they are
     *     now (read here, once)
     * @throws IllegalArgumentException if the active key cannot sign with the configured hash algorithm
     */
    @Override
    public LinkSigner forResponse() {
        return new Snapshot(signer.snapshot(policy));
    }

    /** One response's links: every link signed as {@link CloudFrontSigner} would at the snapshot's instant. */
    private final class Snapshot implements LinkSigner {
        private final SigningSnapshot now;

        Snapshot(SigningSnapshot now) {
            this.now = now;
        }

        @Override
        public String signingParameters(String url) {
            Entry e = entries.get(url);
            if (e != null && e.expires == now.expires && e.key == now.key) {
                signer.countMemoHit();
                return e.parameters;
            }
            String parameters = signer.signingParameters(url, policy, now);
            if (maxEntries > 0) {
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
                entries.put(url, new Entry(parameters, now.key, now.expires));
            }
            return parameters;
        }

        @Override
        public LinkSigner forResponse() {
            return CannedLinkSigner.this.forResponse();
        }
    }
}
