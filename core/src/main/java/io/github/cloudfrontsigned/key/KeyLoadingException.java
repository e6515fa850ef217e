package io.github.cloudfrontsigned.key;

import io.github.cloudfrontsigned.CloudFrontSignedException;
import java.util.Objects;

/**
 * A private or public key could not be loaded, or it is of a kind CloudFront does not accept.
 *
 * <p>The message always names where the key came from ({@link KeySource#description()}), says what is wrong
 * and, where there is one, how to fix it, for example:
 *
 * <pre>{@code
 * Cannot load key from file /etc/keys/pk.pem: the key is encrypted: set a passphrase with
 * KeySource.withPassphrase(...), or store the key unencrypted (openssl pkey -in pk.pem -out pk-plain.pem)
 * }</pre>
 *
 * <p>The message never contains key material: no PEM text, base64, key bytes or passphrase. It is safe to log.
 *
 * <p>Thrown by {@link Keys#loadPrivateKey(KeySource)} and {@link Keys#loadPublicKey(KeySource)}; the key
 * requirements it enforces come from
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html">
 * Specify signers that can create signed URLs and signed cookies</a>.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class KeyLoadingException extends CloudFrontSignedException {

    private static final long serialVersionUID = 1L;

    /** Where the key came from, as {@link KeySource#description()} gives it. */
    private final String sourceDescription;

    /**
     * @param sourceDescription the source's {@link KeySource#description()}, never key material
     * @param problem what is wrong and how to fix it, never key material
     */
    KeyLoadingException(String sourceDescription, String problem) {
        this(sourceDescription, problem, null);
    }

    /**
     * @param sourceDescription the source's {@link KeySource#description()}, never key material
     * @param problem what is wrong and how to fix it, never key material
     * @param cause the low-level failure; its message must not carry key material either
     */
    KeyLoadingException(String sourceDescription, String problem, Throwable cause) {
        super(
                "Cannot load key from " + Objects.requireNonNull(sourceDescription, "sourceDescription") + ": "
                        + Objects.requireNonNull(problem, "problem"),
                cause);
        this.sourceDescription = sourceDescription;
    }

    /**
     * Where the key came from, for example {@code file /etc/keys/pk.pem} or
     * {@code classpath resource keys/pk.pem}.
     *
     * @return the description of the key source; never key material
     */
    public String sourceDescription() {
        return sourceDescription;
    }
}
