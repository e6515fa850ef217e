package io.github.cloudfrontsigned.key;

import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Loads, checks and describes the keys used to sign CloudFront URLs and cookies.
 *
 * <p>CloudFront accepts RSA 2048-bit and ECDSA P-256 keys in trusted key groups; see
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html">
 * Specify signers that can create signed URLs and signed cookies</a> and
 * <a href="https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_PublicKeyConfig.html">PublicKeyConfig</a>.
 * The loaders therefore accept RSA keys and EC keys on P-256 (prime256v1, secp256r1) and refuse everything else.
 * RSA keys of fewer than 2048 bits are still accepted, with one warning logged per load, because legacy CloudFront
 * key pairs and AWS's own test vectors use 1024-bit keys; keys of fewer than 1024 bits are refused.
 *
 * <p><b>Private key formats</b> ({@link #loadPrivateKey(KeySource)}):
 * <ul>
 *   <li>{@code -----BEGIN PRIVATE KEY-----}: PKCS#8, as written by {@code openssl genpkey} and
 *       {@code openssl pkcs8 -topk8 -nocrypt};</li>
 *   <li>{@code -----BEGIN RSA PRIVATE KEY-----}: PKCS#1, as written by {@code openssl genrsa -traditional} and
 *       OpenSSL 1.x {@code genrsa};</li>
 *   <li>{@code -----BEGIN EC PRIVATE KEY-----}: SEC1, as written by {@code openssl ecparam -genkey}, with or without
 *       the {@code -----BEGIN EC PARAMETERS-----} block before it;</li>
 *   <li>{@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: encrypted PKCS#8 ({@code openssl pkcs8 -topk8 -v2 aes-256-cbc}),
 *       and legacy OpenSSL encrypted PEM ({@code Proc-Type: 4,ENCRYPTED}, {@code openssl rsa -aes256 -traditional});
 *       both need {@link KeySource#withPassphrase(char[])};</li>
 *   <li>DER bytes or bare base64 of DER: PKCS#8 (also encrypted), PKCS#1 or SEC1.</li>
 * </ul>
 * Other PEM blocks in the same text (certificates, parameters, openssl's "Bag Attributes" lines) are skipped; the
 * first private key block is used.
 *
 * <p><b>Public key formats</b> ({@link #loadPublicKey(KeySource)}): {@code -----BEGIN PUBLIC KEY-----}
 * (SubjectPublicKeyInfo, what {@code openssl rsa -pubout} / {@code openssl ec -pubout} write and what CloudFront
 * stores), {@code -----BEGIN RSA PUBLIC KEY-----} (PKCS#1), {@code -----BEGIN CERTIFICATE-----} (its key is used),
 * and the DER forms of these.
 *
 * <pre>{@code
 * PrivateKey privateKey = Keys.loadPrivateKey(KeySource.location("classpath:keys/private_key.pem"));
 * PublicKey publicKey = Keys.publicKey(privateKey);
 * System.out.println(Keys.describe(privateKey));    // RSA 2048-bit
 * System.out.println(Keys.fingerprint(publicKey));  // same as openssl's SHA-256 of the DER public key
 * String encodedKey = Keys.toPem(publicKey);        // for CloudFront CreatePublicKey's EncodedKey
 * }</pre>
 *
 * <p>The returned keys are ordinary JDK key objects ({@code KeyFactory.getInstance("RSA")} / {@code ("EC")}); no
 * security provider is registered. Keys loaded from different formats of the same key are {@code equals}.
 *
 * <p>No exception message or log line written by this class contains key material or a passphrase.
 *
 * <p>Thread safety: all methods are stateless and thread-safe.
 */
public final class Keys {

    private static final System.Logger LOG = System.getLogger(Keys.class.getName());

    private Keys() {}

    // ---------------------------------------------------------------------------------------------------------
    // Loading

    /**
     * Loads a private key for signing.
     *
     * <pre>{@code
     * PrivateKey key = Keys.loadPrivateKey(KeySource.file(Path.of("private_key.pem")));
     * }</pre>
     *
     * <p>The formats accepted are listed in the {@linkplain Keys class description}. The key must be RSA (at least
     * 1024 bits; fewer than 2048 logs a {@code WARNING} on the {@code System.Logger} named after this class, since
     * CloudFront key groups require 2048 bits) or EC on the named curve P-256, as
     * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html">
     * the CloudFront key requirements</a> say.
     *
     * <p>A key file on a POSIX file system that its group or others may access (mode {@code 0644}, for example)
     * logs one {@code WARNING} on the same logger naming the file, its mode and the fix ({@code chmod 600}), as
     * OpenSSH does; it still loads (container secrets are often mounted {@code 0644}).
     *
     * @param source where to read the key from
     * @return an {@link java.security.interfaces.RSAPrivateCrtKey} or a {@link java.security.interfaces.ECPrivateKey}
     *     from the JDK's own provider
     * @throws NullPointerException if {@code source} is {@code null}
     * @throws KeyLoadingException if the file or resource is missing or unreadable; the content is empty, truncated
     *     (no END line), not valid base64 or not valid DER; it holds a public key or certificate instead of a private
     *     key; the key is encrypted and no passphrase was set, or the passphrase is wrong; the key is DSA, Ed25519,
     *     RSA-PSS or another unsupported type; an EC key is on a curve other than P-256 or has explicit (unnamed)
     *     curve parameters; an RSA key has fewer than 1024 bits
     */
    public static PrivateKey loadPrivateKey(KeySource source) {
        Objects.requireNonNull(source, "source");
        KeySource.Content content = source.read();
        char[] passphrase = source.passphrase();
        try {
            PrivateKeyInfo info = PemKeys.readPrivateKeyInfo(content, passphrase);
            PrivateKey key = toJdkPrivateKey(info, content.description);
            checkSupported(key, content.description);
            warnIfSmall(key, content.description);
            if (content.file != null) {
                KeySource.warnIfOpenToOthers(content.file, LOG);
            }
            return key;
        } finally {
            Arrays.fill(content.bytes, (byte) 0);
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * Loads a public key, for example to verify signatures or to compare with the key uploaded to CloudFront.
     *
     * <pre>{@code
     * PublicKey key = Keys.loadPublicKey(KeySource.file(Path.of("public_key.pem")));
     * }</pre>
     *
     * <p>Accepted: {@code BEGIN PUBLIC KEY} (SubjectPublicKeyInfo), {@code BEGIN RSA PUBLIC KEY} (PKCS#1),
     * {@code BEGIN CERTIFICATE} (the certificate's key is used), and the same as DER or bare base64. The same type
     * and curve rules as {@link #loadPrivateKey(KeySource)} apply, including the warning for RSA keys under 2048 bits.
     *
     * @param source where to read the key from
     * @return an {@link java.security.interfaces.RSAPublicKey} or a {@link java.security.interfaces.ECPublicKey}
     *     from the JDK's own provider
     * @throws NullPointerException if {@code source} is {@code null}
     * @throws KeyLoadingException if the file or resource is missing or unreadable; the content is empty, truncated,
     *     not valid base64 or DER; it holds a private key (the message says a public key is needed, and how to
     *     export one); the key is of an unsupported type or curve, or is an invalid EC point
     */
    public static PublicKey loadPublicKey(KeySource source) {
        Objects.requireNonNull(source, "source");
        KeySource.Content content = source.read();
        try {
            SubjectPublicKeyInfo info = PemKeys.readPublicKeyInfo(content);
            PublicKey key = toJdkPublicKey(info, content.description);
            checkSupported(key, content.description);
            warnIfSmall(key, content.description);
            return key;
        } finally {
            Arrays.fill(content.bytes, (byte) 0);
        }
    }

    private static void warnIfSmall(Key key, String source) {
        if (key instanceof RSAKey) {
            int bits = ((RSAKey) key).getModulus().bitLength();
            if (bits < KeyTypes.KEY_GROUP_RSA_BITS) {
                LOG.log(
                        Level.WARNING,
                        "RSA key of " + bits + " bits from " + source
                                + ": CloudFront key groups require 2048-bit keys");
            }
        }
    }

    private static PrivateKey toJdkPrivateKey(PrivateKeyInfo info, String source) {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        String problem = KeyTypes.unsupportedReason(algorithm);
        if (problem != null) {
            throw new KeyLoadingException(source, problem);
        }
        boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm());
        String type = rsa ? "RSA" : "EC";
        byte[] encoded = null;
        try {
            encoded = info.getEncoded(ASN1Encoding.DER);
            KeyFactory factory = KeyFactory.getInstance(type);
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(encoded));
            // Re-create the key from its values so that every format of the same key yields an equal object.
            if (key instanceof RSAPrivateCrtKey) {
                RSAPrivateCrtKey k = (RSAPrivateCrtKey) key;
                return factory.generatePrivate(new RSAPrivateCrtKeySpec(
                        k.getModulus(),
                        k.getPublicExponent(),
                        k.getPrivateExponent(),
                        k.getPrimeP(),
                        k.getPrimeQ(),
                        k.getPrimeExponentP(),
                        k.getPrimeExponentQ(),
                        k.getCrtCoefficient()));
            }
            if (key instanceof ECPrivateKey) {
                ECPrivateKey k = (ECPrivateKey) key;
                BigInteger s = k.getS();
                if (s.signum() <= 0 || s.compareTo(k.getParams().getOrder()) >= 0) {
                    throw new KeyLoadingException(
                            source, "the EC private key value is out of range for its curve:" + " the key is damaged");
                }
                return factory.generatePrivate(new ECPrivateKeySpec(s, k.getParams()));
            }
            return key;
        } catch (KeyLoadingException e) {
            throw e;
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new KeyLoadingException(
                    source,
                    "the " + type + " private key could not be decoded: the key is" + " damaged ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    private static PublicKey toJdkPublicKey(SubjectPublicKeyInfo info, String source) {
        AlgorithmIdentifier algorithm = info.getAlgorithm();
        String problem = KeyTypes.unsupportedReason(algorithm);
        if (problem != null) {
            throw new KeyLoadingException(source, problem);
        }
        boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm());
        String type = rsa ? "RSA" : "EC";
        try {
            if (rsa) {
                org.bouncycastle.asn1.pkcs.RSAPublicKey k =
                        org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(info.parsePublicKey());
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
            }
            // Decoding with BouncyCastle accepts compressed points and checks that the point is on the curve.
            org.bouncycastle.math.ec.ECPoint q = KeyTypes.P256
                    .X9
                    .getCurve()
                    .decodePoint(info.getPublicKeyData().getOctets())
                    .normalize();
            return KeyTypes.P256.publicKey(q);
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new KeyLoadingException(
                    source,
                    "the " + type + " public key could not be decoded: the key is damaged"
                            + " or is not a valid point (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Derivation and description

    /**
     * Derives the public key of a private key: for RSA from the modulus and public exponent of an
     * {@link RSAPrivateCrtKey}; for EC by computing Q = d&middot;G on P-256.
     *
     * <pre>{@code
     * PublicKey publicKey = Keys.publicKey(Keys.loadPrivateKey(source));
     * String encodedKey = Keys.toPem(publicKey);  // upload this to CloudFront
     * }</pre>
     *
     * @param privateKey an RSA CRT or EC P-256 private key, such as those {@link #loadPrivateKey(KeySource)} returns
     * @return the matching public key, as a JDK {@link java.security.interfaces.RSAPublicKey} or
     *     {@link java.security.interfaces.ECPublicKey}
     * @throws NullPointerException if {@code privateKey} is {@code null}
     * @throws IllegalArgumentException if the key is not supported by CloudFront (see
     *     {@link #loadPrivateKey(KeySource)}), is an RSA key without CRT values (its public exponent is unknown),
     *     or does not expose its values (for example a key held in a hardware token)
     */
    public static PublicKey publicKey(PrivateKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        checkSupported(privateKey, null);
        try {
            if (privateKey instanceof RSAPrivateCrtKey) {
                RSAPrivateCrtKey k = (RSAPrivateCrtKey) privateKey;
                if (k.getPublicExponent() == null || k.getPublicExponent().signum() <= 0) {
                    throw new IllegalArgumentException("Cannot derive the public key: the RSA private key does not"
                            + " carry its public exponent; load the public key with Keys.loadPublicKey instead");
                }
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
            }
            if (privateKey instanceof RSAPrivateKey) {
                throw new IllegalArgumentException(
                        "Cannot derive the public key: the RSA private key has no CRT values,"
                                + " so its public exponent is unknown; load it with Keys.loadPrivateKey (PKCS#8 or PKCS#1"
                                + " keys carry them) or load the public key with Keys.loadPublicKey");
            }
            if (privateKey instanceof ECPrivateKey) {
                BigInteger d = ((ECPrivateKey) privateKey).getS();
                org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier()
                        .multiply(KeyTypes.P256.X9.getG(), d)
                        .normalize();
                return KeyTypes.P256.publicKey(q);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot derive the public key of " + describe(privateKey) + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        throw new IllegalArgumentException("Cannot derive the public key of " + describe(privateKey) + " ("
                + privateKey.getClass().getName() + "): the key does not expose its values, for example because it"
                + " is held in a hardware token; load the public key with Keys.loadPublicKey instead");
    }

    /**
     * The SHA-256 fingerprint of a public key: lowercase hex of the SHA-256 digest of its SubjectPublicKeyInfo DER
     * encoding ({@code key.getEncoded()}). It is the same value as the one openssl prints after {@code = } for
     *
     * <pre>{@code
     * openssl pkey -pubin -in public_key.pem -outform DER | openssl dgst -sha256
     * }</pre>
     *
     * so it can be used to check which key was uploaded to CloudFront.
     *
     * @param key the public key
     * @return 64 lowercase hex characters
     * @throws NullPointerException if {@code key} is {@code null}
     * @throws IllegalArgumentException if the key has no encoded form
     */
    public static String fingerprint(PublicKey key) {
        return KeyText.fingerprint(key);
    }

    /**
     * Encodes a public key as PEM SubjectPublicKeyInfo: {@code -----BEGIN PUBLIC KEY-----}, base64 in lines of 64
     * characters, {@code \n} line ends and a final newline. This is the text CloudFront's {@code CreatePublicKey}
     * expects in {@code PublicKeyConfig.EncodedKey} and the console's "Key" field, and what {@code openssl rsa -pubout}
     * writes.
     *
     * <pre>{@code
     * String encodedKey = Keys.toPem(Keys.publicKey(privateKey));
     * }</pre>
     *
     * @param key the public key
     * @return the PEM text
     * @throws NullPointerException if {@code key} is {@code null}
     * @throws IllegalArgumentException if the key has no encoded form
     */
    public static String toPem(PublicKey key) {
        return KeyText.toPem(key);
    }

    /**
     * A short human-readable description of a key's type and size, for logs and messages: {@code RSA 2048-bit},
     * {@code ECDSA P-256}, {@code EC secp384r1 (P-384)}, {@code DSA 1024-bit}, or the algorithm name for other keys.
     * Never contains key material.
     *
     * @param key a public or private key
     * @return the description
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public static String describe(Key key) {
        return KeyText.describe(key);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Support checks

    /**
     * Checks that CloudFront accepts the key: RSA of at least 1024 bits, or EC on the named curve P-256. Keys that
     * do not expose their values (RSA or EC keys in a hardware token) are accepted, since they cannot be checked.
     *
     * @param key the key to check
     * @param sourceDescription where the key came from, or {@code null} when it was handed over as a key object
     * @throws KeyLoadingException if the key is not supported and {@code sourceDescription} is not {@code null}
     * @throws IllegalArgumentException if the key is not supported and {@code sourceDescription} is {@code null}
     */
    public static void checkSupported(Key key, String sourceDescription) {
        KeyTypes.checkSupported(key, sourceDescription);
    }
}
