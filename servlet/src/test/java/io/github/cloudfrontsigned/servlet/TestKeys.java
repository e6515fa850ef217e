package io.github.cloudfrontsigned.servlet;

import java.nio.file.Path;
import java.security.KeyPair;

/** One real RSA-2048 key pair per test run (core's test key), and its private key as a PKCS#8 PEM file. */
final class TestKeys {

    static final String KEY_PAIR_ID = io.github.cloudfrontsigned.TestKeys.KEY_PAIR_ID;
    static final KeyPair RSA = io.github.cloudfrontsigned.TestKeys.RSA;
    static final Path RSA_PEM = io.github.cloudfrontsigned.TestKeys.pemFile(RSA.getPrivate());

    private TestKeys() {}

    static String pem(KeyPair pair) {
        return io.github.cloudfrontsigned.TestKeys.pem(pair.getPrivate());
    }
}
