package io.github.cloudfrontsigned.aws;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.RemoteSigner;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs CloudFront policies with an AWS KMS key: the private key never leaves KMS. RSA keys ({@code RSA_2048})
 * sign with {@code RSASSA_PKCS1_V1_5_SHA_256}, ECC keys ({@code ECC_NIST_P256}) with {@code ECDSA_SHA_256}
 * (a DER signature, as CloudFront wants); both are SHA-256, sent as {@code Hash-Algorithm=SHA256}. Policies up to
 * 4096 bytes go to KMS as they are ({@code MessageType RAW}); longer ones as their SHA-256 digest
 * ({@code MessageType DIGEST}), which gives the same signature. Sources:
 * <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html">KMS Sign</a>,
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html">CloudFront key requirements</a>.
 *
 * <p>Every signature is one {@code Sign} call (a few milliseconds on the network, and billed per request), so use
 * it behind {@link io.github.cloudfrontsigned.CloudFrontSigner}'s signature cache with an expiry granularity of a
 * few minutes. Create with {@link AwsKeys#kms(KmsClient, String)}.
 *
 * <p>Thread safety: thread-safe.
 */
public final class KmsSigner implements RemoteSigner {

    /** The largest message KMS signs as {@code MessageType RAW}. */
    static final int MAX_RAW_MESSAGE_BYTES = 4096;

    private final KmsClient client;
    private final String keyArn;
    private final PublicKey publicKey;
    private final SigningAlgorithmSpec algorithm;

    private KmsSigner(KmsClient client, String keyArn, PublicKey publicKey, SigningAlgorithmSpec algorithm) {
        this.client = client;
        this.keyArn = keyArn;
        this.publicKey = publicKey;
        this.algorithm = algorithm;
    }

    static KmsSigner create(KmsClient client, String keyId) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(keyId, "keyId");
        String what = "AWS KMS key \"" + keyId + "\"";
        GetPublicKeyResponse r;
        try {
            r = client.getPublicKey(b -> b.keyId(keyId));
        } catch (SdkException e) {
            throw new IllegalArgumentException(what + ": GetPublicKey failed: " + AwsErrors.describe(what, e), e);
        }
        if (r.keyUsage() != KeyUsageType.SIGN_VERIFY) {
            throw new IllegalArgumentException(what + " has key usage " + r.keyUsageAsString() + "; CloudFront signing"
                    + " needs an asymmetric SIGN_VERIFY key (aws kms create-key --key-usage SIGN_VERIFY --key-spec"
                    + " RSA_2048 or ECC_NIST_P256)");
        }
        SigningAlgorithmSpec algorithm;
        String jcaAlgorithm;
        if (r.keySpec() == KeySpec.RSA_2048) {
            algorithm = SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256;
            jcaAlgorithm = "RSA";
        } else if (r.keySpec() == KeySpec.ECC_NIST_P256) {
            algorithm = SigningAlgorithmSpec.ECDSA_SHA_256;
            jcaAlgorithm = "EC";
        } else {
            throw new IllegalArgumentException(
                    what + " has key spec " + r.keySpecAsString() + "; CloudFront accepts"
                            + " RSA 2048-bit and ECDSA P-256 keys: create the KMS key with --key-spec RSA_2048 or ECC_NIST_P256");
        }
        if (r.signingAlgorithms() != null
                && !r.signingAlgorithms().isEmpty()
                && !r.signingAlgorithms().contains(algorithm)) {
            throw new IllegalArgumentException(
                    what + " does not offer " + algorithm + " (it offers " + r.signingAlgorithmsAsStrings() + ")");
        }
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance(jcaAlgorithm)
                    .generatePublic(new X509EncodedKeySpec(r.publicKey().asByteArray()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    what + ": GetPublicKey returned a public key that cannot be read: " + e.getMessage(), e);
        }
        String arn = r.keyId() == null || r.keyId().isBlank() ? keyId : r.keyId();
        System.getLogger(KmsSigner.class.getName())
                .log(
                        System.Logger.Level.INFO,
                        "CloudFront signing with AWS KMS key"
                                + " {0} ({1}, {2}), public key SHA-256 fingerprint {3}: upload this public key to CloudFront",
                        arn,
                        r.keySpecAsString(),
                        algorithm,
                        Keys.fingerprint(publicKey));
        return new KmsSigner(client, arn, publicKey, algorithm);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Calls KMS {@code Sign}.
     *
     * @param hash must be {@link HashAlgorithm#SHA256}
     * @param policyBytes the policy's UTF-8 bytes
     * @return the signature: PKCS#1 v1.5 for RSA, ASN.1 DER for ECDSA
     * @throws IllegalArgumentException if {@code hash} is not SHA-256
     * @throws IllegalStateException if KMS refuses or cannot be reached; the message names the key and the AWS
     *     error code ({@code ThrottlingException}, {@code AccessDeniedException}, {@code DisabledException}, ...)
     */
    @Override
    public byte[] sign(HashAlgorithm hash, byte[] policyBytes) {
        if (hash != HashAlgorithm.SHA256) {
            throw new IllegalArgumentException(description() + " signs with SHA256 only, not " + hash);
        }
        boolean raw = policyBytes.length <= MAX_RAW_MESSAGE_BYTES;
        SdkBytes message = SdkBytes.fromByteArray(raw ? policyBytes : sha256(policyBytes));
        SignResponse r;
        try {
            r = client.sign(b -> b.keyId(keyArn)
                    .message(message)
                    .messageType(raw ? MessageType.RAW : MessageType.DIGEST)
                    .signingAlgorithm(algorithm));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    description() + ": Sign failed: " + AwsErrors.describe(description(), e), e);
        }
        if (r.signature() == null) {
            throw new IllegalStateException(description() + ": Sign returned no signature");
        }
        return r.signature().asByteArray();
    }

    /** @return {@code AWS KMS key <ARN>} */
    @Override
    public String description() {
        return "AWS KMS key " + keyArn;
    }

    /** @return the signing algorithm KMS is asked for */
    public String signingAlgorithm() {
        return algorithm.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
