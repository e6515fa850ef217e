package io.github.cloudfrontsigned.key;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * CloudFront's rules on key types and sizes, in one place: RSA of at least 1024 bits (2048 for key groups), or EC
 * on the named curve P-256; everything else is refused with what is wrong and how to create a key that works.
 * {@link Keys} (loading, and its public {@code checkSupported}) and {@code PemKeys} (PEM blocks) apply them.
 *
 * <p>Source: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html">
 * Specify signers that can create signed URLs and signed cookies</a>. Thread safety: stateless.
 */
final class KeyTypes {

    static final String SUPPORTED = "CloudFront accepts RSA (2048-bit) and ECDSA P-256 keys";
    static final String CREATE_HINT = "create one with openssl genrsa -out private_key.pem 2048"
            + " or openssl ecparam -name prime256v1 -genkey -noout -out private_key.pem";
    static final String DSA_NOT_SUPPORTED = "DSA keys are not supported: " + SUPPORTED + "; " + CREATE_HINT;

    /** Bits below which an RSA key is refused outright. */
    static final int MIN_RSA_BITS = 1024;
    /** Bits CloudFront key groups require; smaller (but at least {@link #MIN_RSA_BITS}) keys only log a warning. */
    static final int KEY_GROUP_RSA_BITS = 2048;

    private KeyTypes() {}

    /**
     * Checks that CloudFront accepts the key: RSA of at least 1024 bits, or EC on the named curve P-256. Keys that
     * do not expose their values (RSA or EC keys in a hardware token) are accepted, since they cannot be checked.
     *
     * @param key the key to check
     * @param sourceDescription where the key came from, or {@code null} when it was handed over as a key object
     * @throws KeyLoadingException if the key is not supported and {@code sourceDescription} is not {@code null}
     * @throws IllegalArgumentException if the key is not supported and {@code sourceDescription} is {@code null}
     */
    static void checkSupported(Key key, String sourceDescription) {
        Objects.requireNonNull(key, "key");
        String problem = unsupportedReason(key);
        if (problem == null) {
            return;
        }
        if (sourceDescription != null) {
            throw new KeyLoadingException(sourceDescription, problem);
        }
        throw new IllegalArgumentException("Unsupported key: " + problem);
    }

