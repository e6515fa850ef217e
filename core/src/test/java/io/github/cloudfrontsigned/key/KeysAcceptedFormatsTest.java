package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.GeneratedKeys;
import io.github.cloudfrontsigned.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every private and public key format openssl writes that the loader must accept. */
final class KeysAcceptedFormatsTest {

    @TempDir
    static Path dir;

    private static GeneratedKeys keys;

    private static final byte[] POLICY =
            ("{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/a.jpg\","
                            + "\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400}}}]}")
                    .getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void generateKeys() {
        keys = new GeneratedKeys(dir);
        privateKeyFormats().forEach(a -> {
            keys.file((String) a.get()[0]);
            keys.file((String) a.get()[1]);
        });
    }

    /** Private key file, the openssl {@code -pubout} file of the same key, and whether it is encrypted. */
    static Stream<Arguments> privateKeyFormats() {
        return Stream.of(
                Arguments.of("rsa-pkcs1.pem", "rsa-pkcs1-public.pem", false),
                Arguments.of("rsa-pkcs1.der", "rsa-pkcs1-public.pem", false),
                Arguments.of("rsa-pkcs8.pem", "rsa-pkcs8-public.pem", false),
                Arguments.of("rsa-pkcs8.der", "rsa-pkcs8-public.pem", false),
                Arguments.of("rsa-encrypted-pkcs8.pem", "rsa-pkcs8-public.pem", true),
                Arguments.of("rsa-encrypted-pkcs8.der", "rsa-pkcs8-public.pem", true),
                Arguments.of("rsa-legacy-encrypted.pem", "rsa-pkcs1-public.pem", true),
                Arguments.of("ec-sec1.pem", "ec-sec1-public.pem", false),
                Arguments.of("ec-sec1.der", "ec-sec1-public.pem", false),
                Arguments.of("ec-with-params.pem", "ec-with-params-public.pem", false),
                Arguments.of("ec-pkcs8.pem", "ec-sec1-public.pem", false),
                Arguments.of("ec-pkcs8.der", "ec-sec1-public.pem", false),
                Arguments.of("ec-encrypted-pkcs8.pem", "ec-sec1-public.pem", true),
                Arguments.of("ec-legacy-encrypted.pem", "ec-sec1-public.pem", true));
    }

    private static KeySource source(String file, boolean encrypted) {
        KeySource source = KeySource.file(keys.file(file));
        return encrypted ? source.withPassphrase(GeneratedKeys.PASSPHRASE.toCharArray()) : source;
    }

