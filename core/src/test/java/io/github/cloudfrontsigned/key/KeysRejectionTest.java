package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.GeneratedKeys;
import io.github.cloudfrontsigned.NoKeyMaterial;
import io.github.cloudfrontsigned.OpenSsl;
import io.github.cloudfrontsigned.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input: each is refused with a message that names the source and the problem, and that reveals
 * neither key material nor the passphrase.
 */
final class KeysRejectionTest {

    @TempDir
    static Path dir;

    private static GeneratedKeys keys;

    private static final String WRONG_PASSPHRASE = "Wrong-Battery-9";

    @BeforeAll
    static void generateKeys() {
        keys = new GeneratedKeys(dir);
    }

    private static KeyLoadingException rejectPrivate(KeySource source) {
        return assertThrows(KeyLoadingException.class, () -> Keys.loadPrivateKey(source));
    }

    private static KeyLoadingException rejectPublic(KeySource source) {
        return assertThrows(KeyLoadingException.class, () -> Keys.loadPublicKey(source));
    }

    /** The message names the source and contains every word (case-sensitive). */
    private static void assertMessage(KeyLoadingException e, KeySource source, String... words) {
        String message = e.getMessage();
        assertTrue(message.contains(source.description()), () -> "source not named: " + message);
        assertEquals(source.description(), e.sourceDescription());
        for (String word : words) {
            assertTrue(message.contains(word), () -> "'" + word + "' missing from: " + message);
        }
    }

    private static Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // --- not found, empty -----------------------------------------------------------------------------------

    @Test
    void loadPrivateKey_missingFile_namesThePath() {
        KeySource source = KeySource.file(dir.resolve("no-such-key.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(
                e, source, "file not found", dir.resolve("no-such-key.pem").toString());
    }

    @Test
    void loadPrivateKey_directory_saysItIsADirectory() {
        KeySource source = KeySource.file(dir);

        assertMessage(rejectPrivate(source), source, "is a directory");
    }

    @Test
    void loadPrivateKey_missingClasspathResource_namesTheResource() {
        KeySource source = KeySource.classpath("keys/no-such-key.pem");

        assertMessage(rejectPrivate(source), source, "classpath resource not found: keys/no-such-key.pem");
    }

    @Test
    void loadPrivateKey_missingBareLocation_namesFileAndClasspath() {
        KeySource source = KeySource.location("keys/no-such-key.pem");

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(
                e,
                source,
                "no file " + Path.of("keys/no-such-key.pem").toAbsolutePath(),
                "no classpath resource keys/no-such-key.pem");
    }

    @Test
    void loadPrivateKey_hugeFile_isRefusedUnread() {
        KeySource source = KeySource.file(write("huge.pem", new byte[KeySource.MAX_KEY_BYTES + 1]));

        assertMessage(rejectPrivate(source), source, "too large for a key file");
    }

    @Test
    void loadPrivateKey_emptyFile_saysEmpty() {
        KeySource source = KeySource.file(write("empty.pem", ""));

        assertMessage(rejectPrivate(source), source, "empty");
    }

    @Test
    void loadPrivateKey_blankInline_saysEmpty() {
        KeySource source = KeySource.inline(" \n\\n\t ");

        assertMessage(rejectPrivate(source), source, "empty");
    }

    // --- unsupported key types and curves --------------------------------------------------------------------

    @Test
    void loadPublicKey_dsaPublicKey_namesSupportedKeyTypes() {
        String dsaPublic = OpenSsl.run(
                dir, "pkey", "-in", SharedTestData.file("test-dsa-key.pem").toString(), "-pubout");
        KeySource source = KeySource.inline(dsaPublic);

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "DSA keys are not supported", "RSA", "ECDSA");
        NoKeyMaterial.assertAbsent(e, dsaPublic, null);
    }

