package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RefreshState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a signer's active key, for a health check: from {@link CloudFrontSigner#keyStatus()} or
 * {@link io.github.cloudfrontsigned.config.SigningConfiguration#keyStatus()}. The Spring Boot health indicator
 * ({@code /actuator/health/cloudfront}) and the MicroProfile Health readiness check report it with the
 * {@link #details()} names. Never holds key material: the source is a description such as
 * {@code file /etc/cloudfront/pk.pem} or {@code AWS Secrets Manager secret "cloudfront/key"}.
 *
 * <p>Thread safety: immutable.
 *
 * @param state {@link State#UP}, {@link State#WARNING} or {@link State#DOWN}
 * @param keyPairId the key pair ID that signs now
 * @param keyType the key's type, for example {@code RSA 2048-bit} or {@code ECDSA P-256}; {@code null} when DOWN
 * @param source where the key comes from, never the key
 * @param lastLoaded when the key was last loaded (fetched, for a refreshing source)
 * @param refreshing whether the key comes from a source that is fetched again in the background
 * @param consecutiveFailures for a refreshing source, failed fetches since the last success; otherwise 0
 * @param lastError the latest error (of the refresh, or why no key can sign), or {@code null}
 */
public record KeyStatus(
        State state,
        String keyPairId,
        String keyType,
        String source,
        Instant lastLoaded,
        boolean refreshing,
        int consecutiveFailures,
        String lastError) {

    // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof KeyStatus other
                        && java.util.Objects.equals(state, other.state)
                        && java.util.Objects.equals(keyPairId, other.keyPairId)
                        && java.util.Objects.equals(keyType, other.keyType)
                        && java.util.Objects.equals(source, other.source)
                        && java.util.Objects.equals(lastLoaded, other.lastLoaded)
                        && java.util.Objects.equals(refreshing, other.refreshing)
                        && java.util.Objects.equals(consecutiveFailures, other.consecutiveFailures)
                        && java.util.Objects.equals(lastError, other.lastError);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                state, keyPairId, keyType, source, lastLoaded, refreshing, consecutiveFailures, lastError);
    }

    @Override
    public String toString() {
        return "KeyStatus[state=" + state
                + ", keyPairId=" + keyPairId
                + ", keyType=" + keyType
                + ", source=" + source
                + ", lastLoaded=" + lastLoaded
                + ", refreshing=" + refreshing
                + ", consecutiveFailures=" + consecutiveFailures
                + ", lastError=" + lastError + "]";
    }

    /** What a health check makes of the key. */
    public enum State {
        /** A key signs, and its source (if it refreshes) answered the latest fetch. Health: UP. */
        UP,
        /**
         * A valid key signs, but its refreshing source failed the latest fetch(es): the last good key stays in use
         * while the refresh backs off. Health: UP, with a warning detail (not a reason to restart).
         */
        WARNING,
        /** No key can sign: the key provider has none to give. Health: DOWN. */
        DOWN
    }

    /** @return whether a health check should report UP ({@link State#UP} or {@link State#WARNING}) */
    public boolean isUp() {
        return state != State.DOWN;
    }

    /**
     * The details a health endpoint shows, in this order, {@code null} values left out: {@code state},
     * {@code keyPairId}, {@code keyType}, {@code source}, {@code lastLoaded} (ISO-8601), {@code refreshing}, and
     * for a refreshing source {@code consecutiveFailures}; {@code lastError} when there is one; {@code warning}
     * (a sentence) in state {@link State#WARNING}.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("state", state.name());
        put(d, "keyPairId", keyPairId);
        put(d, "keyType", keyType);
        put(d, "source", source);
        put(d, "lastLoaded", lastLoaded == null ? null : lastLoaded.toString());
        d.put("refreshing", refreshing);
        if (refreshing) {
            d.put("consecutiveFailures", consecutiveFailures);
        }
        put(d, "lastError", lastError);
        if (state == State.WARNING) {
            d.put(
                    "warning",
                    "the key refresh from " + source + " has failed " + consecutiveFailures + " time"
                            + (consecutiveFailures == 1 ? "" : "s") + " in a row; signing goes on with the key loaded "
                            + lastLoaded);
        }
        return d;
    }

    private static void put(Map<String, Object> d, String name, Object value) {
        if (value != null) {
            d.put(name, value);
        }
    }

    /** The status of a key from a provider, given its refresh state (or {@code null}). */
    static KeyStatus of(String keyPairId, String keyType, String source, Instant loaded, RefreshState refresh) {
        if (refresh == null) {
            return new KeyStatus(State.UP, keyPairId, keyType, source, loaded, false, 0, null);
        }
        return new KeyStatus(
                refresh.failing() ? State.WARNING : State.UP,
                keyPairId,
                keyType,
                source,
                refresh.lastLoaded() == null ? loaded : refresh.lastLoaded(),
                true,
                refresh.consecutiveFailures(),
                refresh.lastFailure());
    }

    /** A key that cannot sign: {@link PrivateKeyProvider#privateKey()} failed. */
    static KeyStatus down(String keyPairId, String source, Instant loaded, String error) {
        return new KeyStatus(State.DOWN, keyPairId, null, source, loaded, false, 0, error);
    }
}
