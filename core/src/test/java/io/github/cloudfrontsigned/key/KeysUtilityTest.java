package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.OpenSsl;
import io.github.cloudfrontsigned.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fingerprint}, {@code toPem}, {@code describe}, {@code publicKey} and {@code checkSupported}. */
final class KeysUtilityTest {

    @TempDir
    Path dir;

    private static PrivateKey sharedPrivate(String name) {
        return Keys.loadPrivateKey(KeySource.file(SharedTestData.file(name)));
    }

    private static PrivateKey dsaKey() throws Exception {
        String body = Files.readString(SharedTestData.file("test-dsa-key.pem"))
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .collect(Collectors.joining());
        return KeyFactory.getInstance("DSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static PrivateKey ecKey(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void fingerprint_isLowercaseHexSha256() {
        String fingerprint = Keys.fingerprint(Keys.publicKey(sharedPrivate("test-ecdsa-key.pem")));

        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
    }

    @Test
    void fingerprint_ofToPemOutput_equalsOpensslPipeline() throws Exception {
        PublicKey key = Keys.publicKey(sharedPrivate("test-rsa-key.pem"));
        Path pem = Files.writeString(dir.resolve("public.pem"), Keys.toPem(key));

        assertEquals(OpenSsl.fingerprint(pem), Keys.fingerprint(key));
    }

    @Test
    void toPem_hasArmour64CharacterLinesAndFinalNewline() {
        String pem = Keys.toPem(Keys.publicKey(sharedPrivate("test-rsa-key.pem")));

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
        assertTrue(!pem.contains("\r"), pem);
        pem.lines().forEach(line -> assertTrue(line.length() <= 64, line));
    }

    @Test
    void toPem_roundTripsThroughLoadPublicKey() {
        PublicKey key = Keys.publicKey(sharedPrivate("test-ecdsa-key.pem"));

        assertEquals(key, Keys.loadPublicKey(KeySource.inline(Keys.toPem(key))));
    }

    @Test
    void describe_rsa_givesBits() {
        assertEquals("RSA 1024-bit", Keys.describe(sharedPrivate("test-rsa-key.pem")));
    }

    @Test
    void describe_ecP256_isEcdsaP256() {
        assertEquals("ECDSA P-256", Keys.describe(Keys.publicKey(sharedPrivate("test-ecdsa-key.pem"))));
    }

    @Test
    void describe_otherCurve_namesIt() throws Exception {
        assertEquals("EC secp384r1 (P-384)", Keys.describe(ecKey("secp384r1")));
    }

    @Test
    void describe_dsa_givesBits() throws Exception {
        assertEquals("DSA 1024-bit", Keys.describe(dsaKey()));
    }

    @Test
    void describe_ed25519_isEd25519() throws Exception {
        assertEquals(
                "Ed25519",
                Keys.describe(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPrivate()));
    }

    @Test
    void publicKey_rsaWithoutCrtValues_isRefused() throws Exception {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) sharedPrivate("test-rsa-key.pem");
        PrivateKey plain = KeyFactory.getInstance("RSA")
                .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Keys.publicKey(plain));

        assertTrue(e.getMessage().contains("no CRT values"), e.getMessage());
    }

    @Test
    void publicKey_otherCurve_isRefusedNamingIt() throws Exception {
        PrivateKey p384 = ecKey("secp384r1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Keys.publicKey(p384));

        assertTrue(e.getMessage().contains("secp384r1"), e.getMessage());
    }

    @Test
    void publicKey_dsa_isRefused() throws Exception {
        PrivateKey dsa = dsaKey();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Keys.publicKey(dsa));

        assertTrue(e.getMessage().contains("DSA keys are not supported"), e.getMessage());
    }

    @Test
    void publicKey_ecP256GeneratedByJdk_matchesJdkPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();

        assertEquals(pair.getPublic(), Keys.publicKey(pair.getPrivate()));
    }

    @Test
    void checkSupported_unsupportedKeyWithoutSource_throwsIllegalArgument() throws Exception {
        PrivateKey ed25519 =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Keys.checkSupported(ed25519, null));

        assertTrue(e.getMessage().contains("Ed25519 keys are not supported"), e.getMessage());
    }

    @Test
    void checkSupported_unsupportedKeyWithSource_throwsKeyLoadingNamingSource() throws Exception {
        PrivateKey p384 = ecKey("secp384r1");

        KeyLoadingException e =
                assertThrows(KeyLoadingException.class, () -> Keys.checkSupported(p384, "signer configuration"));

        assertTrue(
                e.getMessage().contains("signer configuration")
                        && e.getMessage().contains("secp384r1"),
                e.getMessage());
    }

    @Test
    void checkSupported_rsaBelow1024Bits_isRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        PrivateKey small = generator.generateKeyPair().getPrivate();

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Keys.checkSupported(small, null));

        assertTrue(e.getMessage().contains("512 bits"), e.getMessage());
    }

    @Test
    void checkSupported_supportedKeys_pass() throws Exception {
        assertDoesNotThrow(() -> Keys.checkSupported(sharedPrivate("test-rsa-key.pem"), null));
        assertDoesNotThrow(() -> Keys.checkSupported(ecKey("secp256r1"), null));
    }

    @Test
    void nullArguments_throwNullPointerException() {
        assertThrows(NullPointerException.class, () -> Keys.loadPrivateKey(null));
        assertThrows(NullPointerException.class, () -> Keys.loadPublicKey(null));
        assertThrows(NullPointerException.class, () -> Keys.publicKey(null));
        assertThrows(NullPointerException.class, () -> Keys.fingerprint(null));
        assertThrows(NullPointerException.class, () -> Keys.toPem(null));
        assertThrows(NullPointerException.class, () -> Keys.describe(null));
    }
}