    @Test
    void loadPrivateKey_ed25519Key_isRefused() {
        KeySource source = KeySource.file(keys.file("ed25519.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "Ed25519 keys are not supported", "RSA", "ECDSA P-256");
        NoKeyMaterial.assertAbsent(e, keys.text("ed25519.pem"), null);
    }

    @Test
    void loadPublicKey_ed25519PublicKey_isRefused() {
        KeySource source = KeySource.file(keys.file("ed25519-public.pem"));

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "Ed25519 keys are not supported");
        NoKeyMaterial.assertAbsent(e, keys.text("ed25519-public.pem"), null);
    }

    @Test
    void loadPrivateKey_secp384r1Key_namesTheCurve() {
        KeySource source = KeySource.file(keys.file("p384.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "secp384r1", "not supported", "P-256", "prime256v1");
        NoKeyMaterial.assertAbsent(e, keys.text("p384.pem"), null);
    }

    @Test
    void loadPublicKey_secp384r1PublicKey_namesTheCurve() {
        KeySource source = KeySource.file(keys.file("p384-public.pem"));

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "secp384r1", "not supported");
        NoKeyMaterial.assertAbsent(e, keys.text("p384-public.pem"), null);
    }

    @Test
    void loadPrivateKey_explicitCurveParameters_isRefusedWithFix() {
        KeySource source = KeySource.file(keys.file("ec-explicit.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "explicit (unnamed) curve parameters", "-param_enc named_curve");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-explicit.pem"), null);
    }

    @Test
    void loadPublicKey_explicitCurveParameters_isRefused() {
        KeySource source = KeySource.file(keys.file("ec-explicit-public.pem"));

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "explicit (unnamed) curve parameters");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-explicit-public.pem"), null);
    }

    @Test
    void loadPrivateKey_rsa512_isRefusedAsTooSmall() {
        KeySource source = KeySource.file(keys.file("rsa-512.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "512 bits", "2048");
        NoKeyMaterial.assertAbsent(e, keys.text("rsa-512.pem"), null);
    }

    @Test
    void loadPrivateKey_openSshKey_suggestsConversion() {
        String text = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";
        KeySource source = KeySource.inline(text);

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "OpenSSH private key format", "ssh-keygen");
        NoKeyMaterial.assertAbsent(e, text, null);
    }

    @Test
    void loadPrivateKey_openSshPublicKeyText_saysNotPem() {
        String text = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host\n";
        KeySource source = KeySource.file(write("id_rsa.pub", text));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "neither PEM", "OpenSSH public keys");
        assertTrue(!e.getMessage().contains("AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"));
    }

    // --- encryption ------------------------------------------------------------------------------------------

    @Test
    void loadPrivateKey_encryptedPkcs8WithoutPassphrase_asksForPassphrase() {
        KeySource source = KeySource.file(keys.file("rsa-encrypted-pkcs8.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "is encrypted: set a passphrase", "withPassphrase");
        NoKeyMaterial.assertAbsent(e, keys.text("rsa-encrypted-pkcs8.pem"), GeneratedKeys.PASSPHRASE);
    }

    @Test
    void loadPrivateKey_encryptedPkcs8DerWithoutPassphrase_asksForPassphrase() {
        KeySource source = KeySource.file(keys.file("rsa-encrypted-pkcs8.der"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "is encrypted: set a passphrase");
        NoKeyMaterial.assertAbsent(e, keys.bytes("rsa-encrypted-pkcs8.der"), GeneratedKeys.PASSPHRASE);
    }

    @Test
    void loadPrivateKey_legacyEncryptedWithoutPassphrase_asksForPassphrase() {
        KeySource source = KeySource.file(keys.file("rsa-legacy-encrypted.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "is encrypted: set a passphrase");
        NoKeyMaterial.assertAbsent(e, keys.text("rsa-legacy-encrypted.pem"), GeneratedKeys.PASSPHRASE);
    }

    @Test
    void loadPrivateKey_encryptedPkcs8WrongPassphrase_saysPassphraseIsWrong() {
        KeySource source =
                KeySource.file(keys.file("ec-encrypted-pkcs8.pem")).withPassphrase(WRONG_PASSPHRASE.toCharArray());

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "passphrase is wrong");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-encrypted-pkcs8.pem"), WRONG_PASSPHRASE);
        NoKeyMaterial.assertAbsent(e, keys.text("ec-encrypted-pkcs8.pem"), GeneratedKeys.PASSPHRASE);
    }

    @Test
    void loadPrivateKey_legacyEncryptedWrongPassphrase_saysPassphraseIsWrong() {
        KeySource source =
                KeySource.file(keys.file("ec-legacy-encrypted.pem")).withPassphrase(WRONG_PASSPHRASE.toCharArray());

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "passphrase is wrong");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-legacy-encrypted.pem"), WRONG_PASSPHRASE);
    }

    // --- public versus private -------------------------------------------------------------------------------

    @Test
    void loadPrivateKey_publicKeyPem_saysPrivateKeyIsNeeded() {
        KeySource source = KeySource.file(keys.file("rsa-pkcs1-public.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "a public key (PEM 'PUBLIC KEY')", "private key is needed");
        NoKeyMaterial.assertAbsent(e, keys.text("rsa-pkcs1-public.pem"), null);
    }

    @Test
    void loadPrivateKey_publicKeyDer_saysPrivateKeyIsNeeded() {
        KeySource source = KeySource.file(keys.file("rsa-public.der"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "public key", "private key is needed");
        NoKeyMaterial.assertAbsent(e, keys.bytes("rsa-public.der"), null);
    }

    @Test
    void loadPrivateKey_certificate_saysPrivateKeyIsNeeded() {
        KeySource source = KeySource.file(keys.file("rsa-cert.pem"));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "a certificate (PEM 'CERTIFICATE')", "private key is needed");
        NoKeyMaterial.assertAbsent(e, keys.text("rsa-cert.pem"), null);
    }

    @Test
    void loadPublicKey_privateKeyPem_saysPublicKeyIsNeeded() {
        KeySource source = KeySource.file(keys.file("ec-sec1.pem"));

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "private key (PEM 'EC PRIVATE KEY')", "public key is needed", "-pubout");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-sec1.pem"), null);
    }

    @Test
    void loadPublicKey_privateKeyDer_saysPublicKeyIsNeeded() {
        KeySource source = KeySource.file(keys.file("rsa-pkcs8.der"));

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "private key", "public key is needed");
        NoKeyMaterial.assertAbsent(e, keys.bytes("rsa-pkcs8.der"), null);
    }

    @Test
    void loadPrivateKey_onlyEcParameters_saysNoPrivateKey() {
        String text = OpenSsl.run(dir, "ecparam", "-name", "prime256v1");
        KeySource source = KeySource.inline(text);

        assertMessage(rejectPrivate(source), source, "no private key found", "'EC PARAMETERS'");
    }

    // --- damaged input ---------------------------------------------------------------------------------------

    @Test
    void loadPrivateKey_missingEndLine_saysTruncated() {
        String pem = keys.text("rsa-pkcs1.pem");
        String truncated = pem.substring(0, pem.indexOf("-----END"));
        KeySource source = KeySource.file(write("no-end.pem", truncated));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "'RSA PRIVATE KEY' has no '-----END RSA PRIVATE KEY-----' line", "truncated");
        NoKeyMaterial.assertAbsent(e, pem, null);
    }

    @Test
    void loadPrivateKey_mismatchedEndLine_saysDamaged() {
        String pem = keys.text("ec-pkcs8.pem");
        String damaged = pem.replace("-----END PRIVATE KEY-----", "-----END PUBLIC KEY-----");
        KeySource source = KeySource.inline(damaged);

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "BEGIN and END lines do not match");
        NoKeyMaterial.assertAbsent(e, pem, null);
    }

    @Test
    void loadPrivateKey_badBase64_saysNotValidBase64() {
        String pem = keys.text("rsa-pkcs8.pem");
        String[] lines = pem.split("\n");
        lines[3] = lines[3].substring(0, 10) + "*" + lines[3].substring(11);
        KeySource source = KeySource.file(write("bad-base64.pem", String.join("\n", lines)));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "is not valid base64");
        NoKeyMaterial.assertAbsent(e, pem, null);
    }

    @Test
    void loadPrivateKey_pemBodyWithLineRemoved_saysNotValidDer() {
        String pem = keys.text("rsa-pkcs1.pem");
        String[] lines = pem.split("\n");
        String[] shortened = new String[lines.length - 1];
        System.arraycopy(lines, 0, shortened, 0, 5);
        System.arraycopy(lines, 6, shortened, 5, lines.length - 6);
        KeySource source = KeySource.file(write("line-removed.pem", String.join("\n", shortened)));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "is not valid DER", "damaged or truncated");
        NoKeyMaterial.assertAbsent(e, pem, null);
    }

