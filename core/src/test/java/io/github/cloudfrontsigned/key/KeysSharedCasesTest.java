package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.NoKeyMaterial;
import io.github.cloudfrontsigned.OpenSsl;
import io.github.cloudfrontsigned.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of AWS's cross-SDK test vectors ({@code core/src/test/resources/aws-shared-cases}, the AWS CLI's test keys). */
final class KeysSharedCasesTest {

    @TempDir
    Path dir;

    private static KeySource shared(String name) {
        return KeySource.file(SharedTestData.file(name));
    }

    /**
     * A shared key copied to a file only its owner may read, so that the permission warning (see
     * {@link KeyFilePermissionsTest}) does not mix with the warnings tested here.
     */
    private KeySource ownerOnly(String name) throws java.io.IOException {
        Path copy = Files.copy(SharedTestData.file(name), dir.resolve(name));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        }
        return KeySource.file(copy);
    }

    /** Runs {@code action} and returns what was logged to the {@code Keys} logger. */
    private static List<LogRecord> logged(Runnable action) {
        return LogCapture.logged(Keys.class, action);
    }

    @Test
    void rsaPkcs8AndPkcs1_loadToEqualKeys() {
        assertEquals(
                Keys.loadPrivateKey(shared("test-rsa-key.pem")), Keys.loadPrivateKey(shared("test-rsa-key-pkcs1.pem")));
    }

    @Test
    void ecdsaPkcs8AndSec1_loadToEqualKeys() {
        assertEquals(
                Keys.loadPrivateKey(shared("test-ecdsa-key.pem")),
                Keys.loadPrivateKey(shared("test-ecdsa-key-sec1.pem")));
    }

    @Test
    void publicKeyOfRsaKey_equalsSharedPublicKey() {
        assertEquals(
                Keys.loadPublicKey(shared("test-rsa-key-public.pem")),
                Keys.publicKey(Keys.loadPrivateKey(shared("test-rsa-key-pkcs1.pem"))));
    }

    @Test
    void publicKeyOfEcdsaKey_equalsSharedPublicKey() {
        assertEquals(
                Keys.loadPublicKey(shared("test-ecdsa-key-public.pem")),
                Keys.publicKey(Keys.loadPrivateKey(shared("test-ecdsa-key-sec1.pem"))));
    }

    @Test
    void toPemOfDerivedPublicKeys_equalsSharedPublicKeyFiles() throws Exception {
        assertEquals(
                Files.readString(SharedTestData.file("test-rsa-key-public.pem")),
                Keys.toPem(Keys.publicKey(Keys.loadPrivateKey(shared("test-rsa-key.pem")))));
        assertEquals(
                Files.readString(SharedTestData.file("test-ecdsa-key-public.pem")),
                Keys.toPem(Keys.publicKey(Keys.loadPrivateKey(shared("test-ecdsa-key.pem")))));
    }

    @Test
    void fingerprintOfSharedPublicKeys_equalsOpensslPipeline() {
        for (String name : List.of("test-rsa-key-public.pem", "test-ecdsa-key-public.pem")) {
            assertEquals(
                    OpenSsl.fingerprint(SharedTestData.file(name)), Keys.fingerprint(Keys.loadPublicKey(shared(name))));
        }
    }

    @Test
    void rsaSha1SignatureWithLoadedPkcs1Key_isByteForByteOpenssl() throws Exception {
        String policy = "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/image.jpg\","
                + "\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400}}}]}";
        Path policyFile = Files.writeString(dir.resolve("policy.json"), policy);
        OpenSsl.run(
                dir,
                "dgst",
                "-sha1",
                "-sign",
                SharedTestData.file("test-rsa-key-pkcs1.pem").toString(),
                "-out",
                "signature.bin",
                policyFile.toString());

        Signature signer = Signature.getInstance("SHA1withRSA");
        signer.initSign(Keys.loadPrivateKey(shared("test-rsa-key-pkcs1.pem")));
        signer.update(policy.getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(Files.readAllBytes(dir.resolve("signature.bin")), signer.sign());
    }

    @Test
    void dsaKey_isRefusedNamingSupportedKeyTypes() throws Exception {
        KeySource source = shared("test-dsa-key.pem");

        KeyLoadingException e = assertThrows(KeyLoadingException.class, () -> Keys.loadPrivateKey(source));

        assertTrue(e.getMessage().contains(source.description()), e.getMessage());
        for (String word : List.of("key", "RSA", "ECDSA")) {
            assertTrue(e.getMessage().contains(word), e.getMessage());
        }
        NoKeyMaterial.assertAbsent(e, Files.readString(SharedTestData.file("test-dsa-key.pem")), null);
    }

    @Test
    void rsa1024Key_isAcceptedWithOneWarning() throws Exception {
        KeySource source = ownerOnly("test-rsa-key.pem");
        PrivateKey[] key = new PrivateKey[1];

        List<LogRecord> records = logged(() -> key[0] = Keys.loadPrivateKey(source));

        assertEquals("RSA 1024-bit", Keys.describe(key[0]));
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals(
                "RSA key of 1024 bits from " + source.description() + ": CloudFront key groups require 2048-bit keys",
                records.get(0).getMessage());
        NoKeyMaterial.assertAbsent(
                records.get(0).getMessage(), Files.readString(SharedTestData.file("test-rsa-key.pem")), null);
    }

    @Test
    void ecdsaKey_logsNothing() throws Exception {
        KeySource source = ownerOnly("test-ecdsa-key.pem");
        List<LogRecord> records = logged(() -> Keys.loadPrivateKey(source));

        assertEquals(List.of(), records);
    }
}
