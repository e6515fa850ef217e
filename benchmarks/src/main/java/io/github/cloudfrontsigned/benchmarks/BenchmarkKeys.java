package io.github.cloudfrontsigned.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * Keys for the benchmarks, made with the JDK's {@link KeyPairGenerator} from a fixed seed so that every JMH
 * fork (and so the AWS SDK's benchmarks and ours) signs with the same RSA-2048 and ECDSA P-256 keys. Never use
 * a seeded generator for real keys.
 */
final class BenchmarkKeys {

    /** The key pair ID every benchmark signs with. */
    static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";

    private BenchmarkKeys() {}

    /** @return the RSA-2048 key pair, the same in every fork */
    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, seeded("rsa"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the RSA-2048 benchmark key: " + e, e);
        }
    }

    /** @return the ECDSA P-256 key pair, the same in every fork */
    static KeyPair ecdsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), seeded("ec"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the ECDSA P-256 benchmark key: " + e, e);
        }
    }

    /** @return the key pair for {@code keyType} {@code RSA} or {@code EC} */
    static KeyPair of(String keyType) {
        switch (keyType) {
            case "RSA":
                return rsa();
            case "EC":
                return ecdsa();
            default:
                throw new IllegalArgumentException("key type \"" + keyType + "\": use RSA or EC");
        }
    }

    private static SecureRandom seeded(String label) throws GeneralSecurityException {
        // SHA1PRNG seeded before its first use is deterministic: the same key in every JVM.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(
                ("cloudfront-signed benchmark key " + label).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return random;
    }
}
