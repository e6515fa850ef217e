package io.github.cloudfrontsigned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throwaway keys made by the real {@code openssl} command in a test's temporary directory. Each file is made the
 * first time it is asked for (with the files it is derived from), so a test class pays only for what it uses.
 * Not thread-safe; use from {@code @BeforeAll} or from tests of one class.
 */
public final class GeneratedKeys {

    /** The passphrase of every encrypted key made here. */
    public static final String PASSPHRASE = "Correct-Horse-7";

    private static final String PASS = "pass:" + PASSPHRASE;

    /** File name to the openssl arguments that make it. */
    private static final Map<String, List<String>> RECIPES = new LinkedHashMap<>();

    static {
        // RSA
        recipe("rsa-pkcs1.pem", "genrsa", "-traditional", "-out", "rsa-pkcs1.pem", "2048");
        recipe("rsa-pkcs1-public.pem", "rsa", "-in", "rsa-pkcs1.pem", "-pubout", "-out", "rsa-pkcs1-public.pem");
        recipe(
                "rsa-pkcs1.der",
                "rsa",
                "-in",
                "rsa-pkcs1.pem",
                "-traditional",
                "-outform",
                "DER",
                "-out",
                "rsa-pkcs1.der");
        recipe(
                "rsa-legacy-encrypted.pem",
                "rsa",
                "-in",
                "rsa-pkcs1.pem",
                "-aes256",
                "-traditional",
                "-passout",
                PASS,
                "-out",
                "rsa-legacy-encrypted.pem");
        recipe(
                "rsa-public-pkcs1.pem",
                "rsa",
                "-in",
                "rsa-pkcs1.pem",
                "-RSAPublicKey_out",
                "-out",
                "rsa-public-pkcs1.pem");
        recipe("rsa-public.der", "rsa", "-in", "rsa-pkcs1.pem", "-pubout", "-outform", "DER", "-out", "rsa-public.der");
        recipe(
                "rsa-pkcs8.pem",
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
                "rsa-pkcs8.pem");
        recipe("rsa-pkcs8-public.pem", "rsa", "-in", "rsa-pkcs8.pem", "-pubout", "-out", "rsa-pkcs8-public.pem");
        recipe(
                "rsa-pkcs8.der",
                "pkcs8",
                "-topk8",
                "-nocrypt",
                "-in",
                "rsa-pkcs8.pem",
                "-outform",
                "DER",
                "-out",
                "rsa-pkcs8.der");
        recipe(
                "rsa-encrypted-pkcs8.pem",
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-in",
                "rsa-pkcs8.pem",
                "-passout",
                PASS,
                "-out",
                "rsa-encrypted-pkcs8.pem");
        recipe(
                "rsa-encrypted-pkcs8.der",
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-in",
                "rsa-pkcs8.pem",
                "-passout",
                PASS,
                "-outform",
                "DER",
                "-out",
                "rsa-encrypted-pkcs8.der");
        recipe(
                "rsa-cert.pem",
                "req",
                "-x509",
                "-new",
                "-key",
                "rsa-pkcs8.pem",
                "-subj",
                "/CN=cloudfront-signed test",
                "-days",
                "1",
                "-out",
                "rsa-cert.pem");
        recipe("rsa-cert.der", "x509", "-in", "rsa-cert.pem", "-outform", "DER", "-out", "rsa-cert.der");
        recipe("rsa-512.pem", "genrsa", "-out", "rsa-512.pem", "512");
        // EC P-256
        recipe("ec-sec1.pem", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-sec1.pem");
        recipe("ec-sec1-public.pem", "ec", "-in", "ec-sec1.pem", "-pubout", "-out", "ec-sec1-public.pem");
        recipe("ec-sec1.der", "ec", "-in", "ec-sec1.pem", "-outform", "DER", "-out", "ec-sec1.der");
        recipe("ec-pkcs8.pem", "pkcs8", "-topk8", "-nocrypt", "-in", "ec-sec1.pem", "-out", "ec-pkcs8.pem");
        recipe(
                "ec-pkcs8.der",
                "pkcs8",
                "-topk8",
                "-nocrypt",
                "-in",
                "ec-sec1.pem",
                "-outform",
                "DER",
                "-out",
                "ec-pkcs8.der");
        recipe(
                "ec-encrypted-pkcs8.pem",
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-in",
                "ec-sec1.pem",
                "-passout",
                PASS,
                "-out",
                "ec-encrypted-pkcs8.pem");
        recipe(
                "ec-legacy-encrypted.pem",
                "ec",
                "-in",
                "ec-sec1.pem",
                "-aes256",
                "-passout",
                PASS,
                "-out",
                "ec-legacy-encrypted.pem");
        recipe(
                "ec-public-compressed.pem",
                "ec",
                "-in",
                "ec-sec1.pem",
                "-pubout",
                "-conv_form",
                "compressed",
                "-out",
                "ec-public-compressed.pem");
        recipe(
                "ec-cert.pem",
                "req",
                "-x509",
                "-new",
                "-key",
                "ec-sec1.pem",
                "-subj",
                "/CN=cloudfront-signed test",
                "-days",
                "1",
                "-out",
                "ec-cert.pem");
        recipe("ec-explicit.pem", "ec", "-in", "ec-sec1.pem", "-param_enc", "explicit", "-out", "ec-explicit.pem");
        recipe(
                "ec-explicit-public.pem",
                "ec",
                "-in",
                "ec-sec1.pem",
                "-param_enc",
                "explicit",
                "-pubout",
                "-out",
                "ec-explicit-public.pem");
        recipe("ec-with-params.pem", "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec-with-params.pem");
        recipe(
                "ec-with-params-public.pem",
                "ec",
                "-in",
                "ec-with-params.pem",
                "-pubout",
                "-out",
                "ec-with-params-public.pem");
        // Unsupported
        recipe("p384.pem", "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "p384.pem");
        recipe("p384-public.pem", "ec", "-in", "p384.pem", "-pubout", "-out", "p384-public.pem");
        recipe("ed25519.pem", "genpkey", "-algorithm", "ed25519", "-out", "ed25519.pem");
        recipe("ed25519-public.pem", "pkey", "-in", "ed25519.pem", "-pubout", "-out", "ed25519-public.pem");
    }

    private static void recipe(String file, String... args) {
        RECIPES.put(file, List.of(args));
    }

    private final Path dir;

    public GeneratedKeys(Path dir) {
        this.dir = dir;
    }

    /** The directory the keys are written to. */
    Path dir() {
        return dir;
    }

    /** Makes (if needed) and returns the file; inputs named by {@code -in} / {@code -key} are made first. */
    public Path file(String name) {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        List<String> args = RECIPES.get(name);
        if (args == null) {
            throw new IllegalArgumentException("No recipe for " + name);
        }
        for (int i = 0; i + 1 < args.size(); i++) {
            if ((args.get(i).equals("-in") || args.get(i).equals("-key")) && RECIPES.containsKey(args.get(i + 1))) {
                file(args.get(i + 1));
            }
        }
        OpenSsl.run(dir, args.toArray(new String[0]));
        return file;
    }

    /** The text of a PEM file (made if needed). */
    public String text(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a file (made if needed). */
    public byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
