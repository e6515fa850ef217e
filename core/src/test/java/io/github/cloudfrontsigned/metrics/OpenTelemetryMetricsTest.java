package io.github.cloudfrontsigned.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import io.github.cloudfrontsigned.verify.ErrorCode;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The signer's counters through the OpenTelemetry SDK, read with its in-memory metric reader. */
final class OpenTelemetryMetricsTest {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/a.jpg";
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build();

    @AfterEach
    void close() {
        sdk.close();
    }

    private static long value(Collection<MetricData> metrics, String name, String attribute, String attributeValue) {
        MetricData metric = metrics.stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics));
        return metric.getLongSumData().getPoints().stream()
                .filter(p -> attribute == null
                        || attributeValue.equals(p.getAttributes().get(AttributeKey.stringKey(attribute))))
                .mapToLong(LongPointData::getValue)
                .sum();
    }

    @Test
    void signer_linksCookiesAndSignaturesAreCountedWithTheSameNamesAsMicrometer() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KOTEL", TestKeys.RSA.getPrivate())
                .build();
        try (OpenTelemetryMetrics registration = OpenTelemetryMetrics.register(sdk, signer, null)) {
            signer.signUrl(URL, Duration.ofMinutes(10));
            signer.signUrl(URL, Duration.ofMinutes(10));
            signer.signCookies(Policy.builder()
                    .resource("https://d111111abcdef8.cloudfront.net/*")
                    .expiresIn(Duration.ofMinutes(10))
                    .build());
            Collection<MetricData> metrics = reader.collectAllMetrics();
            assertEquals(2, value(metrics, CloudFrontMetrics.LINKS_SIGNED, null, null));
            assertEquals(1, value(metrics, CloudFrontMetrics.COOKIES_ISSUED, null, null));
            long computed = value(metrics, CloudFrontMetrics.SIGNATURES, CloudFrontMetrics.RESULT, "computed");
            long reused = value(metrics, CloudFrontMetrics.SIGNATURES, CloudFrontMetrics.RESULT, "reused");
            assertEquals(3, computed + reused);
            assertTrue(computed >= 2, "a link and a cookie policy differ: " + computed);
            Set<String> names = metrics.stream().map(MetricData::getName).collect(Collectors.toSet());
            assertTrue(names.contains(CloudFrontMetrics.SIGNATURES_REUSE_RATIO), names.toString());
        }
    }

    @Test
    void refreshingKey_successesAndFailuresAreCounted() {
        boolean[] down = {false};
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", null, () -> {
                    if (down[0]) {
                        throw new IllegalStateException("InternalFailure (HTTP 500)");
                    }
                    return TestKeys.RSA.getPrivate();
                });
                OpenTelemetryMetrics registration = OpenTelemetryMetrics.register(
                        sdk, CloudFrontSigner.builder().key("KOTEL", key).build(), null)) {
            down[0] = true;
            key.refresh();
            key.refresh();
            down[0] = false;
            key.refresh();
            Collection<MetricData> metrics = reader.collectAllMetrics();
            assertEquals(2, value(metrics, CloudFrontMetrics.KEY_REFRESHES, CloudFrontMetrics.RESULT, "success"));
            assertEquals(2, value(metrics, CloudFrontMetrics.KEY_REFRESHES, CloudFrontMetrics.RESULT, "failure"));
        }
    }

    @Test
    void edgeDenials_areCountedByCloudFrontsErrorCode() {
        try (OpenTelemetryMetrics registration =
                OpenTelemetryMetrics.register(sdk, null, code -> code == ErrorCode.MISSING_KEY ? 3 : 0)) {
            Collection<MetricData> metrics = reader.collectAllMetrics();
            assertEquals(3, value(metrics, CloudFrontMetrics.EDGE_DENIALS, CloudFrontMetrics.CODE, "MissingKey"));
            assertEquals(0, value(metrics, CloudFrontMetrics.EDGE_DENIALS, CloudFrontMetrics.CODE, "AccessDenied"));
        }
    }

    @Test
    void configurationFromProperties_registersWithTheGlobalOpenTelemetryAndCloseRemovesIt() {
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(sdk);
        try {
            Map<String, String> properties = Map.of(
                    "cloudfront.key-pair-id",
                    "KOTEL",
                    "cloudfront.private-key.location",
                    TestKeys.pemFile(TestKeys.RSA.getPrivate()).toString(),
                    "cloudfront.protected-prefixes",
                    "https://d111111abcdef8.cloudfront.net/");
            try (SigningConfiguration configuration = SigningConfiguration.read(ConfigLookup.of(properties, "test"))) {
                configuration.signer().signUrl(URL, Duration.ofMinutes(10));
                assertEquals(1, value(reader.collectAllMetrics(), CloudFrontMetrics.LINKS_SIGNED, null, null));
            }
            assertTrue(reader.collectAllMetrics().isEmpty(), "closed with the configuration");
        } finally {
            GlobalOpenTelemetry.resetForTest();
        }
    }

    @Test
    void close_removesTheInstruments() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KOTEL", TestKeys.RSA.getPrivate())
                .build();
        OpenTelemetryMetrics.register(sdk, signer, null).close();
        assertTrue(reader.collectAllMetrics().isEmpty());
    }
}
