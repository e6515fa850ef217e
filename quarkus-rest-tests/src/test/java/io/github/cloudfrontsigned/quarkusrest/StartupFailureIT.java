package io.github.cloudfrontsigned.quarkusrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cloudfrontsigned.TestKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A misconfigured Quarkus REST application (no servlet layer, so no servlet container initializer) does not
 * start, and says which property, with which value from which source, and the fix. The application is the one
 * {@code quarkus:build} packaged, started with {@code java -jar} as a user starts it; the mistakes come in as a
 * user makes them, in the environment and in system properties over the packaged application.properties.
 */
final class StartupFailureIT {

    private static final Path APPLICATION = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String KEY_FILE =
            TestKeys.pemFile(TestKeys.RSA.getPrivate()).toString();

    /** What a run printed and how it ended. */
    private record Run(int exitCode, String output) {}

    /**
     * Starts the packaged application and waits for it to stop; fails if it starts serving instead.
     *
     * @param environment variables added to this JVM's environment
     * @param systemProperties {@code -D} options, such as {@code cloudfront.url.ttl=10m}
     */
    private static Run start(Map<String, String> environment, String... systemProperties) throws Exception {
        assertTrue(Files.isRegularFile(APPLICATION), APPLICATION + " is missing: quarkus:build did not run");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=0");
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        command.add("-jar");
        command.add(APPLICATION.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                if (line.contains("Listening on:")) {
                    fail("the application started although misconfigured:\n" + output);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("reading the application's output failed:\n" + output, e);
        } finally {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), output.toString());
    }

    private static void assertStopped(Run run, String... expected) {
        assertEquals(1, run.exitCode(), run.output());
        for (String part : expected) {
            assertTrue(run.output().contains(part), "no \"" + part + "\" in:\n" + run.output());
        }
    }

    @Test
    void badDuration_stopsStartUpWithThePropertyValueSourceAndFix() throws Exception {
        Run run = start(Map.of("CLOUDFRONT_URL_TTL", "ten minutes"), "cloudfront.private-key.location=" + KEY_FILE);
        assertStopped(run, "cloudfront.url.ttl = \"ten minutes\"", "EnvConfigSource", "10m");
    }

    @Test
    void missingKeyFile_stopsStartUpWithThePropertyAndPath() throws Exception {
        String missing = Path.of(KEY_FILE).resolveSibling("no-such-key.pem").toString();
        Run run = start(Map.of(), "cloudfront.private-key.location=" + missing);
        assertStopped(run, "cloudfront.private-key.location", missing);
    }

    @Test
    void noKeyAtAll_stopsStartUpNamingTheKeyProperties() throws Exception {
        // application.properties names a key pair ID and protected prefixes but no key: the application cannot sign
        Run run = start(Map.of());
        assertStopped(run, "cloudfront.private-key");
    }
}
