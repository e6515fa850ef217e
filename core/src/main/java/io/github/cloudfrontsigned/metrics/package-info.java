/**
 * Metrics of a {@link io.github.cloudfrontsigned.CloudFrontSigner} (and of a local edge): the meter names, shared by
 * every metrics library, in {@link io.github.cloudfrontsigned.metrics.CloudFrontMetrics}, and their OpenTelemetry
 * binding, {@link io.github.cloudfrontsigned.metrics.OpenTelemetryMetrics}, used only when the OpenTelemetry API is
 * on the class path. The Spring Boot starter binds the same names to Micrometer.
 */
package io.github.cloudfrontsigned.metrics;
