package io.github.cloudfrontsigned.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run the class-data sharing archive is recorded from ({@code java -XX:ArchiveClassesAtExit=... -cp
 * cloudfront-signed.jar io.github.cloudfrontsigned.cli.CdsTrainingRun}; the launcher does it on its first run): every
 * command once, in one JVM, with keys made for the run in a temporary directory and everything printed thrown
 * away. The archive then holds the classes of every command, parsed and verified, so that each later start maps
 * them instead of loading them from the jar.
 */
final class CdsTrainingRun {

    private CdsTrainingRun() {}

    /**
     * Runs every command once.
     *
     * @param args ignored
     * @throws IOException if the temporary directory cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("cloudfront-signed-training");
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        String url = "https://d111111abcdef8.cloudfront.net/training/a.jpg";
        try {
            for (String type : new String[] {"rsa", "ecdsa"}) {
                Path keys = dir.resolve(type);
                run(none, "keygen", "--type", type, "--out", keys.toString());
                String privateKey = "file://" + keys.resolve("private_key.pem");
                String publicKey = "K1=" + keys.resolve("public_key.pem");
                ByteCapture signed = new ByteCapture();
                Main.run(
                        signed.stream,
                        none,
                        "sign",
                        "--url",
                        url,
                        "--key-pair-id",
                        "K1",
                        "--private-key",
                        privateKey,
                        "--expires-in",
                        "10m");
                run(
                        none,
                        "sign",
                        "--url",
                        url,
                        "--policy-resource",
                        url.replace("a.jpg", "*"),
                        "--ip-address",
                        "192.0.2.0/24",
                        "--key-pair-id",
                        "K1",
                        "--private-key",
                        privateKey,
                        "--date-less-than",
                        "2099-01-01",
                        "--output",
                        "json");
                run(
                        none,
                        "sign-cookies",
                        "--resource",
                        url,
                        "--key-pair-id",
                        "K1",
                        "--private-key",
                        privateKey,
                        "--expires-in",
                        "1h",
                        "--set-cookie",
                        "--secure",
                        "--http-only",
                        "--output",
                        "json");
                run(none, "verify", "--url", signed.text(), "--public-key", publicKey);
                run(none, "verify", "--url", signed.text(), "--public-key", publicKey, "--output", "json");
                run(none, "inspect", "--url", signed.text());
                run(none, "inspect", "--url", signed.text(), "--output", "json");
            }
            run(none, "sign", "--help");
            run(none, "nonsense");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static void run(PrintStream none, String... args) {
        Main.run(none, none, args);
    }

    /** What a command printed, as text. */
    private static final class ByteCapture {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8).strip();
        }
    }
}
