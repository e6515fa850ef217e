package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.internal.Ipv4;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.ResourcePattern;
import io.github.cloudfrontsigned.internal.TimeText;
import io.github.cloudfrontsigned.internal.Validation;
import io.github.cloudfrontsigned.internal.VerificationCost;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, as CloudFront does, whether a signed URL or signed cookies grant a request, and says why not.
 * The other half of {@link CloudFrontSigner}: for tests, local stand-ins for CloudFront, and answering "why
 * does CloudFront answer 403?".
 *
 * <pre>{@code
 * CloudFrontVerifier verifier = CloudFrontVerifier.builder()
 *     .trustedKey("K2JCJMDEHXQW5F", Keys.loadPublicKey(KeySource.location("public_key.pem")))
 *     .trustedKey("K36X4X2EO997HM", Keys.loadPublicKey(KeySource.location("public_key_next.pem")))
 *     .build();
 *
 * Verdict verdict = verifier.verify(ViewerRequest.fromUrl(signedUrl));
 * if (!verdict.isAllowed()) {
 *     System.out.println(verdict.code() + ": " + verdict.reason());
 *     // AccessDenied: expired at 2026-11-22T10:10:00Z (epoch 1795349400), 5 minutes ago ...
 * }
 * }</pre>
 *
 * <h2>The decision, in CloudFront's order</h2>
 * <ol>
 *   <li>Source: any of {@code Expires}, {@code Policy}, {@code Signature}, {@code Key-Pair-Id},
 *       {@code Hash-Algorithm} in the query makes a signed URL and the cookies are ignored; otherwise the
 *       {@code CloudFront-*} cookies count.</li>
 *   <li>Key pair ID: absent or empty is {@link ErrorCode#MISSING_KEY}; not trusted is
 *       {@link ErrorCode#INVALID_KEY}.</li>
 *   <li>Policy bytes: {@code Policy} decoded from CloudFront's base64 (unpadded accepted), or the canned
 *       policy rebuilt from the URL minus the signing parameters, the rest byte for byte, and {@code Expires};
 *       failing that, {@link ErrorCode#MALFORMED_POLICY}.</li>
 *   <li>Hash: {@code Hash-Algorithm} / {@code CloudFront-Hash-Algorithm}, SHA-1 when absent.</li>
 *   <li>Signature: decoded ({@link ErrorCode#MALFORMED_SIGNATURE} if it cannot be) and verified over the exact
 *       policy bytes with the key's algorithm, RSA PKCS#1 v1.5 or ECDSA (DER).</li>
 *   <li>Only then the policy JSON is parsed (tolerantly: whitespace, key order) and applied: now before
 *       {@code DateLessThan}, after {@code DateGreaterThan}, client IPv4 in {@code IpAddress}, URL covered by
 *       {@code Resource} under the section-bounded wildcard rules.</li>
 * </ol>
 * When the signature does not verify, the verifier looks for the likely cause and says so: the other hash
 * algorithm (a {@code Hash-Algorithm} parameter missing or wrong), another trusted key, a raw ECDSA signature,
 * and for canned policies the URL decoded, re-encoded, over the other scheme, with a parameter fewer or a
 * trailing slash changed ("the URL was re-encoded after signing"). Sources: the reference pages linked from
 * {@link CloudFrontSigner}, and
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-signed-urls.html">Use signed URLs</a>.
 * Where CloudFront's behaviour is undocumented (a duplicated signing parameter, {@code Expires} and
 * {@code Policy} together, an unknown hash name) the verifier refuses and says why.
 *
 * <h2>Limits, checked before any cryptography</h2>
 * Like CloudFront, the verifier refuses oversized requests before it decodes a signature: the table and the
 * reason codes are in {@link RequestLimit} ({@link Verdict#exceededLimit()}).
 *
 * <h2>Cost and safety</h2>
 * A valid request costs one signature verification (RSA-2048: tens of microseconds) plus parsing; the
 * {@link java.security.Signature} objects are kept per thread and key. Any request, valid or not, costs at most
 * one signature verification for its key pair ID plus work linear in its length; matching a verified custom
 * policy's wildcard {@code Resource} reads each URL character once, without backtracking, at one 64-bit step per
 * 64 live Resource tokens (one step for ordinary Resources; see {@code ResourcePattern}). Explaining a denial adds at most 7 more
 * public-key operations (8 in all) and a fixed budget of 32,768 characters of URL variants tried, whatever the
 * input; when a bound stops the search, {@link Verdict#isExplanationCutShort()} is {@code true} and the reason
 * says so. {@link #verify(ViewerRequest)} never throws for any request content: every input yields a
 * {@link Verdict}.
 *
 * <p>Thread safety: thread-safe; build one and share it.
 */
public final class CloudFrontVerifier {

    private final Map<String, VerifyingKey> keys;
    private final Clock clock;

    private CloudFrontVerifier(Map<String, VerifyingKey> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides the request at the clock's current second.
     *
     * @param request the viewer request, exactly as CloudFront would receive it
     * @return the verdict; never {@code null}
     * @throws NullPointerException if {@code request} is {@code null} (the only exception: any content yields a
     *     verdict)
     */
    public Verdict verify(ViewerRequest request) {
        Objects.requireNonNull(request, "request");
        SignedRequest signed = null;
        VerificationCost cost = new VerificationCost();
        try {
            RequestLimit.Exceeded tooLarge = RequestLimit.check(request, cost);
            signed = tooLarge != null ? SignedRequest.ofCookies(java.util.List.of()) : SignedRequest.parse(request);
            if (tooLarge == null) {
                tooLarge = RequestLimit.checkPolicy(signed);
            }
            if (tooLarge != null) {
                return new Verdict(ErrorCode.ACCESS_DENIED, tooLarge.reason(), signed, null, tooLarge.limit(), cost);
            }
            return decide(signed, clock.instant().getEpochSecond(), cost);
        } catch (RuntimeException e) {
            // Never reached for any input we know of; a verdict is still better than an exception in a filter.
            String why = "the verifier could not evaluate the request ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report this as a bug";
            return new Verdict(
                    ErrorCode.ACCESS_DENIED,
                    why,
                    signed != null ? signed : SignedRequest.ofCookies(java.util.List.of()),
                    null);
        }
    }

    /**
     * Decides a request for a URL with no cookies and no client IP.
     *
     * @param url the URL as the viewer requests it
     * @return the verdict
     * @throws IllegalArgumentException if {@code url} is not an absolute URL (see {@link ViewerRequest#fromUrl})
     */
    public Verdict verify(String url) {
        return verify(ViewerRequest.fromUrl(url));
    }

    /** @return the trusted key pair IDs, in the order they were added */
    public Set<String> trustedKeyPairIds() {
        return keys.keySet();
    }

    /** @return the clock "now" is read from */
    public Clock clock() {
        return clock;
    }

    private Verdict decide(SignedRequest s, long now, VerificationCost cost) {
        if (!s.isSigned()) {
            return deny(ErrorCode.MISSING_KEY, s.unsignedExplanation(), s, cost);
        }
        String keyPairId = s.keyPairId();
        if (keyPairId == null || keyPairId.isEmpty()) {
            return deny(
                    ErrorCode.MISSING_KEY,
                    (keyPairId == null
                                    ? "the request carries " + present(s) + " but no "
                                            + s.name(SigningParameter.KEY_PAIR_ID)
                                    : s.name(SigningParameter.KEY_PAIR_ID) + " is empty")
                            + cookiesIgnored(s),
                    s,
                    cost);
        }
        VerifyingKey key = keys.get(keyPairId);
        if (key == null) {
            return deny(ErrorCode.INVALID_KEY, unknownKey(keyPairId), s, cost);
        }
        if (s.source() == CredentialSource.URL && !s.duplicates().isEmpty()) {
            String name = s.duplicates().get(0);
            return deny(
                    ErrorCode.ACCESS_DENIED,
                    "the query carries the signing parameter " + name + " more"
                            + " than once; CloudFront does not document which one it uses: send each signing parameter"
                            + " once",
                    s,
                    cost);
        }
        if (s.policyProblem() != null) {
            return deny(ErrorCode.MALFORMED_POLICY, s.policyProblem() + cookiesIgnored(s), s, cost);
        }
        HashAlgorithm hash = s.hashAlgorithm();
        if (hash == null) {
            return deny(ErrorCode.ACCESS_DENIED, s.hashProblem(), s, cost);
        }
        if (s.signatureProblem() != null) {
            return deny(ErrorCode.MALFORMED_SIGNATURE, s.signatureProblem() + cookiesIgnored(s), s, cost);
        }
        byte[] policy = s.policyBytes();
        if (policy == null) {
            return deny(
                    ErrorCode.MALFORMED_POLICY, "the canned policy cannot be rebuilt without the request URL", s, cost);
        }
        if (!key.verify(hash, policy, s.signatureBytes(), cost)) {
            String why = SignatureDiagnosis.explain(s, key, hash, keys, cost);
            return deny(
                    ErrorCode.ACCESS_DENIED,
                    why + cookiesIgnored(s) + (cost.cutShort() ? VerificationCost.cutShortNote() : ""),
                    s,
                    cost);
        }
        PolicyDocument document = s.document();
        if (document == null) {
            return deny(ErrorCode.MALFORMED_POLICY, "the signature is valid but " + s.documentProblem(), s, cost);
        }
        String denied = conditions(s, document, now, cost);
        if (denied != null) {
            return new Verdict(
                    document.dateLessThan == null ? ErrorCode.MALFORMED_POLICY : ErrorCode.ACCESS_DENIED,
                    denied + (cost.cutShort() ? VerificationCost.cutShortNote() : ""),
                    s,
                    document,
                    null,
                    cost);
        }
        return new Verdict(null, () -> granted(s, key, hash, document, now), s, document, null, cost);
    }

    /** The first condition of a verified policy that does not hold, or {@code null} when all hold. */
    private static String conditions(SignedRequest s, PolicyDocument d, long now, VerificationCost cost) {
        if (d.dateLessThan == null) {
            return "the policy has no DateLessThan, which CloudFront requires";
        }
        if (now >= d.dateLessThan) {
            return "expired at " + TimeText.instant(d.dateLessThan) + ", " + TimeText.relative(d.dateLessThan, now)
                    + " (now is " + TimeText.instant(now) + "); CloudFront refuses requests from DateLessThan on";
        }
        if (d.dateGreaterThan != null && now <= d.dateGreaterThan) {
            return "not valid before " + TimeText.instant(d.dateGreaterThan) + ", which is "
                    + TimeText.relative(d.dateGreaterThan, now) + " (now is " + TimeText.instant(now)
                    + "); CloudFront refuses requests on or before DateGreaterThan";
        }
        if (d.sourceIp != null) {
            String ip = ipProblem(
                    d.sourceIp, s.request() == null ? null : s.request().clientIp());
            if (ip != null) {
                return ip;
            }
        }
        if (d.resource != null && s.unsignedUrl() != null) {
            ResourcePattern pattern = ResourcePattern.of(d.resource);
            String url = s.unsignedUrl();
            ResourcePattern.Mismatch mismatch = pattern.mismatch(url, cost);
            if (mismatch != null) {
                return ResourceDiagnosis.explain(pattern, url, mismatch, s, cost);
            }
        }
        return null;
    }

    private static String ipProblem(String sourceIp, String clientIp) {
        Ipv4.Range range;
        try {
            range = Ipv4.parseRange(sourceIp);
        } catch (IllegalArgumentException e) {
            return "the policy's IpAddress cannot be read: " + e.getMessage();
        }
        if (clientIp == null) {
            return "the policy allows only IpAddress " + sourceIp + " but no client IP was given with the request";
        }
        long address = Ipv4.parseAddress(clientIp);
        if (address < 0) {
            return "client IP " + Validation.printable(clientIp)
                    + (clientIp.indexOf(':') >= 0
                            ? " is IPv6; the policy's IpAddress " + sourceIp
                                    + " matches IPv4 viewers only (CloudFront does"
                                    + " not support IPv6 in IpAddress: disable IPv6 on the distribution or drop the condition)"
                            : " is not an IP address, so it is not in the policy's IpAddress " + sourceIp);
        }
        if (!range.contains(address)) {
            return "client IP " + clientIp + " is not in the policy's IpAddress range " + sourceIp;
        }
        return null;
    }

    private static String granted(SignedRequest s, VerifyingKey key, HashAlgorithm hash, PolicyDocument d, long now) {
        StringBuilder sb = new StringBuilder(200);
        sb.append(s.source() == CredentialSource.URL ? "signed URL" : "signed cookies")
                .append(" with a ")
                .append(s.isCannedPolicy() ? "canned" : "custom")
                .append(" policy, key pair ID ")
                .append(key.keyPairId)
                .append(", ")
                .append(hash.parameterValue())
                .append(": Resource ")
                .append(d.resource == null ? "(any)" : d.resource)
                .append(", until ")
                .append(TimeText.instant(d.dateLessThan))
                .append(" (")
                .append(TimeText.relative(d.dateLessThan, now))
                .append(')');
        if (d.dateGreaterThan != null) {
            sb.append(", after ").append(TimeText.instant(d.dateGreaterThan));
        }
        if (d.sourceIp != null) {
            sb.append(", from IpAddress ").append(d.sourceIp);
        }
        return sb.toString();
    }

    private String unknownKey(String keyPairId) {
        StringBuilder sb = new StringBuilder("key pair ID \"")
                .append(Validation.printable(keyPairId))
                .append("\" is not in the trusted key group (trusted: ")
                .append(String.join(", ", keys.keySet()))
                .append(')');
        for (String trusted : keys.keySet()) {
            if (trusted.equalsIgnoreCase(keyPairId)) {
                sb.append("; it differs from ")
                        .append(trusted)
                        .append(" only in case, and key pair IDs are" + " case-sensitive");
            }
        }
        return sb.toString();
    }

    private static String present(SignedRequest s) {
        StringBuilder sb = new StringBuilder();
        for (SigningParameter p : SigningParameter.values()) {
            if (s.count(p) > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s.name(p));
            }
        }
        return sb.toString();
    }

    /** A note for URL verdicts when the request also has signed cookies, which CloudFront then ignores. */
    private static String cookiesIgnored(SignedRequest s) {
        if (s.source() != CredentialSource.URL || s.request() == null) {
            return "";
        }
        for (SignedCookies.Cookie c : s.request().cookies()) {
            if (c.name().startsWith(SigningParameter.COOKIE_PREFIX)) {
                return "\n(the query carries " + present(s) + ", so CloudFront treats this as a signed URL and"
                        + " ignores the signed cookies sent with it)";
            }
        }
        return "";
    }

    private static Verdict deny(ErrorCode code, String reason, SignedRequest s, VerificationCost cost) {
        return new Verdict(code, reason, s, null, null, cost);
    }

    /**
     * Builds a {@link CloudFrontVerifier}: the trusted key group (one or more key pair IDs with public keys) and
     * the clock. Not thread-safe; the built verifier is.
     */
    public static final class Builder {
        private final Map<String, PublicKey> keys = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private SignatureProvider signatureProvider = SignatureProvider.AUTO;

        private Builder() {}

        /**
         * Trusts a public key, as a key in a trusted key group of the cache behavior. Add several for rotation.
         *
         * @param keyPairId the ID CloudFront shows for the public key, for example {@code K2JCJMDEHXQW5F}
         * @param publicKey an RSA or ECDSA P-256 public key, for example from {@link Keys#loadPublicKey(KeySource)}
         * @return this builder
         * @throws IllegalArgumentException if the ID is empty, holds characters other than letters and digits, or
         *     was added already
         */
        public Builder trustedKey(String keyPairId, PublicKey publicKey) {
            Validation.checkKeyPairId(keyPairId);
            Objects.requireNonNull(publicKey, "publicKey");
            if (keys.putIfAbsent(keyPairId, publicKey) != null) {
                throw new IllegalArgumentException("key pair ID " + keyPairId + " was added twice");
            }
            return this;
        }

        /**
         * Trusts a public key loaded from {@code source} (PEM {@code BEGIN PUBLIC KEY} or DER).
         *
         * @param keyPairId as for {@link #trustedKey(String, PublicKey)}
         * @param source where the public key is
         * @return this builder
         * @throws KeyLoadingException if the key cannot be read
         */
        public Builder trustedKey(String keyPairId, KeySource source) {
            return trustedKey(keyPairId, Keys.loadPublicKey(source));
        }

        /**
         * Sets the clock "now" is read from, in whole epoch seconds. Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Chooses the JCA provider that verifies. Default {@link SignatureProvider#AUTO}.
         *
         * @param signatureProvider the choice
         * @return this builder
         */
        public Builder signatureProvider(SignatureProvider signatureProvider) {
            this.signatureProvider = Objects.requireNonNull(signatureProvider, "signatureProvider");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if no key was added, or {@link SignatureProvider#CORRETTO} was asked for
         *     and is unavailable
         * @throws IllegalArgumentException if a key is not RSA or ECDSA P-256
         */
        public CloudFrontVerifier build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("a CloudFrontVerifier needs at least one trusted key: call"
                        + " trustedKey(keyPairId, publicKey)");
            }
            Map<String, VerifyingKey> verifying = new LinkedHashMap<>();
            for (Map.Entry<String, PublicKey> e : keys.entrySet()) {
                verifying.put(e.getKey(), new VerifyingKey(e.getKey(), e.getValue(), signatureProvider));
            }
            return new CloudFrontVerifier(Collections.unmodifiableMap(verifying), clock);
        }
    }
}
