package io.github.cloudfrontsigned.key;

import io.github.cloudfrontsigned.CloudFrontSigner;
import java.security.PrivateKey;

/**
 * A private key that can change while the application runs, such as one held in AWS Secrets Manager or AWS
 * Systems Manager Parameter Store and rotated there. Give it to {@link CloudFrontSigner.Builder#key(String,
 * PrivateKeyProvider)}; file, classpath and inline keys need no provider
 * ({@link CloudFrontSigner.Builder#key(String, PrivateKey)}).
 *
 * <p>The signer calls {@link #privateKey()} on every signature it makes (not on signature cache hits), so the
 * call must be cheap: return a key fetched earlier, never fetch it here. {@link RefreshingPrivateKey} does the
 * fetching, caching and background refresh for any fetch function. When the returned key object changes, the
 * signer starts signing with the new key and no cached signature of the old one is reused.
 *
 * <p>Thread safety: implementations must be thread-safe.
 */
public interface PrivateKeyProvider {

    /**
     * @return the current private key: RSA (2048-bit recommended) or ECDSA P-256; never {@code null}
     */
    PrivateKey privateKey();

    /**
     * The key pair ID to sign {@code key} with, when the store keeps it with the key, so that rotating the store to
     * a new key pair (with the new public key's ID) needs no configuration change. Called when the signer first
     * sees a key object from {@link #privateKey()}.
     *
     * @param key a key {@link #privateKey()} returned
     * @return its key pair ID (letters and digits), or {@code null} (the default) to sign with the ID the key was
     *     added under
     */
    default String keyPairId(PrivateKey key) {
        return null;
    }

    /**
     * The state of the provider's refresh, for health checks and metrics; see
     * {@link io.github.cloudfrontsigned.CloudFrontSigner#keyStatus()}.
     *
     * @return a snapshot, or {@code null} (the default) for a provider that does not refresh or does not tell
     */
    default RefreshState refreshState() {
        return null;
    }

    /**
     * @return where the key comes from, for logs and error messages, for example
     *     {@code AWS Secrets Manager secret "cloudfront/key"}; never key material
     */
    String description();
}
