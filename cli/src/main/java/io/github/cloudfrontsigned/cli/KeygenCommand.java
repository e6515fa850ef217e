package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.key.Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloudfront-signed keygen}: creates a key pair CloudFront accepts. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Creates a key pair CloudFront accepts (RSA 2048-bit or ECDSA P-256), writes private_key.pem"
                    + " (PKCS#8, readable by you only) and public_key.pem, and prints the public key's fingerprint and the"
                    + " AWS CLI commands that upload it and create a key group."
        },
        footer = {"", "Example:", "  cloudfront-signed keygen --type ecdsa --out keys/"})
final class KeygenCommand implements Callable<Integer> {

    /** The key types CloudFront accepts in a trusted key group. */
    enum KeyType {
        rsa,
        ecdsa
    }

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--type",
            paramLabel = "rsa|ecdsa",
            defaultValue = "rsa",
            description = "rsa (2048-bit, the default) or ecdsa (P-256, shorter signatures).")
    private KeyType type;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The directory to write private_key.pem and public_key.pem to; created if missing.")
    private Path out;

    @Override
    public Integer call() {
        Path dir = out.toAbsolutePath().normalize();
        Path privateFile = dir.resolve("private_key.pem");
        Path publicFile = dir.resolve("public_key.pem");
        for (Path p : new Path[] {privateFile, publicFile}) {
            if (Files.exists(p)) {
                throw new InputException(p + " already exists; choose another --out directory or move the old key"
                        + " away (keygen never overwrites a key)");
            }
        }
        KeyPair pair = generate();
        try {
            Files.createDirectories(dir);
            writePrivate(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(
                    publicFile,
                    Keys.toPem(pair.getPublic()),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key files to " + dir + ": " + e, e);
        }
        String fingerprint = Keys.fingerprint(pair.getPublic());
        String name = "cloudfront-signed-" + fingerprint.substring(0, 12);
        PrintWriter o = spec.commandLine().getOut();
        o.println("Wrote " + privateFile + " (" + Keys.describe(pair.getPrivate())
                + " private key, PKCS#8 PEM; keep it secret)");
        o.println("Wrote " + publicFile);
        o.println("Public key SHA-256 fingerprint: " + fingerprint);
        o.println();
        o.println("Upload the public key and create a key group with it (AWS CLI v2):");
        o.println("  PUBLIC_KEY_ID=$(aws cloudfront create-public-key --public-key-config \"CallerReference=" + name
                + ",Name=" + name + ",EncodedKey@=file://" + publicFile + "\" --query PublicKey.Id --output text)");
        o.println("  aws cloudfront create-key-group --key-group-config \"Name=" + name
                + ",Items=$PUBLIC_KEY_ID\" --query KeyGroup.Id --output text");
        o.println("Then add the key group to your distribution's cache behavior (Trusted key groups) and sign:");
        o.println("  cloudfront-signed sign --url https://YOUR-DISTRIBUTION/PATH --key-pair-id $PUBLIC_KEY_ID"
                + " --private-key file://" + privateFile + " --expires-in 1h");
        return Main.OK;
    }

    private KeyPair generate() {
        try {
            if (type == KeyType.ecdsa) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + type + " keys: " + e.getMessage(), e);
        }
    }

    /** Writes the private key readable by its owner only, where the file system has POSIX permissions. */
    private static void writePrivate(Path file, String pem) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new InputException(file + " already exists; keygen never overwrites a key");
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
