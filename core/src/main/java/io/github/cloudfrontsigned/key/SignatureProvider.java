package io.github.cloudfrontsigned.key;

import io.github.cloudfrontsigned.internal.SignatureEngines;
import java.security.Provider;
import java.util.Optional;

/**
 * Which JCA implementation computes signatures. Signing is the only expensive step of a signed URL, so
 * the choice decides throughput; every choice produces signatures CloudFront accepts.
 *
 * <p>Thread safety: immutable.
 */
public enum SignatureProvider {
    /**
     * The fastest available: Amazon Corretto Crypto Provider when it is on the class path and loaded its
     * native library (add {@code software.amazon.cryptools:AmazonCorrettoCryptoProvider}, classifier
     * {@code linux-x86_64}); otherwise BouncyCastle for ECDSA and the JDK for RSA.
     */
    AUTO,
    /** The JDK's default providers (SunRsaSign, SunEC). */
    JDK,
    /** BouncyCastle's {@code BC} provider (a private instance; nothing is added to {@code java.security.Security}). */
    BOUNCY_CASTLE,
    /**
     * Amazon Corretto Crypto Provider; building a signer fails with {@link IllegalStateException} when it
     * is missing or its native library did not load.
     */
    CORRETTO;

    /**
     * Parses a configuration value such as {@code auto}, {@code jdk}, {@code bouncy-castle} or {@code corretto}
     * (case and {@code -}/{@code _} ignored).
     *
     * @param value the configuration value
     * @return the provider
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static SignatureProvider parse(String value) {
        String v = value.trim().replace('-', '_').replace(" ", "_");
        for (SignatureProvider p : values()) {
            if (p.name().equalsIgnoreCase(v) || p.name().replace("_", "").equalsIgnoreCase(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "Unknown signature provider '" + value + "': use auto, jdk, bouncy-castle or corretto");
    }

    /**
     * The JCA provider this choice signs and verifies with for a key algorithm. Providers are private instances,
     * shared by every signer and verifier of this library: nothing is registered in {@code java.security.Security};
     * use the returned provider, do not modify it.
     *
     * @param keyAlgorithm {@code RSA} or {@code EC}
     * @return the provider, or empty for the JDK's default providers
     * @throws IllegalStateException if this is {@link #CORRETTO} and Amazon Corretto Crypto Provider is
     *     unavailable (the message says why)
     */
    public Optional<Provider> jcaProvider(String keyAlgorithm) {
        switch (this) {
            case JDK:
                return Optional.empty();
            case BOUNCY_CASTLE:
                return Optional.of(SignatureEngines.bouncyCastle());
            case CORRETTO:
                if (SignatureEngines.corretto() == null) {
                    throw new IllegalStateException("signature provider CORRETTO was requested but Amazon Corretto"
                            + " Crypto Provider is unavailable: " + SignatureEngines.correttoProblem()
                            + "; or choose SignatureProvider.AUTO");
                }
                return Optional.of(SignatureEngines.corretto());
            case AUTO:
            default:
                if (SignatureEngines.corretto() != null) {
                    return Optional.of(SignatureEngines.corretto());
                }
                return "EC".equals(keyAlgorithm) ? Optional.of(SignatureEngines.bouncyCastle()) : Optional.empty();
        }
    }
}
