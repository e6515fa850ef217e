package io.github.cloudfrontsigned.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars as named modules: the application in {@code src/test/modular-app} ({@code requires} core and servlet)
 * compiled with {@code javac --module-path} and run with {@code java --module-path ... -m app/app.Main}, the module
 * path holding only the jars the build made (core, servlet) and what they require (BouncyCastle, the Servlet API),
 * copied to {@code target/module-path} by the build.
 */
final class ModulePathApplicationTest {

    private static final Path SOURCES = Paths.get("src/test/modular-app");
    private static final Path MODULE_PATH = Paths.get(System.getProperty("module.path", "target/module-path"));

    @TempDir
    Path temp;

    @Test
    void modularApplication_signsAUrlWithALoadedKey_onTheModulePath() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("app"));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(
                            diagnostics,
                            files,
                            null,
                            List.of(
                                    "--release",
                                    "17",
                                    "-Xlint:all",
                                    "-Werror",
                                    "--module-path",
                                    MODULE_PATH.toString(),
                                    "-d",
                                    classes.toString()),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertTrue(compiled, diagnostics::toString);
        }

        Path key = privateKeyFile();
        String out =
                java("--module-path", classes + File.pathSeparator + MODULE_PATH, "-m", "app/app.Main", key.toString());

        assertTrue(out.contains("signed: https://d111111abcdef8.cloudfront.net/private/a.jpg?Expires="), out);
        assertTrue(out.contains("verified: allowed\n"), out);
        assertTrue(out.contains("filter: io.github.cloudfrontsigned.servlet\n"), out);
        assertTrue(
                out.contains("initializer: io.github.cloudfrontsigned.servlet.ServletSigningInitializer in"
                        + " io.github.cloudfrontsigned.servlet\n"),
                out);
    }

    /** A new P-256 key pair's private key as a PKCS#8 PEM file. */
    private Path privateKeyFile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        return Files.writeString(
                temp.resolve("private_key.pem"),
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
    }

    /** Runs this JDK's {@code java} with {@code args}; returns what it printed, standard error included. */
    private String java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(args));
        Path output = temp.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no exit within 60 s: " + command);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> command + "\n" + out);
        return out;
    }
}