    private static String jcaName(PrivateKey key) {
        return key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeyFormats")
    void loadPrivateKey_signsWhatOpensslPublicKeyVerifies(String privateFile, String publicFile, boolean encrypted)
            throws Exception {
        PrivateKey privateKey = Keys.loadPrivateKey(source(privateFile, encrypted));
        PublicKey publicKey = Keys.loadPublicKey(KeySource.file(keys.file(publicFile)));

        Signature signer = Signature.getInstance(jcaName(privateKey));
        signer.initSign(privateKey);
        signer.update(POLICY);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance(jcaName(privateKey));
        verifier.initVerify(publicKey);
        verifier.update(POLICY);
        assertTrue(verifier.verify(signature));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeyFormats")
    void fingerprintOfDerivedPublicKey_equalsOpensslPipeline(String privateFile, String publicFile, boolean encrypted) {
        PrivateKey privateKey = Keys.loadPrivateKey(source(privateFile, encrypted));

        assertEquals(OpenSsl.fingerprint(keys.file(publicFile)), Keys.fingerprint(Keys.publicKey(privateKey)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeyFormats")
    void publicKeyOfLoadedKey_equalsOpensslPubout(String privateFile, String publicFile, boolean encrypted) {
        PrivateKey privateKey = Keys.loadPrivateKey(source(privateFile, encrypted));

        assertEquals(Keys.loadPublicKey(KeySource.file(keys.file(publicFile))), Keys.publicKey(privateKey));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeyFormats")
    void toPemOfDerivedPublicKey_isByteForByteOpensslPubout(String privateFile, String publicFile, boolean encrypted)
            throws Exception {
        PrivateKey privateKey = Keys.loadPrivateKey(source(privateFile, encrypted));

        assertEquals(Files.readString(keys.file(publicFile)), Keys.toPem(Keys.publicKey(privateKey)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa-pkcs1.der", "rsa-legacy-encrypted.pem", "rsa-public-pkcs1.pem"})
    void rsaFormatsOfOneKey_loadToEqualKeys(String other) {
        PrivateKey reference = Keys.loadPrivateKey(KeySource.file(keys.file("rsa-pkcs1.pem")));
        if (other.contains("public")) {
            assertEquals(Keys.publicKey(reference), Keys.loadPublicKey(KeySource.file(keys.file(other))));
        } else {
            assertEquals(reference, Keys.loadPrivateKey(source(other, other.contains("encrypted"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ec-sec1.der",
                "ec-pkcs8.pem",
                "ec-pkcs8.der",
                "ec-encrypted-pkcs8.pem",
                "ec-legacy-encrypted.pem"
            })
    void ecFormatsOfOneKey_loadToEqualKeys(String other) {
        PrivateKey reference = Keys.loadPrivateKey(KeySource.file(keys.file("ec-sec1.pem")));

        assertEquals(reference, Keys.loadPrivateKey(source(other, other.contains("encrypted"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa-pkcs1-public.pem", "rsa-public.der", "rsa-public-pkcs1.pem"})
    void loadPublicKey_rsaPublicKeyFormats(String file) {
        PublicKey expected = Keys.publicKey(Keys.loadPrivateKey(KeySource.file(keys.file("rsa-pkcs1.pem"))));

        assertEquals(expected, Keys.loadPublicKey(KeySource.file(keys.file(file))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa-cert.pem", "rsa-cert.der"})
    void loadPublicKey_certificate_takesItsKey(String file) {
        PublicKey expected = Keys.loadPublicKey(KeySource.file(keys.file("rsa-pkcs8-public.pem")));

        assertEquals(expected, Keys.loadPublicKey(KeySource.file(keys.file(file))));
    }

    @Test
    void loadPublicKey_ecCertificate_takesItsKey() {
        PublicKey expected = Keys.loadPublicKey(KeySource.file(keys.file("ec-sec1-public.pem")));

        assertEquals(expected, Keys.loadPublicKey(KeySource.file(keys.file("ec-cert.pem"))));
    }

    @Test
    void loadPublicKey_compressedEcPoint_equalsUncompressedKey() {
        PublicKey expected = Keys.loadPublicKey(KeySource.file(keys.file("ec-sec1-public.pem")));

        assertEquals(expected, Keys.loadPublicKey(KeySource.file(keys.file("ec-public-compressed.pem"))));
    }

    @Test
    void loadPrivateKey_rsa_returnsJdkCrtKey() {
        PrivateKey key = Keys.loadPrivateKey(KeySource.file(keys.file("rsa-pkcs1.pem")));

        assertInstanceOf(RSAPrivateCrtKey.class, key);
        assertEquals("RSA 2048-bit", Keys.describe(key));
    }

    @Test
    void loadPrivateKey_ec_returnsJdkEcKey() {
        PrivateKey key = Keys.loadPrivateKey(KeySource.file(keys.file("ec-sec1.pem")));

        assertInstanceOf(ECPrivateKey.class, key);
        assertEquals("ECDSA P-256", Keys.describe(key));
    }

    @Test
    void loadPrivateKey_keyAndCertificateInOneFile_usesTheKey() throws Exception {
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, keys.text("rsa-cert.pem") + keys.text("rsa-pkcs8.pem"));

        assertEquals(
                Keys.loadPrivateKey(KeySource.file(keys.file("rsa-pkcs8.pem"))),
                Keys.loadPrivateKey(KeySource.file(combined)));
    }

    @Test
    void loadPrivateKey_encryptedKey_registersNoGlobalProvider() {
        Keys.loadPrivateKey(source("rsa-encrypted-pkcs8.pem", true));

        assertNull(Security.getProvider("BC"));
    }

    @Test
    void loadPrivateKey_passphraseOnUnencryptedKey_isIgnored() {
        assertEquals(
                Keys.loadPrivateKey(KeySource.file(keys.file("ec-sec1.pem"))),
                Keys.loadPrivateKey(source("ec-sec1.pem", true)));
    }
}
