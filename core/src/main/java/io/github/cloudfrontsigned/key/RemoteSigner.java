package io.github.cloudfrontsigned.key;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import java.security.PublicKey;

/**
 * A signer whose private key never leaves another system, such as AWS KMS: the CloudFront signer hands it the
 * policy's bytes and gets the signature back. Give it to {@link CloudFrontSigner.Builder#key(String,
 * RemoteSigner)}.
 *
 * <p>Remote signers sign with SHA-256 only ({@code Hash-Algorithm=SHA256}, which CloudFront accepts for RSA and
 * ECDSA keys): the CloudFront signer uses SHA-256 for them and refuses SHA-1. Each signature is a remote call,
 * so the signer's signature cache and expiry granularity
 * ({@link CloudFrontSigner.Builder#expiryGranularity(java.time.Duration)}) sit in front of it: a policy signed
 * once is not sent again while it is cached.
 *
 * <p>Thread safety: implementations must be thread-safe.
 */
public interface RemoteSigner {

    /**
     * @return the public key matching the remote private key (RSA or EC P-256), for the startup log's
     *     fingerprint and for verifying; fetched once, not on every call
     */
    PublicKey publicKey();

    /**
     * Signs {@code policyBytes} with SHA-256: RSA PKCS#1 v1.5 ({@code SHA256withRSA}) for an RSA key, ECDSA with
     * an ASN.1 DER signature ({@code SHA256withECDSA}) for an EC P-256 key.
     *
     * @param hash always {@link HashAlgorithm#SHA256}
     * @param policyBytes the policy's UTF-8 bytes, exactly as CloudFront rebuilds them
     * @return the raw signature bytes (not base64)
     * @throws RuntimeException if the remote system refuses or cannot be reached; the message names the key and
     *     the remote error, and the signing call that needed it fails with it
     */
    byte[] sign(HashAlgorithm hash, byte[] policyBytes);

    /**
     * @return which remote key signs, for logs, for example {@code AWS KMS key arn:aws:kms:...}; never secret
     */
    String description();
}
