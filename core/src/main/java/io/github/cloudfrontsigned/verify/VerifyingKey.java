package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.internal.SignatureEngines;
import io.github.cloudfrontsigned.internal.Validation;
import io.github.cloudfrontsigned.internal.VerificationCost;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.math.BigInteger;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

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
        this.keyPairId = Validation.checkKeyPairId(keyPairId);
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
        Provider provider = providerChoice.jcaProvider(keyAlgorithm).orElse(null);
        HashAlgorithm[] all = HashAlgorithm.values();
        verifiers = new ThreadLocal[all.length];
        for (HashAlgorithm h : all) {
            String jcaName = h.jcaName(keyAlgorithm);
            verifiers[h.ordinal()] =
                    ThreadLocal.withInitial(() -> SignatureEngines.newVerifier(provider, jcaName, publicKey));
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

    /**
     * As {@link #verify(HashAlgorithm, byte[], byte[])}, counted against the request's bound.
     *
     * @return whether the signature verifies; {@code false} without checking when the bound is reached
     */
    boolean verify(HashAlgorithm hash, byte[] data, byte[] signature, VerificationCost cost) {
        if (!cost.signatureCheck()) {
            return false;
        }
        cost.step(data.length);
        return verify(hash, data, signature);
    }

    /**
     * What an RSA PKCS#1 v1.5 signature was made over, read back with the public key (one RSA public operation,
     * as a verification costs): the hash algorithm and the digest. Lets diagnosis compare many candidate policies
     * by hashing alone.
     *
     * @return the hash and digest; {@code null} for an ECDSA key, a signature of another length, one this key's
     *     private key did not make, or when the bound is reached
     */
    Recovered recover(byte[] signature, VerificationCost cost) {
        int length = rsaSignatureLength();
        if (length < 0 || signature.length != length || !cost.signatureCheck()) {
            return null;
        }
        RSAPublicKey rsa = (RSAPublicKey) publicKey;
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(rsa.getModulus()) >= 0) {
            return null;
        }
        byte[] m = s.modPow(rsa.getPublicExponent(), rsa.getModulus()).toByteArray();
        byte[] block = new byte[length];
        int copy = Math.min(m.length, length);
        System.arraycopy(m, m.length - copy, block, length - copy, copy);
        // EMSA-PKCS1-v1_5 (RFC 8017 section 9.2): 00 01 FF..FF 00 DigestInfo
        int i = 2;
        while (i < length && block[i] == (byte) 0xFF) {
            i++;
        }
        if (block[0] != 0 || block[1] != 1 || i < 10 || i >= length || block[i] != 0) {
            return null;
        }
        byte[] digestInfo = Arrays.copyOfRange(block, i + 1, length);
        for (HashAlgorithm h : HashAlgorithm.values()) {
            byte[] prefix = DIGEST_INFO[h.ordinal()];
            if (digestInfo.length > prefix.length
                    && Arrays.equals(digestInfo, 0, prefix.length, prefix, 0, prefix.length)) {
                return new Recovered(h, Arrays.copyOfRange(digestInfo, prefix.length, digestInfo.length));
            }
        }
        return null;
    }

    /** DER DigestInfo prefixes (RFC 8017 section 9.2, note 1), in {@link HashAlgorithm} order: SHA-1, SHA-256. */
    private static final byte[][] DIGEST_INFO = {
        {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14},
        {
            0x30,
            0x31,
            0x30,
            0x0d,
            0x06,
            0x09,
            0x60,
            (byte) 0x86,
            0x48,
            0x01,
            0x65,
            0x03,
            0x04,
            0x02,
            0x01,
            0x05,
            0x00,
            0x04,
            0x20
        },
    };

    /**
     * The content of an RSA signature.
     *
     * @param hash the hash algorithm its DigestInfo names
     * @param digest the digest of the data that was signed
     */
    record Recovered(HashAlgorithm hash, byte[] digest) {

        /** @return whether {@code data} hashes to the signed digest */
        boolean covers(byte[] data) {
            return Arrays.equals(digest, hash.digest(data));
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Recovered)) {
                return false;
            }
            Recovered other = (Recovered) o;
            return java.util.Objects.equals(hash, other.hash) && java.util.Objects.equals(digest, other.digest);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(hash, digest);
        }

        @Override
        public String toString() {
            return "Recovered[hash=" + hash + ", digest=" + digest + "]";
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
