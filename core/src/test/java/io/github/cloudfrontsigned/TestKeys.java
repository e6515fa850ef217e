package io.github.cloudfrontsigned;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Keys generated once per test run: real RSA-2048 and ECDSA P-256 key pairs. */
final class TestKeys {

    static final KeyPair RSA = generate("RSA");
    static final KeyPair RSA_2 = generate("RSA");
    static final KeyPair EC = generate("EC");

    private TestKeys() {
    }

    private static KeyPair generate(String algorithm) {
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
