package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.GeneratedKeys;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where keys come from: files, classpath, inline text in its many shapes, DER bytes and locations. */
final class KeySourceTest {

    private static final String CLASSPATH_KEY = "keys/classpath-test-ec-p256.pem";
    private static final String CLASSPATH_PUBLIC_KEY = "keys/classpath-test-ec-p256-public.pem";

    @TempDir
    static Path dir;

    private static GeneratedKeys keys;
    /** The PEM text (PKCS#8, P-256) of the classpath test key. */
    private static String pem;

    private static PrivateKey expected;

    @BeforeAll
    static void setUp() throws IOException {
        keys = new GeneratedKeys(dir);
        try (var in = KeySourceTest.class.getClassLoader().getResourceAsStream(CLASSPATH_KEY)) {
            pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        Files.writeString(dir.resolve("key.pem"), pem);
        expected = Keys.loadPrivateKey(KeySource.file(dir.resolve("key.pem")));
    }

    private static String body(String pemText) {
        return pemText.lines().filter(l -> !l.startsWith("-----")).collect(Collectors.joining());
    }

    private static <T> T withContextClassLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    // --- description and toString ----------------------------------------------------------------------------

    @Test
    void description_file_namesThePath() {
        assertEquals(
                "file /etc/keys/pk.pem",
                KeySource.file(Path.of("/etc/keys/pk.pem")).description());
    }

    @Test
    void description_classpath_namesTheResourceWithoutLeadingSlash() {
        assertEquals(
                "classpath resource keys/pk.pem",
                KeySource.classpath("/keys/pk.pem").description());
    }

    @Test
    void description_inline_givesOnlyTheLength() {
        assertEquals(
                "inline key (" + pem.length() + " characters)",
                KeySource.inline(pem).description());
    }

    @Test
    void description_der_givesOnlyTheLength() {
        assertEquals("DER bytes (1218 bytes)", KeySource.der(new byte[1218]).description());
    }

    @Test
    void description_bareLocation_namesTheLocation() {
        assertEquals("location keys/pk.pem", KeySource.location("keys/pk.pem").description());
    }

    @Test
    void toString_inlineWithPassphrase_showsNeitherKeyNorPassphrase() {
        KeySource source = KeySource.inline(pem).withPassphrase("S3cret-Pass".toCharArray());

        assertEquals(source.description(), source.toString());
        assertFalse(source.toString().contains("S3cret-Pass"));
        pem.lines()
                .filter(l -> !l.startsWith("-----"))
                .forEach(l -> assertFalse(source.toString().contains(l)));
    }

    // --- value semantics -------------------------------------------------------------------------------------

    @Test
    void equals_sameFileAndPassphrase_isEqual() {
        KeySource a = KeySource.file(Path.of("pk.pem")).withPassphrase("x".toCharArray());
        KeySource b = KeySource.file(Path.of("pk.pem")).withPassphrase("x".toCharArray());

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void equals_differentPassphrase_isNotEqual() {
        assertNotEquals(
                KeySource.file(Path.of("pk.pem")).withPassphrase("x".toCharArray()),
                KeySource.file(Path.of("pk.pem")).withPassphrase("y".toCharArray()));
    }

    @Test
    void equals_derWithSameBytes_isEqual() {
        assertEquals(KeySource.der(new byte[] {1, 2, 3}), KeySource.der(new byte[] {1, 2, 3}));
    }

    @Test
    void der_laterChangeToCallersArray_doesNotAffectSource() {
        byte[] der = keys.bytes("ec-pkcs8.der");
        KeySource source = KeySource.der(der);
        Arrays.fill(der, (byte) 0);

        assertEquals(Keys.loadPrivateKey(KeySource.file(keys.file("ec-pkcs8.der"))), Keys.loadPrivateKey(source));
    }

    @Test
    void withPassphrase_laterChangeToCallersArray_doesNotAffectSource() {
        char[] passphrase = GeneratedKeys.PASSPHRASE.toCharArray();
        KeySource source = KeySource.file(keys.file("ec-encrypted-pkcs8.pem")).withPassphrase(passphrase);
        Arrays.fill(passphrase, '\0');

        assertEquals(Keys.loadPrivateKey(KeySource.file(keys.file("ec-sec1.pem"))), Keys.loadPrivateKey(source));
    }

    @Test
    void withPassphrase_loadedTwice_worksBothTimes() {
        KeySource source = KeySource.file(keys.file("rsa-legacy-encrypted.pem"))
                .withPassphrase(GeneratedKeys.PASSPHRASE.toCharArray());

        assertEquals(Keys.loadPrivateKey(source), Keys.loadPrivateKey(source));
    }

    @Test
    void factories_null_throwNullPointerException() {
        assertThrows(NullPointerException.class, () -> KeySource.file(null));
        assertThrows(NullPointerException.class, () -> KeySource.classpath(null));
        assertThrows(NullPointerException.class, () -> KeySource.inline(null));
        assertThrows(NullPointerException.class, () -> KeySource.der(null));
        assertThrows(NullPointerException.class, () -> KeySource.location(null));
        assertThrows(NullPointerException.class, () -> KeySource.inline("x").withPassphrase(null));
    }

    @Test
    void classpath_emptyName_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> KeySource.classpath("/"));
    }

