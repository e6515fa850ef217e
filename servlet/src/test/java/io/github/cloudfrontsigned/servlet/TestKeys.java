package io.github.cloudfrontsigned.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** One real RSA-2048 key pair per test run, and its private key as a PKCS#8 PEM file. */
final class TestKeys {

    static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    static final KeyPair RSA = generate();
    static final Path RSA_PEM = write(RSA);

    private TestKeys() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private static Path write(KeyPair pair) {
        try {
            Path file = Files.createTempFile("cloudfront-servlet-test", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem(pair));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
