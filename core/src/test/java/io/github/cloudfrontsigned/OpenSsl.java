package io.github.cloudfrontsigned;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} command for tests. */
public final class OpenSsl {

    private OpenSsl() {}

    /** Runs {@code openssl args...} in {@code dir} and returns its standard output; fails on a non-zero exit. */
    public static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        return exec(dir, command);
    }

    /** Runs a shell pipeline in {@code dir} and returns its standard output; fails on a non-zero exit. */
    static String shell(Path dir, String pipeline) {
        return exec(dir, List.of("sh", "-c", "set -e; " + pipeline));
    }

    /**
     * The fingerprint openssl computes for a PEM public key:
     * {@code openssl pkey -pubin -in FILE -outform DER | openssl dgst -sha256}, the part after {@code "= "}.
     */
    public static String fingerprint(Path publicKeyPem) {
        String out = shell(
                        publicKeyPem.getParent(),
                        "openssl pkey -pubin -in '" + publicKeyPem.getFileName()
                                + "' -outform DER | openssl dgst -sha256")
                .strip();
        int eq = out.lastIndexOf("= ");
        if (eq < 0) {
            throw new AssertionError("Unexpected openssl dgst output: " + out);
        }
        return out.substring(eq + 2).strip();
    }

    private static String exec(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile(dir, "openssl", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(err.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "Command failed (exit " + process.exitValue() + "): " + command + "\n" + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted: " + command, e);
        }
    }
}
