package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.KeyStatus;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health/cloudfront}: the signing key's state ({@link SigningConfiguration#keyStatus()}). UP
 * while a key signs, with a {@code warning} detail when its refreshing source fails (the last good key is still in
 * use: no reason to restart); DOWN only when no key can sign. Details (shown as
 * {@code management.endpoint.health.show-details} allows): {@code state}, {@code keyPairId}, {@code keyType},
 * {@code source}, {@code lastLoaded}, {@code refreshing}, {@code consecutiveFailures}, {@code lastError},
 * {@code warning}; never key material. Cheap: no fetch, no signature. Thread-safe.
 */
final class CloudFrontHealthIndicator implements HealthIndicator {

    private final SigningConfiguration configuration;

    CloudFrontHealthIndicator(SigningConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Health health() {
        KeyStatus status = configuration.keyStatus();
        return (status.isUp() ? Health.up() : Health.down())
                .withDetails(status.details())
                .build();
    }
}
