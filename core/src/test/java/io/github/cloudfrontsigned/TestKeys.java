package io.github.cloudfrontsigned;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Keys generated once per test run: real RSA-2048 and ECDSA P-256 key pairs. Public in core's test jar, for the
 * tests of other modules.
 */
public final class TestKeys {

    /** The key pair ID the tests of other modules sign {@link #RSA} with. */
    public static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";

    /** An RSA-2048 key pair. */
    public static final KeyPair RSA = generate("RSA");
    /** A second RSA-2048 key pair (rotation, forgery). */
    public static final KeyPair RSA_2 = generate("RSA");
    /** An ECDSA P-256 key pair. */
    public static final KeyPair EC = generate("EC");

    private TestKeys() {}

    /**
     * @param algorithm {@code RSA} (2048 bits) or {@code EC} (P-256)
     * @return a new key pair
     */
    public static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param key a private key
     * @return the key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), 64-character lines
     */
    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * @param key a private key
     * @return a temporary file holding {@link #pem(PrivateKey)}, deleted when the JVM exits
     */
    public static Path pemFile(PrivateKey key) {
        try {
            Path file = Files.createTempFile("cloudfront-test-key", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem(key));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
