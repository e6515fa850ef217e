package io.github.cloudfrontsigned.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the shaded {@code cli/target/cloudfront-signed.jar} as a user does: one process per command line. */
final class CliProcess {

    private CliProcess() {}

    /** What a process printed, and its exit status. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The jar the build made. */
    static Path jar() {
        return Paths.get(System.getProperty("cli.jar", "target/cloudfront-signed.jar"));
    }

    /** Runs {@code java -jar cloudfront-signed.jar ARGS}, its output kept in files under {@code dir}. */
    static Result cli(Path dir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString()));
        command.addAll(Arrays.asList(args));
        return run(dir, environment, command);
    }

    /**
     * Runs a command to its end (at most two minutes), its output kept in files under {@code dir}, with this JVM's
     * environment less every {@code AWS_*} variable, plus {@code environment}.
     */
    static Result run(Path dir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_")); // only what the test gives
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no exit within 120 s: " + command);
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