    @Test
    void loadPrivateKey_truncatedDerFile_saysNotValidDer() {
        byte[] der = keys.bytes("rsa-pkcs8.der");
        KeySource source = KeySource.file(write("truncated.der", Arrays.copyOf(der, der.length - 40)));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "is not valid DER");
        NoKeyMaterial.assertAbsent(e, der, null);
    }

    @Test
    void loadPublicKey_ecPointNotOnCurve_saysNotAValidPoint() {
        byte[] der = Keys.loadPublicKey(KeySource.file(keys.file("ec-sec1-public.pem")))
                .getEncoded();
        der[der.length - 1] ^= 1;
        KeySource source = KeySource.der(der);

        KeyLoadingException e = rejectPublic(source);

        assertMessage(e, source, "not a valid point");
        NoKeyMaterial.assertAbsent(e, der, null);
    }

    @Test
    void loadPrivateKey_derBytesOfNoKey_saysNotAPrivateKey() {
        byte[] der = {0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0x07};
        KeySource source = KeySource.der(der);

        assertMessage(rejectPrivate(source), source, "not a private key");
    }

    @Test
    void loadPrivateKey_inlineTextThatIsNotAKey_saysNeitherPemNorBase64() {
        String text = "this is my key, honest";
        KeySource source = KeySource.inline(text);

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "neither PEM", "base64");
        assertTrue(!e.getMessage().contains("honest"));
    }

    @Test
    void loadPrivateKey_inlineBase64OfTruncatedKey_saysDamagedOrTruncated() {
        String base64 = keys.text("ec-pkcs8.pem")
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .reduce("", String::concat);
        KeySource source = KeySource.inline(base64.substring(0, base64.length() - 8));

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "not valid DER", "damaged or truncated");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-pkcs8.pem"), null);
    }

    @Test
    void loadPrivateKey_inlineMalformedBase64_saysMalformed() {
        String base64 = keys.text("ec-pkcs8.pem")
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .reduce("", String::concat);
        KeySource source = KeySource.inline(base64.replace("=", "") + "A");

        KeyLoadingException e = rejectPrivate(source);

        assertMessage(e, source, "base64 is malformed or truncated");
        NoKeyMaterial.assertAbsent(e, keys.text("ec-pkcs8.pem"), null);
    }
}
