package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.TextDiff;
import io.github.cloudfrontsigned.internal.Validation;
import io.github.cloudfrontsigned.internal.VerificationCost;
import io.github.cloudfrontsigned.key.Keys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Explains a signature that does not verify: which plausible change would make it verify. Runs only on
 * failure and within the request's {@link VerificationCost}: at most {@link VerificationCost#MAX_SIGNATURE_CHECKS}
 * public-key operations in all and a fixed budget of URL variants. An RSA signature is read back once with the
 * public key ({@link VerifyingKey#recover}), which tells the hash algorithm and the signed digest, so the URL
 * variants of a canned policy cost a hash each, not a signature check; for ECDSA each variant costs a check and
 * the search stops at the bound. Thread safety: stateless.
 */
final class SignatureDiagnosis {

    private SignatureDiagnosis() {}

    static String explain(
            SignedRequest s,
            VerifyingKey key,
            HashAlgorithm hash,
            Map<String, VerifyingKey> keys,
            VerificationCost cost) {
        String found = "RSA".equals(key.keyAlgorithm)
                ? explainRsa(s, key, hash, keys, cost)
                : explainEcdsa(s, key, hash, keys, cost);
        return found != null ? found : unexplained(s, key, s.policyBytes());
    }

    private static String explainRsa(
            SignedRequest s,
            VerifyingKey key,
            HashAlgorithm hash,
            Map<String, VerifyingKey> keys,
            VerificationCost cost) {
        byte[] policy = s.policyBytes();
        byte[] signature = s.signatureBytes();
        VerifyingKey.Recovered recovered = key.recover(signature, cost);
        if (recovered != null) {
            // This key's private key made the signature: over this policy with the other hash, or over another URL.
            cost.step(policy.length);
            if (recovered.hash() != hash && recovered.covers(policy)) {
                return hashMismatch(s, hash, recovered.hash());
            }
            if (s.isCannedPolicy() && s.request() != null) {
                return reencodedCanned(
                        s,
                        cost,
                        (candidate, c) -> {
                            c.step(candidate.length);
                            return recovered.covers(candidate);
                        },
                        recovered.hash() != hash ? " (and " + hashMismatch(s, hash, recovered.hash()) + ")" : "");
            }
            return null;
        }
        String other = otherKey(s, key, hash, keys, cost);
        if (other != null) {
            return other;
        }
        return lengthMismatch(key, signature);
    }

    private static String explainEcdsa(
            SignedRequest s,
            VerifyingKey key,
            HashAlgorithm hash,
            Map<String, VerifyingKey> keys,
            VerificationCost cost) {
        byte[] policy = s.policyBytes();
        byte[] signature = s.signatureBytes();
        HashAlgorithm other = hash == HashAlgorithm.SHA1 ? HashAlgorithm.SHA256 : HashAlgorithm.SHA1;
        if (key.verify(other, policy, signature, cost)) {
            return hashMismatch(s, hash, other);
        }
        String otherKey = otherKey(s, key, hash, keys, cost);
        if (otherKey != null) {
            return otherKey;
        }
        if (signature.length == 64 && key.verify(hash, policy, toDer(signature), cost)) {
            return "the ECDSA signature is raw r||s (IEEE P1363, 64 bytes) but CloudFront expects ASN.1 DER: sign"
                    + " with " + hash.jcaName("EC") + ", not " + hash.jcaName("EC") + "inP1363Format";
        }
        if (s.isCannedPolicy() && s.request() != null) {
            return reencodedCanned(s, cost, (candidate, c) -> key.verify(hash, candidate, signature, c), "");
        }
        return null;
    }

    /** Whether another trusted key made the signature over this policy, with either hash. */
    private static String otherKey(
            SignedRequest s,
            VerifyingKey key,
            HashAlgorithm hash,
            Map<String, VerifyingKey> keys,
            VerificationCost cost) {
        byte[] policy = s.policyBytes();
        byte[] signature = s.signatureBytes();
        for (VerifyingKey k : keys.values()) {
            if (k == key || cost.exhausted()) {
                continue;
            }
            HashAlgorithm signedWith = null;
            if ("RSA".equals(k.keyAlgorithm)) {
                VerifyingKey.Recovered recovered = k.recover(signature, cost);
                if (recovered != null && recovered.covers(policy)) {
                    signedWith = recovered.hash();
                }
            } else {
                for (HashAlgorithm h : HashAlgorithm.values()) {
                    if (signedWith == null && k.verify(h, policy, signature, cost)) {
                        signedWith = h;
                    }
                }
            }
            if (signedWith != null) {
                return "the signature was made with the private key of key pair ID " + k.keyPairId + ", but the"
                        + " request names " + s.name(SigningParameter.KEY_PAIR_ID) + "=" + key.keyPairId + ": send "
                        + s.name(SigningParameter.KEY_PAIR_ID) + "=" + k.keyPairId
                        + (signedWith != hash ? " (and " + hashMismatch(s, hash, signedWith) + ")" : "");
            }
        }
        return null;
    }

    private static String lengthMismatch(VerifyingKey key, byte[] signature) {
        int rsaLength = key.rsaSignatureLength();
        if (rsaLength > 0 && signature.length != rsaLength) {
            return "the signature is " + signature.length + " bytes but a signature by the RSA-" + rsaLength * 8
                    + " key for key pair ID " + key.keyPairId + " is " + rsaLength + " bytes: it was cut short or"
                    + " altered, or made with another key";
        }
        return null;
    }

    /** Whether a candidate canned policy is the one the signature covers, charging its work to the cost. */
    private interface Candidate {
        boolean signed(byte[] policy, VerificationCost cost);
    }

    private static String reencodedCanned(SignedRequest s, VerificationCost cost, Candidate signed, String note) {
        ViewerRequest r = s.request();
        String expires = s.value(SigningParameter.EXPIRES);
        String requested = s.unsignedUrl();
        UrlVariants.Variant v = UrlVariants.find(
                r.scheme(),
                r.host(),
                r.rawPath(),
                s.unsignedQuery(),
                cost,
                variant -> signed.signed(
                        PolicyDocument.writeCanned(variant.url(), expires).getBytes(StandardCharsets.UTF_8), cost));
        if (v == null) {
            return null;
        }
        int at = TextDiff.firstDifference(v.url(), requested);
        return UrlVariants.explain(v, requested, false) + note + "\n"
                + TextDiff.diagram("signed", v.url(), at, "received", requested, at);
    }

    private static String unexplained(SignedRequest s, VerifyingKey key, byte[] policy) {
        String fingerprint = "trusted public key for " + key.keyPairId + ": " + Keys.describe(key.publicKey)
                + ", SHA-256 fingerprint " + Keys.fingerprint(key.publicKey);
        if (s.isCannedPolicy()) {
            return "the signature does not match the canned policy CloudFront rebuilds from the request,\n  "
                    + Validation.printable(new String(policy, StandardCharsets.UTF_8))
                    + "\nso the URL or " + s.name(SigningParameter.EXPIRES) + " was changed after signing, the "
                    + s.name(SigningParameter.SIGNATURE) + " was altered, or another private key signed it ("
                    + fingerprint + ")";
        }
        return "the signature does not match the " + s.name(SigningParameter.POLICY) + ": the policy or "
                + s.name(SigningParameter.SIGNATURE) + " was altered after signing, or another private key signed it ("
                + fingerprint + ")";
    }

    private static String hashMismatch(SignedRequest s, HashAlgorithm declared, HashAlgorithm actual) {
        String name = s.name(SigningParameter.HASH_ALGORITHM);
        if (s.hashAlgorithmValue() == null) {
            return "the signature is " + label(actual) + " but the request has no " + name + ", so CloudFront checks"
                    + " it as SHA-1: add " + name + "=" + actual.parameterValue();
        }
        return name + " says " + declared.parameterValue() + " but the signature is " + label(actual) + ": "
                + (actual == HashAlgorithm.SHA1
                        ? "remove " + name + " (SHA-1 is the default) or sign with SHA-256"
                        : "send " + name + "=" + actual.parameterValue());
    }

    private static String label(HashAlgorithm h) {
        return h == HashAlgorithm.SHA1 ? "SHA-1" : "SHA-256";
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} from a 64-byte raw P-256 signature. */
    private static byte[] toDer(byte[] raw) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
        byte[] der = new byte[6 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (4 + r.length + s.length);
        der[2] = 0x02;
        der[3] = (byte) r.length;
        System.arraycopy(r, 0, der, 4, r.length);
        der[4 + r.length] = 0x02;
        der[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, der, 6 + r.length, s.length);
        return der;
    }
}
