package io.github.cloudfrontsigned.metrics;

/**
 * The names of cloudfront-signed's meters, the same for Micrometer (the Spring Boot starter) and OpenTelemetry
 * ({@link OpenTelemetryMetrics}). All counters are monotonic and read from counters the signer keeps anyway
 * ({@link io.github.cloudfrontsigned.CloudFrontSigner#statistics()},
 * {@link io.github.cloudfrontsigned.CloudFrontSigner#keyRefreshes()}): nothing is added on the request path.
 */
public final class CloudFrontMetrics {

    private CloudFrontMetrics() {}

    /** Counter: links (URLs) signed, by the filter or by application code. */
    public static final String LINKS_SIGNED = "cloudfront.links.signed";
    /** Counter: signed cookie sets issued. */
    public static final String COOKIES_ISSUED = "cloudfront.cookies.issued";
    /** Counter, tag/attribute {@value #RESULT}{@code =computed|reused}: signatures computed with the key or reused. */
    public static final String SIGNATURES = "cloudfront.signatures";
    /** Gauge, 0 to 1: the share of signatures reused from the signature cache. */
    public static final String SIGNATURES_REUSE_RATIO = "cloudfront.signatures.reuse.ratio";
    /**
     * Counter, tag/attribute {@value #RESULT}{@code =success|failure}: fetches of keys from a refreshing source such
     * as AWS Secrets Manager (the first fetch at startup counts as a success).
     */
    public static final String KEY_REFRESHES = "cloudfront.key.refreshes";
    /**
     * Counter, tag/attribute {@value #CODE} (CloudFront's error code, such as {@code AccessDenied} or
     * {@code MissingKey}): requests the local edge answered 403.
     */
    public static final String EDGE_DENIALS = "cloudfront.edge.denials";

    /** The tag/attribute of {@link #SIGNATURES} and {@link #KEY_REFRESHES}. */
    public static final String RESULT = "result";
    /** The tag/attribute of {@link #EDGE_DENIALS}. */
    public static final String CODE = "code";
}
