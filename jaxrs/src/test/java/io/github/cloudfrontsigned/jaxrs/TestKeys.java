package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** One real RSA-2048 key pair per test run, its private key as a PKCS#8 PEM file, and a signer over it. */
public final class TestKeys {

    /** The key pair ID the tests sign with. */
    public static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    /** The generated key pair. */
    public static final KeyPair RSA = generate();
    /** The private key as a PEM file (deleted on exit). */
    public static final Path RSA_PEM = write(RSA);

    private TestKeys() {
    }

    /** @return a new signer over the test key (SHA-1, CloudFront's default for RSA) */
    public static CloudFrontSigner signer() {
        return CloudFrontSigner.builder().key(KEY_PAIR_ID, RSA.getPrivate()).build();
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

    private static Path write(KeyPair pair) {
        try {
            Path file = Files.createTempFile("cloudfront-jaxrs-test", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                    "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
