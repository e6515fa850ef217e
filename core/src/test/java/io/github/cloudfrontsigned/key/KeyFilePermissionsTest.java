package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.TestKeys;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private key file open to group or others warns once at load, naming the file, its mode and the fix. */
final class KeyFilePermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    private Path keyFile(String mode) throws IOException {
        Path file = dir.resolve("private_key.pem");
        Files.writeString(file, TestKeys.pem(TestKeys.RSA.getPrivate()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static List<String> warningsLoading(KeySource source) {
        return LogCapture.messages(
                LogCapture.logged(Keys.class, () -> assertNotNull(Keys.loadPrivateKey(source))).stream()
                        .filter(r -> r.getLevel().equals(Level.WARNING))
                        .toList());
    }

    @Test
    void worldReadableKeyFile_warnsWithTheFileItsModeAndTheFix() throws IOException {
        Path file = keyFile("rw-r--r--");
        List<String> warnings = warningsLoading(KeySource.file(file));
        assertEquals(1, warnings.size(), warnings::toString);
        String w = warnings.get(0);
        assertTrue(w.contains(file.toAbsolutePath().toString()), w);
        assertTrue(w.contains("mode 0644 (rw-r--r--)"), w);
        assertTrue(w.contains("chmod 600 " + file.toAbsolutePath()), w);
    }

    @Test
    void groupReadableKeyFile_fromALocation_warns() throws IOException {
        Path file = keyFile("rw-r-----");
        List<String> warnings = warningsLoading(KeySource.location(file.toString()));
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("mode 0640"), warnings.get(0));
    }

    @Test
    void ownerOnlyKeyFile_loadsWithoutAWord() throws IOException {
        assertEquals(List.of(), warningsLoading(KeySource.file(keyFile("rw-------"))));
        assertEquals(List.of(), warningsLoading(KeySource.file(keyFile("r--------"))));
    }

    @Test
    void publicKeyFile_mayBeReadableByAll() throws IOException {
        Path file = dir.resolve("public_key.pem");
        Files.writeString(file, Keys.toPem(TestKeys.RSA.getPublic()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = LogCapture.messages(
                LogCapture.logged(Keys.class, () -> Keys.loadPublicKey(KeySource.file(file))).stream()
                        .filter(r -> r.getLevel().equals(Level.WARNING))
                        .toList());
        assertEquals(List.of(), warnings);
    }
}
