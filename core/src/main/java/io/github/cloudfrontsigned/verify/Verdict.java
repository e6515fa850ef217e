package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.TimeText;
import io.github.cloudfrontsigned.internal.VerificationCost;
import java.time.Instant;

/**
 * What CloudFront would answer a viewer request, from {@link CloudFrontVerifier#verify(ViewerRequest)}: allowed,
 * or denied with CloudFront's error {@link #code()} and a precise {@link #reason()} for people, such as
 * "expired at 2026-11-22T10:10:00Z (epoch 1795349400), 5 minutes ago" or "the URL was re-encoded after
 * signing".
 *
 * <pre>{@code
 * Verdict verdict = verifier.verify(ViewerRequest.fromUrl(url));
 * if (!verdict.isAllowed()) {
 *     log.log(WARNING, verdict.code() + ": " + verdict.reason());
 *     response.setStatus(403);
 *     response.setContentType("text/xml");
 *     response.getWriter().write(verdict.toErrorXml());
 * }
 * }</pre>
 *
 * <p>The policy accessors ({@link #resource()}, {@link #dateLessThan()}, {@link #dateGreaterThan()},
 * {@link #ipAddress()}) are set once the signature has verified, whether or not the policy's conditions then
 * held; before that the policy is unauthenticated and they are {@code null}. Thread safety: immutable.
 */
public final class Verdict {

    private final ErrorCode code;
    /** Written once on first use for an allowed verdict (a benign race: both writers write equal text). */
    private String reason;

    private final java.util.function.Supplier<String> reasonText;
    private final CredentialSource source;
    private final String keyPairId;
    private final HashAlgorithm hashAlgorithm;
    private final boolean cannedPolicy;
    private final PolicyDocument policy;
    private final RequestLimit limit;
    private final boolean explanationCutShort;
    /** What the verification cost; read by tests. */
    private final VerificationCost cost;

    Verdict(ErrorCode code, String reason, SignedRequest signed, PolicyDocument verifiedPolicy) {
        this(code, reason, signed, verifiedPolicy, null, null);
    }

    Verdict(
            ErrorCode code,
            String reason,
            SignedRequest signed,
            PolicyDocument verifiedPolicy,
            RequestLimit limit,
            VerificationCost cost) {
        this(code, () -> reason, signed, verifiedPolicy, limit, cost);
        this.reason = reason;
    }

    /** With the reason rendered only when asked for: an allowed request usually never is. */
    Verdict(
            ErrorCode code,
            java.util.function.Supplier<String> reason,
            SignedRequest signed,
            PolicyDocument verifiedPolicy,
            RequestLimit limit,
            VerificationCost cost) {
        this.code = code;
        this.reasonText = reason;
        this.source = signed.source();
        this.keyPairId = signed.keyPairId();
        this.hashAlgorithm = signed.hashAlgorithm();
        this.cannedPolicy = signed.isCannedPolicy();
        this.policy = verifiedPolicy;
        this.limit = limit;
        this.explanationCutShort = cost != null && cost.cutShort();
        this.cost = cost;
    }

    /** @return whether CloudFront would serve the request */
    public boolean isAllowed() {
        return code == null;
    }

    /** @return CloudFront's error code, or {@code null} when the request is allowed */
    public ErrorCode code() {
        return code;
    }

    /**
     * @return for a denied request, why, precisely enough to fix it (may span several lines, for example the
     *     policy Resource and the URL one above the other with the first difference marked); for an allowed one,
     *     what was granted
     */
    public String reason() {
        String r = reason;
        if (r == null) {
            r = reasonText.get();
            reason = r;
        }
        return r;
    }

    /**
     * @return the limit the request exceeded, checked before any signature (see the table in
     *     {@link CloudFrontVerifier}); {@code null} when it is within every limit. A denial for a limit has code
     *     {@link ErrorCode#ACCESS_DENIED} and a reason naming the limit, its value and the request's size.
     */
    public RequestLimit exceededLimit() {
        return limit;
    }

    /**
     * Whether the search for the cause of this denial stopped at the verifier's bound on work (a few signature
     * checks and a fixed budget of URL variants per request, so that no request can make the verifier work
     * without limit). The reason then ends with a note saying so, and the cause may be one it does not name.
     *
     * @return {@code true} when the explanation was cut short; always {@code false} for an allowed request
     */
    public boolean isExplanationCutShort() {
        return explanationCutShort;
    }

    /** The work counted during the verification, or {@code null}; package-private for tests. */
    VerificationCost cost() {
        return cost;
    }

    /** @return whether the signature came from the URL's query or from cookies */
    public CredentialSource source() {
        return source;
    }

    /** @return the key pair ID the request named, or {@code null} when it named none */
    public String keyPairId() {
        return keyPairId;
    }

    /**
     * @return the hash algorithm CloudFront applied (SHA-1 when the request names none), or {@code null} when the
     *     request names one CloudFront does not know
     */
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** @return whether the request carried a canned policy ({@code Expires}) rather than a custom one */
    public boolean isCannedPolicy() {
        return cannedPolicy;
    }

    /** @return the verified policy's {@code Resource}, or {@code null} (none, or not verified) */
    public String resource() {
        return policy == null ? null : policy.resource;
    }

    /** @return the verified policy's {@code DateLessThan}, or {@code null} when not verified */
    public Instant dateLessThan() {
        return policy == null || policy.dateLessThan == null ? null : TimeText.toInstant(policy.dateLessThan);
    }

    /** @return the verified policy's {@code DateGreaterThan}, or {@code null} (none, or not verified) */
    public Instant dateGreaterThan() {
        return policy == null || policy.dateGreaterThan == null ? null : TimeText.toInstant(policy.dateGreaterThan);
    }

    /** @return the verified policy's {@code IpAddress} ({@code AWS:SourceIp}), or {@code null} (none, or not verified) */
    public String ipAddress() {
        return policy == null ? null : policy.sourceIp;
    }

    /**
     * The body CloudFront sends with the 403, with {@code Content-Type: text/xml}, for a local stand-in for
     * CloudFront:
     * {@code <?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>}.
     * It carries CloudFront's fixed message, never the {@link #reason()}.
     *
     * @return the XML
     * @throws IllegalStateException if the request is allowed
     */
    public String toErrorXml() {
        if (code == null) {
            throw new IllegalStateException("the request is allowed; there is no error body");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code.code() + "</Code><Message>"
                + code.message() + "</Message></Error>";
    }

    /** @return {@code OK: <reason>} or {@code <Code>: <reason>} */
    @Override
    public String toString() {
        return (code == null ? "OK" : code.code()) + ": " + reason();
    }
}
