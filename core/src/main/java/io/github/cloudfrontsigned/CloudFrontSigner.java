package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.Validation;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import io.github.cloudfrontsigned.key.RemoteSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs CloudFront URLs and cookies: the one entry point of the core module.
 *
 * <pre>{@code
 * CloudFrontSigner signer = CloudFrontSigner.builder()
 *     .key("K2JCJMDEHXQW5F", Keys.loadPrivateKey(KeySource.location("/etc/cloudfront/private_key.pem")))
 *     .build();
 *
 * // canned policy: the URL is the resource, valid for 10 minutes
 * String url = signer.signUrl("https://d111111abcdef8.cloudfront.net/images/cat.jpg", Duration.ofMinutes(10));
 *
 * // custom policy: a wildcard resource applied to a concrete URL, bound to the viewer's IP
 * String video = signer.signUrl("https://d111111abcdef8.cloudfront.net/videos/a.mp4?quality=hd",
 *     Policy.builder().resource("https://d111111abcdef8.cloudfront.net/videos/*")
 *         .expiresIn(Duration.ofHours(1)).ipAddress("192.0.2.7").build());
 *
 * // signed cookies for a whole prefix
 * SignedCookies cookies = signer.signCookies(Policy.builder()
 *     .resource("https://d111111abcdef8.cloudfront.net/members/*").expiresIn(Duration.ofHours(1)).build());
 * List<String> setCookieHeaders = cookies.toSetCookieHeaders(CookieAttributes.builder()
 *     .domain("d111111abcdef8.cloudfront.net").path("/members/").build());
 * }</pre>
 *
 * <h2>What it produces</h2>
 * The URL's own path and query stay byte for byte as given; {@code Expires} (canned) or {@code Policy}
 * (custom), {@code Signature}, {@code Key-Pair-Id} and, for SHA-256, {@code Hash-Algorithm} are appended after
 * {@code ?} or {@code &}, in the order every AWS SDK uses. A canned policy is used unless the {@link Policy} asks
 * for a wildcard, a start date, an IP range or a resource other than the URL; signed cookies get a custom policy
 * whenever the Resource holds {@code *} or {@code ?} (see {@link Policy} for the rule). Signatures are RSA
 * PKCS#1 v1.5 or ECDSA P-256 (ASN.1 DER) over the policy's UTF-8 bytes, encoded in CloudFront's base64 variant
 * ({@code -}, {@code _}, {@code ~}). Sources:
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html">canned policy</a>,
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html">custom policy</a>,
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html">signed cookies</a>.
 *
 * <h2>Hash algorithm</h2>
 * Unless {@link Builder#hashAlgorithm(HashAlgorithm)} says otherwise: SHA-1 for RSA keys (CloudFront's default,
 * no {@code Hash-Algorithm} sent) and SHA-256 for ECDSA keys. ECDSA with SHA-1 is used only when asked for.
 *
 * <h2>Time</h2>
 * Expiries given as a TTL are counted from the {@link Clock} and rounded <em>up</em> to a multiple of the
 * expiry granularity, so a link stays valid at least the TTL and the same link requested again within one
 * granularity window is identical (and costs a cache lookup, not a signature). Absolute expiries are
 * truncated to whole epoch seconds. An expiry that is not in the future is refused.
 *
 * <h2>Key rotation</h2>
 * The signer holds several (key pair ID, private key) entries and signs with the active one;
 * {@link #activate(String)} switches atomically, safe under concurrent signing.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; build one per application and share it. Each call costs one signature on a cache miss and a
 * map lookup on a hit.
 */
public final class CloudFrontSigner {

    private static final System.Logger LOG = System.getLogger(CloudFrontSigner.class.getName());

    private final KeyRing ring;
    private final HashAlgorithm hashAlgorithm;
    private final Clock clock;
    private final long granularitySeconds;
    private final SignatureCache cache;
    private final SignerCounters counters;

    private CloudFrontSigner(
            KeyRing ring,
            HashAlgorithm hashAlgorithm,
            Clock clock,
            long granularitySeconds,
            SignatureCache cache,
            SignerCounters counters) {
        this.ring = ring;
        this.hashAlgorithm = hashAlgorithm;
        this.clock = clock;
        this.granularitySeconds = granularitySeconds;
        this.cache = cache;
        this.counters = counters;
    }

    /**
     * What this signer (and every {@link #withHashAlgorithm(HashAlgorithm)} view of it) has done since it was
     * built, for metrics: counted on every call, at the cost of one uncontended increment.
     *
     * @param linksSigned links (URLs) signed, by {@link #signUrl}, {@link #signingParameters} and
     *     {@link #linkSigner(Duration)}
     * @param cookiesSigned cookie sets signed by {@link #signCookies(Policy)}, one per call
     * @param signaturesComputed signatures computed with a key (RSA or ECDSA operations, or remote calls)
     * @param signaturesReused signatures taken from the signature cache or the link signer's memo instead
     */
    public record Statistics(long linksSigned, long cookiesSigned, long signaturesComputed, long signaturesReused) {

        /** @return the share of signatures reused, from 0.0 to 1.0; 0.0 before the first signature */
        public double reuseRatio() {
            long all = signaturesComputed + signaturesReused;
            return all == 0 ? 0.0 : (double) signaturesReused / all;
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Statistics)) {
                return false;
            }
            Statistics other = (Statistics) o;
            return linksSigned == other.linksSigned
                    && cookiesSigned == other.cookiesSigned
                    && signaturesComputed == other.signaturesComputed
                    && signaturesReused == other.signaturesReused;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(linksSigned, cookiesSigned, signaturesComputed, signaturesReused);
        }

        @Override
        public String toString() {
            return "Statistics[linksSigned=" + linksSigned
                    + ", cookiesSigned=" + cookiesSigned
                    + ", signaturesComputed=" + signaturesComputed
                    + ", signaturesReused=" + signaturesReused + "]";
        }
    }

    /**
     * @return the counts so far, read without locking (each count is exact; counts taken during concurrent
     *     signing may be a few calls apart from each other); thread-safe
     */
    public Statistics statistics() {
        return new Statistics(
                counters.links.sum(), counters.cookies.sum(), counters.computed.sum(), counters.reused.sum());
    }

    /** A link answered from a link signer's memo: counted as a link signed with a reused signature. */
    void countMemoHit() {
        counters.links.increment();
        counters.reused.increment();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs a URL with a canned policy valid for {@code ttl} from now (rounded up to the expiry granularity).
     *
     * @param url the complete, already percent-encoded URL as the viewer will request it, query string
     *     included (see {@link ResourceUrls} to build one)
     * @param ttl how long the URL stays valid; positive
     * @return the signed URL
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL, holds a character CloudFront
     *     cannot match (message names it and its position), a {@code *}, or a signing parameter already
     */
    public String signUrl(String url, Duration ttl) {
        return signUrl(url, Policy.builder().expiresIn(ttl).build());
    }

    /**
     * Signs a URL with a canned policy valid until {@code dateLessThan}.
     *
     * @param url the complete, already percent-encoded URL, as for {@link #signUrl(String, Duration)}
     * @param dateLessThan the expiry, truncated to epoch seconds; must be in the future
     * @return the signed URL
     * @throws IllegalArgumentException as for {@link #signUrl(String, Duration)}, or if the expiry is not in
     *     the future
     */
    public String signUrl(String url, Instant dateLessThan) {
        return signUrl(url, Policy.builder().dateLessThan(dateLessThan).build());
    }

    /**
     * Signs a URL with the given policy: canned when it can be, custom otherwise (see the class comment).
     *
     * @param url the complete, already percent-encoded URL as the viewer will request it
     * @param policy what to grant; its resource, when set, may hold wildcards and need not equal the URL
     * @return the signed URL
     * @throws IllegalArgumentException if the URL is invalid or already signed, holds a {@code *} while the policy
     *     sets no Resource (it would be a wildcard), the policy's Resource does not cover it (the message marks
     *     where they part), the expiry is not in the future, or the start is not before the expiry
     */
    public String signUrl(String url, Policy policy) {
        String parameters = signingParameters(url, policy);
        return new StringBuilder(url.length() + parameters.length() + 1)
                .append(url)
                .append(url.indexOf('?') >= 0 ? '&' : '?')
                .append(parameters)
                .toString();
    }

    /**
     * The query parameters that sign {@code url}, without the leading {@code ?} or {@code &}: for example
     * {@code Expires=1767290400&Signature=...&Key-Pair-Id=K2JCJMDEHXQW5F}. For callers that write the URL
     * themselves, such as the link rewriter (which escapes {@code &} as {@code &amp;} in HTML). Values hold
     * only {@code [A-Za-z0-9-_~]} and need no encoding.
     *
     * @param url the complete, already percent-encoded URL as the viewer will request it
     * @param policy what to grant
     * @return the parameters, in the order {@code Expires}|{@code Policy}, {@code Signature},
     *     {@code Key-Pair-Id}, {@code Hash-Algorithm}
     * @throws IllegalArgumentException as for {@link #signUrl(String, Policy)}
     */
    public String signingParameters(String url, Policy policy) {
        checkLink(url, policy);
        return parameters(url, policy, snapshot(policy));
    }

    /**
     * Reads the clock and the active key now, for {@link #signingParameters(String, Policy, SigningSnapshot)}.
     *
     * @throws IllegalArgumentException if the policy's expiry is not in the future, or the active key cannot
     *     sign with the configured hash algorithm
     */
    SigningSnapshot snapshot(Policy policy) {
        return SigningSnapshot.take(clock, granularitySeconds, ring.active.get().key(), hashAlgorithm, policy);
    }

    /**
     * Exactly what {@link #signingParameters(String, Policy)} returns at the snapshot's instant with its key.
     *
     * @throws IllegalArgumentException as {@link #signingParameters(String, Policy)}
     */
    String signingParameters(String url, Policy policy, SigningSnapshot snapshot) {
        checkLink(url, policy);
        return parameters(url, policy, snapshot);
    }

    private static void checkLink(String url, Policy policy) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(policy, "policy");
        Validation.checkUrl(url, "URL");
        UrlChecks.checkNoSigningParameter(url);
    }

    private String parameters(String url, Policy policy, SigningSnapshot snapshot) {
        long expires = snapshot.expires;
        SigningKey key = snapshot.key;
        HashAlgorithm hash = snapshot.hash;
        UrlChecks.checkCannedResource(url, policy);
        boolean canned = policy.cannedFor(url);
        String resource = policy.resource() == null ? url : policy.resource();
        UrlChecks.checkResource(url, policy, canned, resource);
        String policyJson = canned
                ? PolicyDocument.writeCanned(resource, expires)
                : PolicyDocument.writeCustom(resource, expires, policy.dateGreaterThan(), policy.ipAddress());
        String signature = snapshot.signature(policyJson, cache, counters);
        StringBuilder sb = new StringBuilder(canned ? 400 : 700);
        if (canned) {
            sb.append("Expires=").append(expires);
        } else {
            sb.append("Policy=").append(CloudFrontBase64.encode(policyJson.getBytes(StandardCharsets.UTF_8)));
        }
        sb.append("&Signature=").append(signature).append("&Key-Pair-Id=").append(key.keyPairId);
        if (hash == HashAlgorithm.SHA256) {
            sb.append("&Hash-Algorithm=SHA256");
        }
        counters.links.increment();
        return sb.toString();
    }

    /**
     * Signs cookies for a policy: canned for exactly one URL (a Resource without {@code *} or {@code ?}, no start,
     * no IP range) or custom otherwise (see {@link Policy}). The cookies are {@code CloudFront-Expires} or
     * {@code CloudFront-Policy}, {@code CloudFront-Signature}, {@code CloudFront-Key-Pair-Id} and, for SHA-256,
     * {@code CloudFront-Hash-Algorithm}.
     *
     * @param policy what to grant; its {@link Policy#resource() resource} is required (cookies have no URL)
     * @return the cookies; render them with {@link SignedCookies#toSetCookieHeaders(CookieAttributes)}
     * @throws IllegalArgumentException if the policy has no resource, the expiry is not in the future, or the
     *     start is not before the expiry
     */
    public SignedCookies signCookies(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policy.resource() == null) {
            throw new IllegalArgumentException("signed cookies need a policy resource, for example"
                    + " https://d111111abcdef8.cloudfront.net/members/*: set Policy.builder().resource(...)");
        }
        SigningSnapshot snapshot = snapshot(policy);
        long expires = snapshot.expires;
        SigningKey key = snapshot.key;
        HashAlgorithm hash = snapshot.hash;
        boolean canned = policy.cannedFor(null);
        String resource = policy.resource();
        if (canned) {
            Validation.checkUrl(resource, "Resource");
        }
        String policyJson = canned
                ? PolicyDocument.writeCanned(resource, expires)
                : PolicyDocument.writeCustom(resource, expires, policy.dateGreaterThan(), policy.ipAddress());
        String signature = snapshot.signature(policyJson, cache, counters);
        List<SignedCookies.Cookie> cookies = new ArrayList<>(4);
        if (canned) {
            cookies.add(new SignedCookies.Cookie(SignedCookies.EXPIRES, Long.toString(expires)));
        } else {
            cookies.add(new SignedCookies.Cookie(
                    SignedCookies.POLICY, CloudFrontBase64.encode(policyJson.getBytes(StandardCharsets.UTF_8))));
        }
        cookies.add(new SignedCookies.Cookie(SignedCookies.SIGNATURE, signature));
        cookies.add(new SignedCookies.Cookie(SignedCookies.KEY_PAIR_ID, key.keyPairId));
        if (hash == HashAlgorithm.SHA256) {
            cookies.add(new SignedCookies.Cookie(SignedCookies.HASH_ALGORITHM, hash.parameterValue()));
        }
        counters.cookies.increment();
        return new SignedCookies(cookies, resource, Instant.ofEpochSecond(expires), key.keyPairId, hash, canned);
    }

    /**
     * A {@link LinkSigner} for the link rewriter: signs each link with a canned
     * policy valid for {@code ttl} from now (rounded up to the expiry granularity), exactly as
     * {@link #signingParameters(String, Policy)} would, and remembers each link's parameters for its granularity
     * window, so a page re-rendered with the same links costs one map lookup per link. The memo follows key
     * rotation and holds at most as many links as the signature cache (none when the cache is off). For each
     * response ({@link LinkSigner#forResponse()}) the clock is read, the expiry computed and the active key looked
     * up once, not per link; a key activated meanwhile signs from the next response on.
     *
     * @param ttl how long each link stays valid; positive
     * @return the link signer; thread-safe, share it
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public LinkSigner linkSigner(Duration ttl) {
        return new CannedLinkSigner(
                this, Policy.builder().expiresIn(ttl).build(), cache == null ? 0 : cache.maxEntries());
    }

    /**
     * A {@link LinkSigner} for the link rewriter that signs each link with {@code policy}, exactly as
     * {@link #signingParameters(String, Policy)} would, for example a policy bound to one viewer's IP address
     * ({@code Policy.builder().expiresIn(ttl).ipAddress(ip).build()}, made per request). For each response
     * ({@link LinkSigner#forResponse()}) the clock is read, the expiry computed and the active key looked up once.
     * Remembers nothing between calls (unlike {@link #linkSigner(Duration)}).
     *
     * @param policy what each link is granted; without a resource, each link is its own resource
     * @return the link signer; thread-safe
     */
    public LinkSigner linkSigner(Policy policy) {
        return new CannedLinkSigner(this, Objects.requireNonNull(policy, "policy"), 0);
    }

    /**
     * The expiry a TTL gives now: {@code now + ttl} rounded up to a multiple of the expiry granularity.
     *
     * @param ttl a positive duration
     * @return the expiry, in whole epoch seconds
     */
    public Instant expiryFor(Duration ttl) {
        return Instant.ofEpochSecond(
                SigningSnapshot.quantize(clock.instant().getEpochSecond(), ttl, granularitySeconds));
    }

    /**
     * Makes {@code keyPairId} the key that signs from now on. Atomic: a concurrent signing call uses either the
     * old or the new key, never a mix. Views made with {@link #withHashAlgorithm(HashAlgorithm)} switch too.
     *
     * @param keyPairId one of {@link #keyPairIds()}
     * @throws IllegalArgumentException if the signer has no key with that ID
     */
    public void activate(String keyPairId) {
        KeyRing.Slot key = ring.slot(keyPairId);
        KeyRing.Slot previous = ring.active.getAndSet(key);
        if (previous != key) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "CloudFront signing key switched from {0} to {1}",
                    previous.keyPairId,
                    key.keyPairId);
        }
    }

    /**
     * @return the key pair ID that signs now: one of {@link #keyPairIds()}, or the ID a
     *     {@link PrivateKeyProvider} keeps with its current key
     */
    public String activeKeyPairId() {
        return ring.active.get().key().keyPairId;
    }

    /**
     * The state of the active key, for a health check: its key pair ID, type, source (never the key), when it was
     * loaded and, for a refreshing source ({@link RefreshingPrivateKey}), the consecutive failed fetches and the
     * last error. {@link KeyStatus.State#WARNING} while a refresh fails with a valid key in hand,
     * {@link KeyStatus.State#DOWN} only when no key can sign. Cheap (no fetch, no signature); thread-safe.
     *
     * @return a snapshot
     */
    public KeyStatus keyStatus() {
        return ring.active.get().status();
    }

    /**
     * Background key fetches of this signer's refreshing keys ({@link PrivateKeyProvider#refreshState()}), summed
     * over every key: for the {@code cloudfront.key.refreshes} meter.
     *
     * @param successes fetches that returned a usable key, the first one at startup included
     * @param failures fetches that failed (the last good key stayed in use)
     */
    public record KeyRefreshes(long successes, long failures) {
        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            return o == this
                    || o instanceof KeyRefreshes other
                            && java.util.Objects.equals(successes, other.successes)
                            && java.util.Objects.equals(failures, other.failures);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(successes, failures);
        }

        @Override
        public String toString() {
            return "KeyRefreshes[successes=" + successes + ", failures=" + failures + "]";
        }
    }

    /** @return the refresh counts so far; both 0 when no key refreshes; thread-safe */
    public KeyRefreshes keyRefreshes() {
        return ring.refreshes();
    }

    /** @return every key pair ID this signer holds, in the order they were added */
    public Set<String> keyPairIds() {
        return ring.keys.keySet();
    }

    /**
     * @return a one-line description of the active key for logs: key pair ID, key type, provider and
     *     public-key fingerprint; never key material
     */
    public String describeActiveKey() {
        return ring.describeActive(hashAlgorithm);
    }

    /**
     * The public key of a key pair ID as it is now: derived from the local private key (the current one of a
     * {@link PrivateKeyProvider}) or the {@link RemoteSigner}'s. For a verifier of this signer's own output.
     *
     * @param keyPairId one of {@link #keyPairIds()}
     * @return the public key
     * @throws IllegalArgumentException if the signer has no key with that ID, or the public key cannot be
     *     derived (an RSA private key without its CRT values)
     */
    public PublicKey publicKey(String keyPairId) {
        return ring.slot(keyPairId).key().publicKey();
    }

    /**
     * A signer that shares this one's keys, active key and signature cache but signs with another hash
     * algorithm. Cheap; for per-call overrides (for example an annotation attribute).
     *
     * @param hashAlgorithm the hash, or {@code null} for the key type's default
     * @return the view
     */
    public CloudFrontSigner withHashAlgorithm(HashAlgorithm hashAlgorithm) {
        return hashAlgorithm == this.hashAlgorithm
                ? this
                : new CloudFrontSigner(ring, hashAlgorithm, clock, granularitySeconds, cache, counters);
    }

    /** @return the configured hash algorithm, or {@code null} when it follows the key type */
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** @return the clock expiries are counted from */
    public Clock clock() {
        return clock;
    }

    /** @return the expiry granularity */
    public Duration expiryGranularity() {
        return Duration.ofSeconds(granularitySeconds);
    }

    /**
     * Builds a {@link CloudFrontSigner}. At least one key is required; the first key added is active unless
     * {@link #activeKeyPairId(String)} says otherwise. Not thread-safe; the built signer is.
     */
    public static final class Builder {
        /** Key pair ID to a {@link PrivateKey}, {@link PrivateKeyProvider} or {@link RemoteSigner}. */
        private final Map<String, Object> keys = new LinkedHashMap<>();
        /** Key pair ID to where its fixed key came from, for {@link CloudFrontSigner#keyStatus()}. */
        private final Map<String, String> sources = new LinkedHashMap<>();

        private String activeKeyPairId;
        private HashAlgorithm hashAlgorithm;
        private Clock clock = Clock.systemUTC();
        private Duration expiryGranularity = Duration.ofSeconds(1);
        private int signatureCacheSize = 10_000;
        private SignatureProvider signatureProvider = SignatureProvider.AUTO;

        private Builder() {}

        /**
         * Adds a key: the ID CloudFront shows for the public key in your trusted key group, and its private key.
         *
         * @param keyPairId letters and digits, for example {@code K2JCJMDEHXQW5F}
         * @param privateKey an RSA (2048-bit recommended) or ECDSA P-256 private key, for example from
         *     {@link Keys#loadPrivateKey(KeySource)}
         * @return this builder
         * @throws IllegalArgumentException if the ID is empty, holds other characters, or was added already
         */
        public Builder key(String keyPairId, PrivateKey privateKey) {
            return add(keyPairId, Objects.requireNonNull(privateKey, "privateKey"));
        }

        /**
         * As {@link #key(String, PrivateKey)}, naming where the key was loaded from for {@link #keyStatus()}.
         *
         * @param keyPairId as for {@link #key(String, PrivateKey)}
         * @param privateKey as for {@link #key(String, PrivateKey)}
         * @param source where the key came from, for example {@link KeySource#description()}; never key material
         * @return this builder
         * @throws IllegalArgumentException as for {@link #key(String, PrivateKey)}
         */
        public Builder key(String keyPairId, PrivateKey privateKey, String source) {
            key(keyPairId, privateKey);
            sources.put(keyPairId, Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Adds a key that can change while the application runs, such as one kept in a secret store and rotated
         * there: the signer asks {@code provider} for the key on every signature (not on signature cache hits)
         * and switches to a new key object as soon as the provider hands one out. See
         * {@link RefreshingPrivateKey} for a provider that fetches, caches and refreshes.
         *
         * @param keyPairId as for {@link #key(String, PrivateKey)}
         * @param provider the key's provider; its current key must be RSA or ECDSA P-256
         * @return this builder
         * @throws IllegalArgumentException if the ID is empty, holds other characters, or was added already
         */
        public Builder key(String keyPairId, PrivateKeyProvider provider) {
            return add(keyPairId, Objects.requireNonNull(provider, "provider"));
        }

        /**
         * Adds a key that signs remotely, such as an AWS KMS key: the private key never enters this process.
         * Such a key signs with SHA-256 only; {@link #build()} refuses {@link HashAlgorithm#SHA1}. The signature
         * cache and the expiry granularity keep remote calls to one per distinct policy per granularity window.
         *
         * @param keyPairId as for {@link #key(String, PrivateKey)}
         * @param signer the remote signer; its public key must be RSA or EC P-256
         * @return this builder
         * @throws IllegalArgumentException if the ID is empty, holds other characters, or was added already
         */
        public Builder key(String keyPairId, RemoteSigner signer) {
            return add(keyPairId, Objects.requireNonNull(signer, "signer"));
        }

        private Builder add(String keyPairId, Object key) {
            Validation.checkKeyPairId(keyPairId);
            if (keys.putIfAbsent(keyPairId, key) != null) {
                throw new IllegalArgumentException("key pair ID " + keyPairId + " was added twice");
            }
            return this;
        }

        /**
         * Adds a key loaded from {@code source}.
         *
         * @param keyPairId as for {@link #key(String, PrivateKey)}
         * @param source where the PEM or DER private key is
         * @return this builder
         * @throws KeyLoadingException if the key cannot be read or is not supported
         */
        public Builder key(String keyPairId, KeySource source) {
            return key(keyPairId, Keys.loadPrivateKey(source), source.description());
        }

        /**
         * Chooses the key that signs at first (default: the first one added). Switch later with
         * {@link CloudFrontSigner#activate(String)}.
         *
         * @param keyPairId an ID given to {@link #key(String, PrivateKey)}
         * @return this builder
         */
        public Builder activeKeyPairId(String keyPairId) {
            this.activeKeyPairId = keyPairId;
            return this;
        }

        /**
         * Sets the hash algorithm. Default ({@code null}): SHA-1 for RSA keys, SHA-256 for ECDSA keys.
         *
         * @param hashAlgorithm the hash, or {@code null} for the default
         * @return this builder
         */
        public Builder hashAlgorithm(HashAlgorithm hashAlgorithm) {
            this.hashAlgorithm = hashAlgorithm;
            return this;
        }

        /**
         * Sets the clock that TTLs count from and "in the future" is checked against. Default: {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the expiry granularity G: an expiry from a TTL is rounded up to a multiple of G epoch seconds,
         * so links made within one window are identical and hit the signature cache. Default: 1 second (no
         * rounding). A page re-rendered on every request wants a few minutes.
         *
         * @param granularity at least one second, in whole seconds
         * @return this builder
         * @throws IllegalArgumentException if shorter than a second or not whole seconds
         */
        public Builder expiryGranularity(Duration granularity) {
            Objects.requireNonNull(granularity, "granularity");
            if (granularity.getSeconds() < 1 || granularity.getNano() != 0) {
                throw new IllegalArgumentException(
                        "expiry granularity must be whole seconds, at least 1s; got " + granularity);
            }
            this.expiryGranularity = granularity;
            return this;
        }

        /**
         * Sets the number of signatures kept for reuse. Default 10,000 (a few MB); 0 turns the cache off.
         *
         * @param maxEntries the cap, zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder signatureCacheSize(int maxEntries) {
            if (maxEntries < 0) {
                throw new IllegalArgumentException(
                        "signature cache size must be 0 (off) or positive, got " + maxEntries);
            }
            this.signatureCacheSize = maxEntries;
            return this;
        }

        /**
         * Chooses the JCA provider that signs. Default {@link SignatureProvider#AUTO}.
         *
         * @param signatureProvider the choice
         * @return this builder
         */
        public Builder signatureProvider(SignatureProvider signatureProvider) {
            this.signatureProvider = Objects.requireNonNull(signatureProvider, "signatureProvider");
            return this;
        }

        /**
         * @return the signer
         * @throws IllegalStateException if no key was added, or {@link SignatureProvider#CORRETTO} was asked for
         *     and is unavailable
         * @throws IllegalArgumentException if the active key pair ID names no added key, a key is not
         *     RSA or ECDSA P-256, or {@link HashAlgorithm#SHA1} was asked for with a {@link RemoteSigner}
         */
        public CloudFrontSigner build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException(
                        "a CloudFrontSigner needs at least one key: call key(keyPairId," + " privateKey)");
            }
            KeyRing ring =
                    KeyRing.of(keys, sources, activeKeyPairId, hashAlgorithm, signatureProvider, clock.instant());
            SignatureCache cache = signatureCacheSize == 0 ? null : new SignatureCache(signatureCacheSize);
            return new CloudFrontSigner(
                    ring, hashAlgorithm, clock, expiryGranularity.getSeconds(), cache, new SignerCounters());
        }
    }
}
