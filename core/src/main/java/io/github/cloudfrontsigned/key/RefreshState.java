package io.github.cloudfrontsigned.key;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of a refreshing key's state, from {@link PrivateKeyProvider#refreshState()}: for health checks
 * ({@link io.github.cloudfrontsigned.KeyStatus}) and metrics. Never holds key material.
 *
 * <p>Thread safety: immutable.
 *
 * @param lastLoaded when the key was last fetched successfully (the first fetch at startup included)
 * @param consecutiveFailures failed fetches since the last success; 0 while the refresh works
 * @param lastFailure the error of the latest fetch when it failed, or {@code null}; never key material
 * @param lastFailureAt when the latest fetch failed, or {@code null} while the refresh works
 * @param successes successful fetches since the provider started (the first fetch included)
 * @param failures failed fetches since the provider started
 * @param interval the refresh interval, or {@code null} when the key is fetched only on demand
 */
public record RefreshState(
        Instant lastLoaded,
        int consecutiveFailures,
        String lastFailure,
        Instant lastFailureAt,
        long successes,
        long failures,
        Duration interval) {

    // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof RefreshState other
                        && java.util.Objects.equals(lastLoaded, other.lastLoaded)
                        && java.util.Objects.equals(consecutiveFailures, other.consecutiveFailures)
                        && java.util.Objects.equals(lastFailure, other.lastFailure)
                        && java.util.Objects.equals(lastFailureAt, other.lastFailureAt)
                        && java.util.Objects.equals(successes, other.successes)
                        && java.util.Objects.equals(failures, other.failures)
                        && java.util.Objects.equals(interval, other.interval);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                lastLoaded, consecutiveFailures, lastFailure, lastFailureAt, successes, failures, interval);
    }

    @Override
    public String toString() {
        return "RefreshState[lastLoaded=" + lastLoaded
                + ", consecutiveFailures=" + consecutiveFailures
                + ", lastFailure=" + lastFailure
                + ", lastFailureAt=" + lastFailureAt
                + ", successes=" + successes
                + ", failures=" + failures
                + ", interval=" + interval + "]";
    }

    /** @return whether the latest fetch failed (the last good key is still in use) */
    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