    private static String unsupportedReason(Key key) {
        String algorithm = key.getAlgorithm() == null ? "" : key.getAlgorithm();
        if (key instanceof RSAKey) {
            if (!"RSA".equalsIgnoreCase(algorithm)) {
                return pssOrOther(algorithm);
            }
            int bits = ((RSAKey) key).getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                return "the RSA key has only " + bits + " bits, far too few: " + SUPPORTED + " (1024-bit only for"
                        + " legacy key pairs); create a new key with openssl genrsa -out private_key.pem 2048";
            }
            return null;
        }
        if (key instanceof ECKey) {
            ECParameterSpec params = ((ECKey) key).getParams();
            if (P256.matches(params)) {
                return null;
            }
            return wrongCurve(curveName(key));
        }
        switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "RSA":
            case "EC":
                return null; // opaque key, for example in a hardware token: cannot be checked further
            default:
                return pssOrOther(
                        key instanceof EdECKey ? ((EdECKey) key).getParams().getName() : algorithm);
        }
    }

    private static String pssOrOther(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        if (upper.equals("DSA")) {
            return DSA_NOT_SUPPORTED;
        }
        if (upper.equals("RSASSA-PSS") || upper.equals("RSA-PSS")) {
            return "RSA-PSS keys are not supported: CloudFront signs with RSA PKCS#1 v1.5, so use a plain RSA key; "
                    + CREATE_HINT;
        }
        return (algorithm.isEmpty() ? "keys of unknown type" : algorithm + " keys") + " are not supported: " + SUPPORTED
                + "; " + CREATE_HINT;
    }

    /** Null if CloudFront accepts keys with this algorithm identifier, else what is wrong and the fix. */
    static String unsupportedReason(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return null;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable parameters = algorithm.getParameters();
            X962Parameters x962;
            try {
                x962 = parameters == null ? null : X962Parameters.getInstance(parameters);
            } catch (RuntimeException e) {
                x962 = null;
            }
            if (x962 == null || x962.isImplicitlyCA()) {
                return "the EC key does not name its curve: " + SUPPORTED + "; create one with"
                        + " openssl ecparam -name prime256v1 -genkey -noout -out private_key.pem";
            }
            if (!x962.isNamedCurve()) {
                return "the EC key has explicit (unnamed) curve parameters, which are not supported: " + SUPPORTED
                        + ", and an EC key must name its curve. If the key is on P-256, re-encode it with"
                        + " openssl ec -param_enc named_curve (for a private key:"
                        + " openssl ec -in key.pem -param_enc named_curve -out private_key.pem)";
            }
            ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(x962.getParameters());
            return SECObjectIdentifiers.secp256r1.equals(curve) ? null : wrongCurve(curveName(curve));
        }
        if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
            return DSA_NOT_SUPPORTED;
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            return pssOrOther("RSASSA-PSS");
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return pssOrOther("Ed25519");
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
            return pssOrOther("Ed448");
        }
        if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            return pssOrOther("X25519");
        }
        if (EdECObjectIdentifiers.id_X448.equals(oid)) {
            return pssOrOther("X448");
        }
        if (PKCSObjectIdentifiers.dhKeyAgreement.equals(oid) || X9ObjectIdentifiers.dhpublicnumber.equals(oid)) {
            return pssOrOther("DH");
        }
        return "keys with algorithm OID " + oid.getId() + " are not supported: " + SUPPORTED + "; " + CREATE_HINT;
    }

    private static String wrongCurve(String curveName) {
        return "the EC key is on curve " + curveName + ", which is not supported: " + SUPPORTED
                + " (P-256 is also called prime256v1 and secp256r1); create one with"
                + " openssl ecparam -name prime256v1 -genkey -noout -out private_key.pem";
    }

    private static String curveName(ASN1ObjectIdentifier curve) {
        String name = SECNamedCurves.getName(curve);
        if (name == null) {
            name = ECNamedCurveTable.getName(curve);
        }
        if (name == null) {
            return "with OID " + curve.getId();
        }
        String nist = NISTNamedCurves.getName(curve);
        return nist != null && !nist.equals(name) ? name + " (" + nist + ")" : name;
    }

    /** The curve of a JDK EC key, from the OID in its encoding when there is one. */
    static String curveName(Key key) {
        try {
            byte[] encoded = key.getEncoded();
            if (encoded != null) {
                AlgorithmIdentifier algorithm = key instanceof PublicKey
                        ? SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm()
                        : PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm();
                X962Parameters x962 = X962Parameters.getInstance(algorithm.getParameters());
                if (x962.isNamedCurve()) {
                    return curveName(ASN1ObjectIdentifier.getInstance(x962.getParameters()));
                }
            }
        } catch (RuntimeException e) {
            // fall through to the generic description
        }
        ECParameterSpec params = ((ECKey) key).getParams();
        return params == null
                ? "(unknown)"
                : "of " + params.getCurve().getField().getFieldSize() + " bits with unnamed parameters";
    }

    /** The P-256 curve, in BouncyCastle form for point arithmetic and in JDK form for key specs. */
    static final class P256 {
        static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
        static final ECParameterSpec SPEC;

        static {
            try {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec("secp256r1"));
                SPEC = parameters.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static boolean matches(ECParameterSpec p) {
            if (p == null) {
                return false;
            }
            ECField field = p.getCurve().getField();
            return field instanceof ECFieldFp
                    && ((ECFieldFp) field)
                            .getP()
                            .equals(((ECFieldFp) SPEC.getCurve().getField()).getP())
                    && p.getCurve().getA().equals(SPEC.getCurve().getA())
                    && p.getCurve().getB().equals(SPEC.getCurve().getB())
                    && p.getGenerator().equals(SPEC.getGenerator())
                    && p.getOrder().equals(SPEC.getOrder())
                    && p.getCofactor() == SPEC.getCofactor();
        }

        static PublicKey publicKey(org.bouncycastle.math.ec.ECPoint q) throws GeneralSecurityException {
            if (q.isInfinity()) {
                throw new java.security.InvalidKeyException("point at infinity");
            }
            ECPoint w = new ECPoint(
                    q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, SPEC));
        }
    }
}
