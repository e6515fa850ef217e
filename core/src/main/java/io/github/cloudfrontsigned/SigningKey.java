package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.SignatureEngines;
import io.github.cloudfrontsigned.internal.Validation;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.RemoteSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/**
 * One key pair ID with its private key, and a per-thread {@link Signature} per hash algorithm; or with a
 * {@link RemoteSigner} that signs elsewhere (SHA-256 only). Thread safety: thread-safe.
 */
final class SigningKey {

    final String keyPairId;
    /** The local key, or {@code null} for a remote signer. */
    final PrivateKey privateKey;
    /** The remote signer, or {@code null} for a local key. */
    final RemoteSigner remote;
    /** {@code RSA} or {@code EC}. */
    final String keyAlgorithm;

    final Provider provider;
    private final ThreadLocal<Signature>[] signers;

    @SuppressWarnings({"unchecked", "rawtypes"})
    SigningKey(String keyPairId, PrivateKey privateKey, SignatureProvider providerChoice) {
        this.keyPairId = Validation.checkKeyPairId(keyPairId);
        this.privateKey = privateKey;
        this.remote = null;
        if (privateKey instanceof RSAKey) {
            keyAlgorithm = "RSA";
        } else if (privateKey instanceof ECKey) {
            keyAlgorithm = "EC";
        } else {
            throw new IllegalArgumentException("key for key pair ID " + keyPairId + " is a " + privateKey.getAlgorithm()
                    + " key: CloudFront accepts RSA (2048-bit) and ECDSA P-256 keys");
        }
        try {
            Keys.checkSupported(privateKey, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key for key pair ID " + keyPairId + ": " + e.getMessage(), e);
        }
        this.provider = providerChoice.jcaProvider(keyAlgorithm).orElse(null);
        HashAlgorithm[] all = HashAlgorithm.values();
        signers = new ThreadLocal[all.length];
        for (HashAlgorithm h : all) {
            String jcaName = h.jcaName(keyAlgorithm);
            signers[h.ordinal()] =
                    ThreadLocal.withInitial(() -> SignatureEngines.newSigner(provider, jcaName, privateKey));
        }
        // Fail now, not on the first request, if the provider cannot use this key.
        SignatureEngines.newSigner(provider, HashAlgorithm.SHA256.jcaName(keyAlgorithm), privateKey);
    }

    /** A key that signs remotely; its type comes from the remote signer's public key. */
    SigningKey(String keyPairId, RemoteSigner remote) {
        this.keyPairId = Validation.checkKeyPairId(keyPairId);
        this.privateKey = null;
        this.remote = remote;
        this.provider = null;
        this.signers = null;
        PublicKey publicKey = remote.publicKey();
        if (publicKey instanceof RSAKey) {
            keyAlgorithm = "RSA";
        } else if (publicKey instanceof ECKey) {
            keyAlgorithm = "EC";
        } else {
            throw new IllegalArgumentException("remote signer " + remote.description() + " for key pair ID " + keyPairId
                    + " has a " + (publicKey == null ? "missing" : publicKey.getAlgorithm()) + " public key: CloudFront"
                    + " accepts RSA (2048-bit) and ECDSA P-256 keys");
        }
        try {
            Keys.checkSupported(publicKey, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "remote signer " + remote.description() + " for key pair ID " + keyPairId + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The hash used when the signer is not configured with one: SHA-1 for local RSA keys, SHA-256 for ECDSA keys
     * and for every remote signer.
     */
    HashAlgorithm defaultHash() {
        return remote != null || "EC".equals(keyAlgorithm) ? HashAlgorithm.SHA256 : HashAlgorithm.SHA1;
    }

    /** The public key, for logs and verifiers. */
    PublicKey publicKey() {
        return remote != null ? remote.publicKey() : Keys.publicKey(privateKey);
    }

    /** The key type for logs: the local key's description, or the remote signer's and its public key's. */
    String describe() {
        return remote != null
                ? remote.description() + " (" + Keys.describe(remote.publicKey()) + ")"
                : Keys.describe(privateKey);
    }

    byte[] sign(HashAlgorithm hash, byte[] data) {
        if (remote != null) {
            if (hash != HashAlgorithm.SHA256) {
                throw new IllegalArgumentException("key pair ID " + keyPairId + " signs with " + remote.description()
                        + ", which signs with SHA256 only; remove the SHA1 hash algorithm (cloudfront.hash-algorithm,"
                        + " CloudFrontSigner.Builder.hashAlgorithm or withHashAlgorithm)");
            }
            byte[] signature = remote.sign(hash, data);
            if (signature == null || signature.length == 0) {
                throw new IllegalStateException("remote signer " + remote.description() + " for key pair ID "
                        + keyPairId + " returned no signature");
            }
            return signature;
        }
        Signature signature = signers[hash.ordinal()].get();
        try {
            signature.update(data);
            return signature.sign();
        } catch (SignatureException e) {
            // A Signature left in a bad state is replaced, so one failure does not poison the thread.
            signers[hash.ordinal()].remove();
            throw new IllegalStateException("signing with key pair ID " + keyPairId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return keyPairId + " (" + describe() + (remote != null ? "" : ", " + SignatureEngines.name(provider)) + ")";
    }
}
