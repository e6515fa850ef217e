package io.github.cloudfrontsigned.key;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a private or public key comes from: a file, a classpath resource, inline PEM text or DER bytes,
 * optionally with the passphrase of an encrypted key. Pass it to {@link Keys#loadPrivateKey(KeySource)} or
 * {@link Keys#loadPublicKey(KeySource)}.
 *
 * <pre>{@code
 * PrivateKey key = Keys.loadPrivateKey(KeySource.file(Path.of("/etc/cloudfront/private_key.pem")));
 * PrivateKey fromEnv = Keys.loadPrivateKey(KeySource.inline(System.getenv("CLOUDFRONT_PRIVATE_KEY")));
 * PrivateKey fromConfig = Keys.loadPrivateKey(KeySource.location("classpath:keys/private_key.pem"));
 * PrivateKey encrypted = Keys.loadPrivateKey(
 *         KeySource.file(Path.of("pk-encrypted.pem")).withPassphrase(passphraseChars));
 * }</pre>
 *
 * <p>A {@code KeySource} only says where to look. Nothing is read until a key is loaded, so a file can be
 * replaced (key rotation) and the same source loaded again. Which formats the content may have is described
 * in {@link Keys}.
 *
 * <p>{@link #toString()} and {@link #description()} never show key material or the passphrase; they are meant
 * for error messages and logs.
 *
 * <p>Thread safety: immutable and thread-safe. The factories copy the arrays they are given, so later changes
 * to the caller's {@code byte[]} or {@code char[]} do not affect the source.
 */
public final class KeySource {

    /** Larger "key files" are refused before they are read: a PEM private key is a few kilobytes. */
    static final int MAX_KEY_BYTES = 1024 * 1024;

    private enum Kind {
        FILE,
        CLASSPATH,
        INLINE,
        DER,
        LOCATION
    }

    private final Kind kind;
    /** The path (FILE), resource name (CLASSPATH), PEM text (INLINE) or location (LOCATION); null for DER. */
    private final String value;

    private final Path path;
    private final byte[] der;
    private final char[] passphrase;

    private KeySource(Kind kind, String value, Path path, byte[] der, char[] passphrase) {
        this.kind = kind;
        this.value = value;
        this.path = path;
        this.der = der;
        this.passphrase = passphrase;
    }

    /**
     * A key file on the file system: PEM (any kind listed in {@link Keys}) or DER.
     *
     * @param path the file; relative paths are resolved against the working directory when the key is loaded
     * @return the source
     * @throws NullPointerException if {@code path} is {@code null}
     */
    public static KeySource file(Path path) {
        Objects.requireNonNull(path, "path");
        return new KeySource(Kind.FILE, path.toString(), path, null, null);
    }

    /**
     * A key stored as a classpath resource, for example inside the application's jar. The resource is looked
     * up with the thread context class loader first, then with the class loader of this library.
     *
     * @param resource the resource name, such as {@code keys/private_key.pem}; a leading {@code /} is allowed
     *     and ignored
     * @return the source
     * @throws NullPointerException if {@code resource} is {@code null}
     * @throws IllegalArgumentException if {@code resource} is empty
     */
    public static KeySource classpath(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.strip();
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(
                    "Classpath resource name is empty: give a name such as keys/private_key.pem");
        }
        return new KeySource(Kind.CLASSPATH, name, null, null, null);
    }

    /**
     * A key given as text, typically from an environment variable or a secret store. Accepted:
     * <ul>
     *   <li>PEM text, with LF or CRLF line ends and blank lines anywhere;</li>
     *   <li>PEM text whose line breaks arrived as the two characters {@code \n} (or {@code \r\n}), as happens
     *       when PEM is pasted into a single-line variable;</li>
     *   <li>PEM text whose line breaks were turned into spaces;</li>
     *   <li>bare base64 of the DER bytes, without {@code -----BEGIN} armour.</li>
     * </ul>
     *
     * @param text the key text; it is kept in memory but never shown by {@link #toString()}
     * @return the source
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static KeySource inline(String text) {
        Objects.requireNonNull(text, "text");
        return new KeySource(Kind.INLINE, text, null, null, null);
    }

    /**
     * A key given as DER bytes: PKCS#8 ({@code PrivateKeyInfo} or {@code EncryptedPrivateKeyInfo}), PKCS#1,
     * SEC1, {@code SubjectPublicKeyInfo} or an X.509 certificate.
     *
     * @param der the DER bytes; the array is copied
     * @return the source
     * @throws NullPointerException if {@code der} is {@code null}
     */
    public static KeySource der(byte[] der) {
        Objects.requireNonNull(der, "der");
        return new KeySource(Kind.DER, null, null, der.clone(), null);
    }

    /**
     * A key location as written in configuration:
     * <ul>
     *   <li>{@code classpath:keys/pk.pem}: a classpath resource, as {@link #classpath(String)};</li>
     *   <li>{@code file:/etc/keys/pk.pem}, {@code file:keys/pk.pem}: a file, as {@link #file(Path)};</li>
     *   <li>{@code file:///etc/keys/pk.pem}, {@code file://keys/pk.pem}: a file, the way the AWS CLI reads
     *       {@code file://} arguments (everything after {@code file://} is the path);</li>
     *   <li>anything else is a bare path: when the key is loaded the file system is tried first, then the
     *       classpath, and if neither has it the error names both places.</li>
     * </ul>
     *
     * @param location the location
     * @return the source
     * @throws NullPointerException if {@code location} is {@code null}
     * @throws IllegalArgumentException if {@code location} (or the part after its prefix) is empty or is not a
     *     valid path
     */
    public static KeySource location(String location) {
        Objects.requireNonNull(location, "location");
        String loc = location.strip();
        String lower = loc.toLowerCase(Locale.ROOT);
        if (lower.startsWith("classpath:")) {
            return classpath(loc.substring("classpath:".length()));
        }
        if (lower.startsWith("file:")) {
            String rest =
                    lower.startsWith("file://") ? loc.substring("file://".length()) : loc.substring("file:".length());
            if (rest.length() > 2
                    && rest.charAt(0) == '/'
                    && rest.charAt(2) == ':'
                    && Character.isLetter(rest.charAt(1))) {
                rest = rest.substring(1); // file:///C:/keys/pk.pem on Windows
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("Key location '" + location + "' has no path after 'file:'");
            }
            return file(toPath(rest, location));
        }
        if (loc.isEmpty()) {
            throw new IllegalArgumentException(
                    "Key location is empty: give a path, file:<path> or classpath:<resource>");
        }
        return new KeySource(Kind.LOCATION, loc, toPath(loc, location), null, null);
    }

    private static Path toPath(String path, String location) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "Key location '" + location + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /**
     * Returns a copy of this source that decrypts the key with the given passphrase. Needed for encrypted
     * PKCS#8 ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}) and for legacy OpenSSL encrypted PEM (a
     * {@code Proc-Type: 4,ENCRYPTED} header). It is ignored for keys that are not encrypted.
     *
     * @param passphrase the passphrase; the array is copied, so the caller may clear its own copy
     * @return a new source with the passphrase
     * @throws NullPointerException if {@code passphrase} is {@code null}
     */
    public KeySource withPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        return new KeySource(kind, value, path, der, passphrase.clone());
    }

    /**
     * Says where the key comes from without revealing it, for example {@code file /etc/keys/pk.pem},
     * {@code classpath resource keys/pk.pem}, {@code location keys/pk.pem}, {@code inline key (1704 characters)}
     * or {@code DER bytes (1218 bytes)}. The passphrase is never mentioned.
     *
     * @return the description
     */
    public String description() {
        switch (kind) {
            case FILE:
                return "file " + value;
            case CLASSPATH:
                return "classpath resource " + value;
            case INLINE:
                return "inline key (" + value.length() + " characters)";
            case DER:
                return "DER bytes (" + der.length + " bytes)";
            case LOCATION:
                return "location " + value;
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * Same as {@link #description()}; never contains key material or the passphrase.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return description();
    }

    /**
     * Two sources are equal when they name the same place (or hold the same text or bytes) and the same
     * passphrase.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KeySource)) {
            return false;
        }
        KeySource other = (KeySource) o;
        return kind == other.kind
                && Objects.equals(value, other.value)
                && Arrays.equals(der, other.der)
                && Arrays.equals(passphrase, other.passphrase);
    }

    /** Consistent with {@link #equals(Object)}; the passphrase does not contribute. */
    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Objects.hashCode(value)) + Arrays.hashCode(der);
    }

    /** A copy of the passphrase, or {@code null} if none was set. The caller should clear it after use. */
    char[] passphrase() {
        return passphrase == null ? null : passphrase.clone();
    }

    /** The content read from a source, and the description of the place it was actually read from. */
    static final class Content {
        final String description;
        final byte[] bytes;
        /** True for {@link #inline(String)}: the content is text, never binary DER. */
        final boolean text;
        /** The file read, or {@code null} for other sources. */
        final Path file;

        Content(String description, byte[] bytes, boolean text) {
            this(description, bytes, text, null);
        }

        Content(String description, byte[] bytes, boolean text, Path file) {
            this.description = description;
            this.bytes = bytes;
            this.text = text;
            this.file = file;
        }
    }

    /**
     * OpenSSH's rule for private key files: on a POSIX file system, a file that its group or others may read (or
     * write, or execute) gets one {@code WARNING} naming the file, its mode and the fix. Not an error: container
     * secrets are often mounted {@code 0644}. Other file systems (Windows ACLs) are not checked.
     */
    static void warnIfOpenToOthers(Path file, System.Logger log) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            return;
        }
        int mode = 0;
        for (java.nio.file.attribute.PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal()); // OWNER_READ is the highest bit, OTHERS_EXECUTE the lowest
        }
        if ((mode & 0077) != 0) {
            Path absolute = absolute(file);
            log.log(
                    System.Logger.Level.WARNING,
                    "Private key file " + absolute + " has mode "
                            + String.format("%04o", mode) + " ("
                            + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                            + "): other users of this machine can read it and sign CloudFront URLs and"
                            + " cookies. Fix: chmod 600 " + absolute);
        }
    }

    /**
     * Reads the content. For a bare {@link #location(String)} the returned description names where it was
     * found ({@code file ...} or {@code classpath resource ...}).
     *
     * @throws KeyLoadingException if the file or resource does not exist, cannot be read or is too large
     */
    Content read() {
        switch (kind) {
            case FILE:
                return readFile(path, description());
            case CLASSPATH:
                return readResource(value, description());
            case INLINE:
                return new Content(description(), value.getBytes(StandardCharsets.UTF_8), true);
            case DER:
                return new Content(description(), der.clone(), false);
            case LOCATION:
                if (Files.exists(path)) {
                    return readFile(path, "file " + value);
                }
                String resource = value;
                while (resource.startsWith("/")) {
                    resource = resource.substring(1);
                }
                byte[] bytes =
                        resource.isEmpty() ? null : readResourceOrNull(resource, "classpath resource " + resource);
                if (bytes != null) {
                    return new Content("classpath resource " + resource, bytes, false);
                }
                throw new KeyLoadingException(
                        description(),
                        "not found: there is no file " + absolute(path)
                                + " and no classpath resource " + resource
                                + " (a bare location is looked up on the file system first, then on the classpath;"
                                + " prefix it with file: or classpath: to choose one)");
            default:
                throw new AssertionError(kind);
        }
    }

    private static Content readFile(Path path, String description) {
        try {
            if (Files.isDirectory(path)) {
                throw new KeyLoadingException(description, "is a directory, not a key file: " + absolute(path));
            }
            long size = Files.size(path);
            if (size > MAX_KEY_BYTES) {
                throw new KeyLoadingException(
                        description,
                        "the file is " + size + " bytes, too large for a key file" + " (limit " + MAX_KEY_BYTES
                                + " bytes): check that the path points at the private key");
            }
            return new Content(description, Files.readAllBytes(path), false, path);
        } catch (NoSuchFileException e) {
            throw new KeyLoadingException(
                    description,
                    "file not found: " + absolute(path)
                            + " (check the path; relative paths are resolved against the working directory "
                            + absolute(Path.of("")) + ")");
        } catch (AccessDeniedException e) {
            throw new KeyLoadingException(
                    description,
                    "the file " + absolute(path)
                            + " is not readable by this process (permission denied): fix its owner or mode");
        } catch (IOException e) {
            throw new KeyLoadingException(
                    description,
                    "could not read the file " + absolute(path) + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static Content readResource(String resource, String description) {
        byte[] bytes = readResourceOrNull(resource, description);
        if (bytes == null) {
            throw new KeyLoadingException(
                    description,
                    "classpath resource not found: " + resource
                            + " (looked in the thread context class loader and in the class loader of cloudfront-signed;"
                            + " check the resource name and that the file is packaged, e.g. under src/main/resources)");
        }
        return new Content(description, bytes, false);
    }

    private static byte[] readResourceOrNull(String resource, String description) {
        InputStream in = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            in = context.getResourceAsStream(resource);
        }
        if (in == null) {
            ClassLoader own = KeySource.class.getClassLoader();
            in = own != null ? own.getResourceAsStream(resource) : ClassLoader.getSystemResourceAsStream(resource);
        }
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes(MAX_KEY_BYTES + 1);
            if (bytes.length > MAX_KEY_BYTES) {
                throw new KeyLoadingException(
                        description,
                        "the resource is larger than " + MAX_KEY_BYTES
                                + " bytes, too large for a key file: check that the name points at the private key");
            }
            return bytes;
        } catch (IOException e) {
            throw new KeyLoadingException(
                    description,
                    "could not read the classpath resource " + resource + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static Path absolute(Path path) {
        try {
            return path.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return path;
        }
    }
}
