/**
 * Keys: loading private and public keys from PEM or DER ({@link io.github.cloudfrontsigned.key.Keys},
 * {@link io.github.cloudfrontsigned.key.KeySource}), keys that refresh from a store
 * ({@link io.github.cloudfrontsigned.key.RefreshingPrivateKey}, {@link io.github.cloudfrontsigned.key.PrivateKeyProvider}),
 * keys that never leave a remote service ({@link io.github.cloudfrontsigned.key.RemoteSigner}), the JCA provider
 * choice ({@link io.github.cloudfrontsigned.key.SignatureProvider}) and
 * {@link io.github.cloudfrontsigned.key.KeyLoadingException}.
 *
 * <p>Start with {@link io.github.cloudfrontsigned.key.Keys#loadPrivateKey(KeySource)}. PEM parsing is
 * package-private ({@code PemKeys}). May depend on: {@code internal}, the JDK and BouncyCastle (for PKCS#1 and
 * encrypted PEM), and of the root package only {@code CloudFrontSignedException} (the base of
 * {@code KeyLoadingException}) and {@code HashAlgorithm} ({@code RemoteSigner}'s parameter), which the public API
 * has always tied it to. Never on {@code verify}, {@code config} or {@code rewrite}.
 * Reference: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html">Specify
 * signers that can create signed URLs and signed cookies</a>.
 */
package io.github.cloudfrontsigned.key;
