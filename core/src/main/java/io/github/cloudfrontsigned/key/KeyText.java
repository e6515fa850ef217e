package io.github.cloudfrontsigned.key;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a key looks like to people and to CloudFront's console: its SHA-256 fingerprint, its PEM text and a short
 * description of its type and size. The public entry points are {@link Keys}' methods of the same names.
 * Thread safety: stateless.
 */
final class KeyText {

    private KeyText() {}

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
    static String fingerprint(PublicKey key) {
        byte[] encoded = encodedPublicKey(key);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
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
    static String toPem(PublicKey key) {
        byte[] encoded = encodedPublicKey(key);
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(encoded);
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] encodedPublicKey(PublicKey key) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"X.509".equals(key.getFormat())) {
            throw new IllegalArgumentException(
                    "The " + key.getAlgorithm() + " public key has no X.509" + " (SubjectPublicKeyInfo) encoding");
        }
        return encoded;
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
    static String describe(Key key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof RSAKey) {
            String name = "RSA".equals(key.getAlgorithm()) ? "RSA" : key.getAlgorithm();
            return name + " " + ((RSAKey) key).getModulus().bitLength() + "-bit";
        }
        if (key instanceof ECKey) {
            ECParameterSpec params = ((ECKey) key).getParams();
            return KeyTypes.P256.matches(params) ? "ECDSA P-256" : "EC " + KeyTypes.curveName(key);
        }
        if (key instanceof java.security.interfaces.DSAKey
                && ((java.security.interfaces.DSAKey) key).getParams() != null) {
            return "DSA "
                    + ((java.security.interfaces.DSAKey) key).getParams().getP().bitLength() + "-bit";
        }
        if (key instanceof EdECKey) {
            return ((EdECKey) key).getParams().getName();
        }
        return key.getAlgorithm();
    }

    /**
     * @param text a key file's text that is neither PEM nor base64
     * @return {@code ": "} and how to convert it, for the formats people try (PuTTY, OpenSSH public keys), else ""
     */
    static String unsupportedFormatHint(String text) {
        String t = text.stripLeading();
        if (t.startsWith("PuTTY-User-Key-File")) {
            return ": PuTTY .ppk keys are not supported; export a PEM key with puttygen"
                    + " (puttygen key.ppk -O private-openssh -o private_key.pem)";
        }
        if (t.startsWith("ssh-rsa ") || t.startsWith("ecdsa-sha2-") || t.startsWith("ssh-ed25519 ")) {
            return ": OpenSSH public keys (ssh-rsa AAAA...) are not supported; CloudFront needs a PEM key"
                    + " (openssl rsa -pubout / openssl ec -pubout)";
        }
        return "";
    }
}
