package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.internal.SignatureEngines;
import io.github.cloudfrontsigned.internal.SigningKey;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/**
 * One trusted key pair ID with its public key, and a per-thread {@link Signature} per hash algorithm, so a
 * verification costs the RSA or ECDSA operation and nothing else. Thread safety: thread-safe.
 */
final class VerifyingKey {

    final String keyPairId;
    final PublicKey publicKey;
    /** {@code RSA} or {@code EC}. */
    final String keyAlgorithm;
    private final ThreadLocal<Signature>[] verifiers;

    @SuppressWarnings({"unchecked", "rawtypes"})
    VerifyingKey(String keyPairId, PublicKey publicKey, SignatureProvider providerChoice) {
        this.keyPairId = SigningKey.checkKeyPairId(keyPairId);
        this.publicKey = publicKey;
        if (publicKey instanceof RSAKey) {
            keyAlgorithm = "RSA";
        } else if (publicKey instanceof ECKey) {
            keyAlgorithm = "EC";
        } else {
            throw new IllegalArgumentException("public key for key pair ID " + keyPairId + " is a "
                    + publicKey.getAlgorithm() + " key: CloudFront accepts RSA (2048-bit) and ECDSA P-256 keys");
        }
        try {
            Keys.checkSupported(publicKey, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key for key pair ID " + keyPairId + ": " + e.getMessage(), e);
        }
        Provider provider = SignatureEngines.provider(providerChoice, keyAlgorithm);
        HashAlgorithm[] all = HashAlgorithm.values();
        verifiers = new ThreadLocal[all.length];
        for (HashAlgorithm h : all) {
            String jcaName = h.jcaName(keyAlgorithm);
            verifiers[h.ordinal()] = ThreadLocal.withInitial(() -> SignatureEngines.newVerifier(provider, jcaName, publicKey));
        }
        // Fail now, not on the first request, if the provider cannot use this key.
        SignatureEngines.newVerifier(provider, HashAlgorithm.SHA256.jcaName(keyAlgorithm), publicKey);
    }

    /**
     * @return whether {@code signature} is this key's signature over {@code data} with {@code hash}; a
     *     signature the provider cannot even parse (wrong length, not DER) is simply not valid
     */
    boolean verify(HashAlgorithm hash, byte[] data, byte[] signature) {
        Signature verifier = verifiers[hash.ordinal()].get();
        try {
            verifier.update(data);
            return verifier.verify(signature);
        } catch (java.security.SignatureException | RuntimeException e) {
            // The object may be left mid-operation: replace it so the next verification on this thread is clean.
            verifiers[hash.ordinal()].remove();
            return false;
        }
    }

    /** @return the expected signature length in bytes for RSA keys, or -1 for ECDSA (DER length varies) */
    int rsaSignatureLength() {
        return publicKey instanceof RSAKey ? (((RSAKey) publicKey).getModulus().bitLength() + 7) / 8 : -1;
    }

    @Override
    public String toString() {
        return keyPairId + " (" + Keys.describe(publicKey) + ")";
    }
}
