package io.github.cloudfrontsigned.metrics;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.verify.ErrorCode;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The signer's (and a local edge's) counters as OpenTelemetry asynchronous instruments, with the
 * {@link CloudFrontMetrics} names: read by the SDK's metric reader on each collection, nothing added on the request
 * path. For applications and runtimes with the OpenTelemetry API (MicroProfile Telemetry on Payara, WildFly, Open
 * Liberty; Quarkus with {@code quarkus-opentelemetry}); the API is an optional dependency of this module, needed only
 * by this class.
 *
 * <p>A configuration read from properties registers itself when a global OpenTelemetry is set
 * ({@link #registerWithGlobal(CloudFrontSigner)}); otherwise register it yourself:
 *
 * <pre>{@code
 * AutoCloseable metrics = OpenTelemetryMetrics.register(openTelemetry, configuration.signer(), null);
 * // ... on undeploy
 * metrics.close();
 * }</pre>
 *
 * <p>Thread safety: the callbacks run on the SDK's collection thread and read thread-safe counters.
 */
public final class OpenTelemetryMetrics implements AutoCloseable {

    /** The instrumentation scope name of the meter this class creates from an {@link OpenTelemetry}. */
    public static final String SCOPE = "io.github.cloudfrontsigned";

    private static final AttributeKey<String> RESULT = AttributeKey.stringKey(CloudFrontMetrics.RESULT);
    private static final AttributeKey<String> CODE = AttributeKey.stringKey(CloudFrontMetrics.CODE);

    private final List<AutoCloseable> instruments;

    private OpenTelemetryMetrics(List<AutoCloseable> instruments) {
        this.instruments = instruments;
    }

    /**
     * Registers the signer's instruments on {@link GlobalOpenTelemetry} when the application (or the OpenTelemetry
     * Java agent) has set it; {@link io.github.cloudfrontsigned.config.SigningConfiguration#read} calls it for a
     * configuration read from properties, and its {@code close()} removes them.
     *
     * @param signer the signer to measure
     * @return the registration, or {@code null} when no global OpenTelemetry is set
     */
    public static OpenTelemetryMetrics registerWithGlobal(CloudFrontSigner signer) {
        if (!GlobalOpenTelemetry.isSet()) {
            return null;
        }
        System.getLogger(OpenTelemetryMetrics.class.getName())
                .log(
                        System.Logger.Level.INFO,
                        "CloudFront meters (cloudfront.*) registered with the global OpenTelemetry");
        return register(GlobalOpenTelemetry.get(), signer, null);
    }

    /**
     * Registers the instruments on a meter of {@code openTelemetry} named {@value #SCOPE}.
     *
     * @param openTelemetry the application's OpenTelemetry (for example the CDI bean of MicroProfile Telemetry)
     * @param signer the signer to measure, or {@code null} for none
     * @param edgeDenials the local edge's denials by error code (for example
     *     {@code CloudFrontEdgeFilter::denials}), or {@code null} for none
     * @return the registration; {@link #close()} removes the instruments
     */
    public static OpenTelemetryMetrics register(
            OpenTelemetry openTelemetry, CloudFrontSigner signer, ToLongFunction<ErrorCode> edgeDenials) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        return register(openTelemetry.getMeter(SCOPE), signer, edgeDenials);
    }

    /**
     * Registers the instruments on {@code meter}.
     *
     * @param meter the meter
     * @param signer the signer to measure, or {@code null} for none
     * @param edgeDenials the local edge's denials by error code, or {@code null} for none
     * @return the registration; {@link #close()} removes the instruments
     */
    public static OpenTelemetryMetrics register(
            Meter meter, CloudFrontSigner signer, ToLongFunction<ErrorCode> edgeDenials) {
        Objects.requireNonNull(meter, "meter");
        List<AutoCloseable> instruments = new ArrayList<>();
        if (signer != null) {
            instruments.add(meter.counterBuilder(CloudFrontMetrics.LINKS_SIGNED)
                    .setDescription("Links signed")
                    .buildWithCallback(m -> m.record(signer.statistics().linksSigned())));
            instruments.add(meter.counterBuilder(CloudFrontMetrics.COOKIES_ISSUED)
                    .setDescription("Signed cookie sets issued")
                    .buildWithCallback(m -> m.record(signer.statistics().cookiesSigned())));
            Attributes computed = Attributes.of(RESULT, "computed");
            Attributes reused = Attributes.of(RESULT, "reused");
            instruments.add(meter.counterBuilder(CloudFrontMetrics.SIGNATURES)
                    .setDescription("Signatures computed with the key or reused")
                    .buildWithCallback(m -> {
                        CloudFrontSigner.Statistics s = signer.statistics();
                        m.record(s.signaturesComputed(), computed);
                        m.record(s.signaturesReused(), reused);
                    }));
            instruments.add(meter.gaugeBuilder(CloudFrontMetrics.SIGNATURES_REUSE_RATIO)
                    .setDescription("Share of signatures reused from the cache (0 to 1)")
                    .buildWithCallback(m -> m.record(signer.statistics().reuseRatio())));
            Attributes success = Attributes.of(RESULT, "success");
            Attributes failure = Attributes.of(RESULT, "failure");
            instruments.add(meter.counterBuilder(CloudFrontMetrics.KEY_REFRESHES)
                    .setDescription("Fetches of keys from a refreshing source")
                    .buildWithCallback(m -> {
                        CloudFrontSigner.KeyRefreshes r = signer.keyRefreshes();
                        m.record(r.successes(), success);
                        m.record(r.failures(), failure);
                    }));
        }
        if (edgeDenials != null) {
            ErrorCode[] codes = ErrorCode.values();
            Attributes[] attributes = new Attributes[codes.length];
            for (int i = 0; i < codes.length; i++) {
                attributes[i] = Attributes.of(CODE, codes[i].code());
            }
            instruments.add(meter.counterBuilder(CloudFrontMetrics.EDGE_DENIALS)
                    .setDescription("Requests the local edge answered 403, by error code")
                    .buildWithCallback(m -> {
                        for (int i = 0; i < codes.length; i++) {
                            m.record(edgeDenials.applyAsLong(codes[i]), attributes[i]);
                        }
                    }));
        }
        return new OpenTelemetryMetrics(List.copyOf(instruments));
    }

    /** Removes the instruments: the next collection no longer reports them. Idempotent. */
    @Override
    public void close() {
        for (AutoCloseable instrument : instruments) {
            try {
                instrument.close();
            } catch (Exception e) {
                // an instrument's close() does not fail in the SDK; nothing to report
            }
        }
    }
}
