package io.github.cloudfrontsigned.verify;

/**
 * The error codes CloudFront puts in the XML body of a 403 answer to a request for private content, each
 * with the {@code <Message>} CloudFront sends with it.
 *
 * <p>Sources: AWS Knowledge Center "Troubleshoot signed URL and signed cookie errors"
 * (<a href="https://repost.aws/knowledge-center/cloudfront-troubleshoot-signed-url-cookies">cloudfront-troubleshoot-signed-url-cookies</a>)
 * and error bodies captured from CloudFront. CloudFront does not document which code each failure gets beyond
 * these; expired, not yet valid, wrong IP, resource mismatch and signature mismatch all answer
 * {@link #ACCESS_DENIED}. Thread safety: immutable.
 */
public enum ErrorCode {
    /** No {@code Key-Pair-Id} query parameter or {@code CloudFront-Key-Pair-Id} cookie, or an empty one. */
    MISSING_KEY("MissingKey", "Missing Key-Pair-Id query parameter or cookie value"),
    /** The key pair ID is not in a trusted key group of the cache behavior. */
    INVALID_KEY("InvalidKey", "Unknown Key"),
    /** The {@code Signature} is missing or not in CloudFront's base64 alphabet. */
    MALFORMED_SIGNATURE("MalformedSignature", "Could not unencode Signature"),
    /** The {@code Policy} (or canned {@code Expires}) cannot be decoded or parsed as a policy statement. */
    MALFORMED_POLICY("MalformedPolicy", "Malformed Policy"),
    /** Everything else: signature mismatch, expired, not yet valid, client IP or URL not covered. */
    ACCESS_DENIED("AccessDenied", "Access denied");

    private final String code;
    private final String message;

    ErrorCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** @return the {@code <Code>} text, for example {@code MissingKey} */
    public String code() {
        return code;
    }

    /** @return the {@code <Message>} text CloudFront sends, for example {@code Unknown Key} */
    public String message() {
        return message;
    }

    /** @return {@link #code()} */
    @Override
    public String toString() {
        return code;
    }
}
