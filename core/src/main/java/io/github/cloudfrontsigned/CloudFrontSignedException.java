package io.github.cloudfrontsigned;

/**
 * The root of every exception this library throws about keys and configuration, so that a caller can catch
 * "anything from cloudfront-signed" in one place:
 *
 * <ul>
 *   <li>{@link io.github.cloudfrontsigned.key.KeyLoadingException}: a private or public key could not be loaded,
 *       or is of a kind CloudFront does not accept (names the key's source, never its material);</li>
 *   <li>{@link io.github.cloudfrontsigned.config.ConfigurationException}: one or more configuration properties
 *       are missing or invalid (lists every problem with property, value, source and fix).</li>
 * </ul>
 *
 * <pre>{@code
 * try {
 *     SigningConfiguration configuration = SigningConfiguration.read(lookup);
 * } catch (CloudFrontSignedException e) {
 *     log.error(e.getMessage()); // safe to log: messages never carry key material
 * }
 * }</pre>
 *
 * <p>Programming errors (a {@code null} argument, an expiry in the past passed to a builder) are still reported
 * with the JDK's {@link NullPointerException} and {@link IllegalArgumentException}, as the JDK does.
 * Verification never throws for a bad viewer request: it returns a
 * {@link io.github.cloudfrontsigned.verify.Verdict}.
 *
 * <p>Thread safety: immutable once thrown. Messages are safe to log.
 */
public abstract class CloudFrontSignedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how to fix it; never key material
     * @param cause the low-level failure, or {@code null}
     */
    protected CloudFrontSignedException(String message, Throwable cause) {
        super(message, cause);
    }
}
