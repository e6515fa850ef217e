package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.metrics.CloudFrontMetrics;
import io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter;
import io.github.cloudfrontsigned.verify.ErrorCode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters, named as {@link CloudFrontMetrics} says (the same names as the OpenTelemetry binding), read from the signer's and the edge filter's own counters
 * ({@link CloudFrontSigner#statistics()}, {@link CloudFrontEdgeFilter#denials(ErrorCode)}) when a registry
 * scrapes; nothing is added on the request path:
 * <ul>
 *   <li>{@code cloudfront.links.signed} (counter): links signed, by the filter or by application code;</li>
 *   <li>{@code cloudfront.cookies.issued} (counter): signed cookie sets issued;</li>
 *   <li>{@code cloudfront.signatures} (counter, tag {@code result=computed|reused}): signatures computed with
 *       the key, and signatures reused from the signature cache or the link memo;</li>
 *   <li>{@code cloudfront.signatures.reuse.ratio} (gauge, 0 to 1): the cache hit ratio;</li>
 *   <li>{@code cloudfront.key.refreshes} (counter, tag {@code result=success|failure}): background fetches of
 *       keys from a refreshing source such as Secrets Manager (the first fetch at startup counts as a success);</li>
 *   <li>{@code cloudfront.edge.denials} (counter, tag {@code code}, CloudFront's error code such as
 *       {@code AccessDenied} or {@code MissingKey}): requests the local edge answered 403.</li>
 * </ul>
 * Thread-safe.
 */
final class CloudFrontMeters implements MeterBinder {

    private final CloudFrontSigner signer;
    private final CloudFrontEdgeFilter edge;

    /**
     * @param signer the signer to measure, or {@code null}
     * @param edge the edge filter to measure, or {@code null}
     */
    CloudFrontMeters(CloudFrontSigner signer, CloudFrontEdgeFilter edge) {
        this.signer = signer;
        this.edge = edge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (signer != null) {
            FunctionCounter.builder(
                            CloudFrontMetrics.LINKS_SIGNED,
                            signer,
                            s -> s.statistics().linksSigned())
                    .description("Links signed")
                    .register(registry);
            FunctionCounter.builder(
                            CloudFrontMetrics.COOKIES_ISSUED,
                            signer,
                            s -> s.statistics().cookiesSigned())
                    .description("Signed cookie sets issued")
                    .register(registry);
            FunctionCounter.builder(
                            CloudFrontMetrics.SIGNATURES,
                            signer,
                            s -> s.statistics().signaturesComputed())
                    .tag(CloudFrontMetrics.RESULT, "computed")
                    .description("Signatures computed with the key or reused")
                    .register(registry);
            FunctionCounter.builder(
                            CloudFrontMetrics.SIGNATURES,
                            signer,
                            s -> s.statistics().signaturesReused())
                    .tag(CloudFrontMetrics.RESULT, "reused")
                    .description("Signatures computed with the key or reused")
                    .register(registry);
            Gauge.builder(
                            CloudFrontMetrics.SIGNATURES_REUSE_RATIO,
                            signer,
                            s -> s.statistics().reuseRatio())
                    .description("Share of signatures reused from the cache (0 to 1)")
                    .register(registry);
            FunctionCounter.builder(
                            CloudFrontMetrics.KEY_REFRESHES,
                            signer,
                            s -> s.keyRefreshes().successes())
                    .tag(CloudFrontMetrics.RESULT, "success")
                    .description("Fetches of keys from a refreshing source")
                    .register(registry);
            FunctionCounter.builder(
                            CloudFrontMetrics.KEY_REFRESHES,
                            signer,
                            s -> s.keyRefreshes().failures())
                    .tag(CloudFrontMetrics.RESULT, "failure")
                    .description("Fetches of keys from a refreshing source")
                    .register(registry);
        }
        if (edge != null) {
            for (ErrorCode code : ErrorCode.values()) {
                FunctionCounter.builder(CloudFrontMetrics.EDGE_DENIALS, edge, e -> e.denials(code))
                        .tag(CloudFrontMetrics.CODE, code.code())
                        .description("Requests the local edge answered 403, by error code")
                        .register(registry);
            }
        }
    }
}