    @Test
    void location_empty_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> KeySource.location("  "));
        assertThrows(IllegalArgumentException.class, () -> KeySource.location("file://"));
    }

    // --- inline shapes ---------------------------------------------------------------------------------------

    @Test
    void inline_pem_loads() {
        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(pem)));
    }

    @Test
    void inline_literalBackslashN_loads() {
        String escaped = pem.replace("\n", "\\n");

        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(escaped)));
    }

    @Test
    void inline_literalBackslashRBackslashN_loads() {
        String escaped = pem.replace("\n", "\\r\\n");

        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(escaped)));
    }

    @Test
    void inline_crlfAndBlankLines_loads() {
        String crlf = "\r\n\r\n" + pem.replace("\n", "\r\n\r\n") + "\r\n";

        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(crlf)));
    }

    @Test
    void inline_indentedLines_loads() {
        String indented = pem.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));

        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(indented)));
    }

    @Test
    void inline_newlinesTurnedIntoSpaces_loads() {
        String oneLine = pem.strip().replace("\n", " ");

        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(oneLine)));
    }

    @Test
    void inline_bareBase64OfDer_loads() {
        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(body(pem))));
    }

    @Test
    void inline_bareBase64WithLineBreaks_loads() {
        String wrapped = pem.lines().filter(l -> !l.startsWith("-----")).collect(Collectors.joining("\n"));

        assertEquals(expected, Keys.loadPrivateKey(KeySource.inline(wrapped)));
    }

    @Test
    void inline_encryptedPemWithLiteralBackslashN_loadsWithPassphrase() {
        String escaped = keys.text("rsa-legacy-encrypted.pem").replace("\n", "\\n");
        KeySource source = KeySource.inline(escaped).withPassphrase(GeneratedKeys.PASSPHRASE.toCharArray());

        assertEquals(Keys.loadPrivateKey(KeySource.file(keys.file("rsa-pkcs1.pem"))), Keys.loadPrivateKey(source));
    }

    @Test
    void inline_publicKeyAsBareBase64_loads() {
        String publicPem = keys.text("ec-sec1-public.pem");

        assertEquals(
                Keys.loadPublicKey(KeySource.inline(publicPem)), Keys.loadPublicKey(KeySource.inline(body(publicPem))));
    }

    @Test
    void file_bareBase64Text_loads() throws IOException {
        Path file = Files.writeString(dir.resolve("key.b64"), body(pem) + "\n");

        assertEquals(expected, Keys.loadPrivateKey(KeySource.file(file)));
    }

    @Test
    void der_pkcs8Bytes_loads() {
        assertEquals(
                expected, Keys.loadPrivateKey(KeySource.der(Base64.getDecoder().decode(body(pem)))));
    }

    // --- classpath -------------------------------------------------------------------------------------------

    @Test
    void classpath_resource_loads() {
        assertEquals(expected, Keys.loadPrivateKey(KeySource.classpath(CLASSPATH_KEY)));
    }

    @Test
    void classpath_leadingSlash_loads() {
        assertEquals(expected, Keys.loadPrivateKey(KeySource.classpath("/" + CLASSPATH_KEY)));
    }

    @Test
    void classpath_publicKeyResource_equalsDerivedPublicKey() {
        PublicKey publicKey = Keys.loadPublicKey(KeySource.classpath(CLASSPATH_PUBLIC_KEY));

        assertEquals(Keys.publicKey(expected), publicKey);
    }

    @Test
    void classpath_resourceOnlyInContextClassLoader_loads() throws Exception {
        Path root = Files.createDirectories(dir.resolve("context-root/only-in-context"));
        Files.writeString(root.resolve("key.pem"), pem);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {dir.resolve("context-root").toUri().toURL()}, null)) {
            PrivateKey key = withContextClassLoader(
                    loader, () -> Keys.loadPrivateKey(KeySource.classpath("only-in-context/key.pem")));

            assertEquals(expected, key);
        }
    }

    @Test
    void classpath_contextClassLoaderWithoutResource_fallsBackToLibraryLoader() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            PrivateKey key =
                    withContextClassLoader(empty, () -> Keys.loadPrivateKey(KeySource.classpath(CLASSPATH_KEY)));

            assertEquals(expected, key);
        }
    }

    @Test
    void classpath_contextClassLoaderIsConsultedFirst() throws Exception {
        // The same resource name exists in both loaders with different keys: the context loader's must win.
        Path root = Files.createDirectories(dir.resolve("shadow-root/keys"));
        Files.writeString(root.resolve("classpath-test-ec-p256.pem"), keys.text("ec-pkcs8.pem"));
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.resolve("shadow-root").toUri().toURL()}, null)) {
            PrivateKey key =
                    withContextClassLoader(loader, () -> Keys.loadPrivateKey(KeySource.classpath(CLASSPATH_KEY)));

            assertEquals(Keys.loadPrivateKey(KeySource.file(keys.file("ec-pkcs8.pem"))), key);
        }
    }

    // --- location --------------------------------------------------------------------------------------------

    @Test
    void location_classpathPrefix_isClasspathSource() {
        assertEquals(KeySource.classpath(CLASSPATH_KEY), KeySource.location("classpath:" + CLASSPATH_KEY));
    }

    @Test
    void location_classpathPrefix_loads() {
        assertEquals(expected, Keys.loadPrivateKey(KeySource.location("classpath:" + CLASSPATH_KEY)));
    }

    @Test
    void location_filePrefix_loads() {
        assertEquals(expected, Keys.loadPrivateKey(KeySource.location("file:" + dir.resolve("key.pem"))));
    }

    @Test
    void location_fileDoubleSlashAbsolute_loadsLikeAwsCli() {
        String location = "file://" + dir.resolve("key.pem"); // file:///tmp/.../key.pem

        assertEquals(KeySource.file(dir.resolve("key.pem")), KeySource.location(location));
        assertEquals(expected, Keys.loadPrivateKey(KeySource.location(location)));
    }

    @Test
    void location_fileDoubleSlashRelative_isRelativePath() {
        assertEquals(KeySource.file(Path.of("keys/pk.pem")), KeySource.location("file://keys/pk.pem"));
    }

    @Test
    void location_barePathOfExistingFile_loadsFromFileSystem() {
        assertEquals(
                expected,
                Keys.loadPrivateKey(KeySource.location(dir.resolve("key.pem").toString())));
    }

    @Test
    void location_barePathFoundOnClasspathOnly_loadsFromClasspath() {
        KeySource source = KeySource.location(CLASSPATH_KEY);

        assertEquals(expected, Keys.loadPrivateKey(source));
    }

    @Test
    void location_barePath_fileSystemWinsOverClasspath() throws Exception {
        // A file and a classpath resource with the same name ("/tmp/.../fs-first.pem" as a resource loses its
        // leading slash) hold different keys: the file must win.
        Path file = Files.writeString(dir.resolve("fs-first.pem"), pem);
        Path root = dir.resolve("fs-first-root");
        Path resource = root.resolve(file.toString().substring(1));
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, keys.text("ec-pkcs8.pem"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            PrivateKey fromResource =
                    withContextClassLoader(loader, () -> Keys.loadPrivateKey(KeySource.classpath(file.toString())));
            PrivateKey fromLocation =
                    withContextClassLoader(loader, () -> Keys.loadPrivateKey(KeySource.location(file.toString())));

            assertNotEquals(expected, fromResource);
            assertEquals(expected, fromLocation);
        }
    }

    @Test
    void location_errorAfterResolvingToFile_namesTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty-location.pem"), "");

        KeyLoadingException e = assertThrows(
                KeyLoadingException.class, () -> Keys.loadPrivateKey(KeySource.location(empty.toString())));

        assertTrue(e.getMessage().contains("file " + empty), e.getMessage());
    }
}
