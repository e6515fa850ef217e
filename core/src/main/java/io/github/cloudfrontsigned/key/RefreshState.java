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
public record RefreshState(Instant lastLoaded, int consecutiveFailures, String lastFailure, Instant lastFailureAt,
        long successes, long failures, Duration interval) {

    /** @return whether the latest fetch failed (the last good key is still in use) */
    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
