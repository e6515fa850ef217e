package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import java.nio.file.Path;
import java.security.KeyPair;

/** One real RSA-2048 key pair per test run (core's test key), its private key as a PKCS#8 PEM file, and a signer. */
public final class TestKeys {

    /** The key pair ID the tests sign with. */
    public static final String KEY_PAIR_ID = io.github.cloudfrontsigned.TestKeys.KEY_PAIR_ID;
    /** The key pair. */
    public static final KeyPair RSA = io.github.cloudfrontsigned.TestKeys.RSA;
    /** The private key as a PEM file (deleted on exit). */
    public static final Path RSA_PEM = io.github.cloudfrontsigned.TestKeys.pemFile(RSA.getPrivate());

    private TestKeys() {}

    /** @return a new signer over the test key (SHA-1, CloudFront's default for RSA) */
    public static CloudFrontSigner signer() {
        return CloudFrontSigner.builder().key(KEY_PAIR_ID, RSA.getPrivate()).build();
    }
}
