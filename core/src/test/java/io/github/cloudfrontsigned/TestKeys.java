package io.github.cloudfrontsigned;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Keys generated once per test run: real RSA-2048 and ECDSA P-256 key pairs. Public in core's test jar, for the
 * tests of other modules.
 */
public final class TestKeys {

    /** An RSA-2048 key pair. */
    public static final KeyPair RSA = generate("RSA");
    /** A second RSA-2048 key pair (rotation, forgery). */
    public static final KeyPair RSA_2 = generate("RSA");
    /** An ECDSA P-256 key pair. */
    public static final KeyPair EC = generate("EC");

    private TestKeys() {
    }

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
}
