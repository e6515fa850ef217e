package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.GeneratedKeys;
import io.github.cloudfrontsigned.RawHttp;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * What a command-line user reads: errors name the option to change (never a Java call of the library), every
 * {@code --help} example can be pasted into a shell as printed, and the edge's development log has no literal
 * {@code \n}.
 */
final class CliMessagesTest {

    @TempDir
    static Path dir;

    private static Path privateKey;

    @BeforeAll
    static void keys() throws Exception {
        privateKey = dir.resolve("private_key.pem");
        Files.writeString(privateKey, TestKeys.pem(TestKeys.RSA.getPrivate()));
    }

    /** What a command printed on standard error, and its exit status. */
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A Java call or type of the library's API in a message: {@code Policy.resource(...)}, {@code ResourceUrls}. */
    private static final Pattern JAVA_API = Pattern.compile(
            "\\(\\.\\.\\.\\)|\\w+\\.\\w+\\(|ResourceUrls|KeySource" + "|CloudFrontSigner|Policy\\.|Builder");

    private static void assertNamesNoJavaApi(String message) {
        assertFalse(JAVA_API.matcher(message).find(), message);
    }

    @Test
    void sign_wildcardUrlWithoutPolicyResource_namesTheOption() {
        Run r = run(
                "sign",
                "--url",
                "https://d111111abcdef8.cloudfront.net/videos/*",
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                privateKey.toString(),
                "--expires-in",
                "10m");
        assertEquals(Main.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("--policy-resource"), r.err());
        assertNamesNoJavaApi(r.err());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://d111111abcdef8.cloudfront.net/a b.jpg",
                "https://d111111abcdef8.cloudfront.net/caf\u00e9.jpg"
            })
    void sign_urlThatIsNotPercentEncoded_saysHowWithoutNamingJavaTypes(String url) {
        Run r = run(
                "sign",
                "--url",
                url,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                privateKey.toString(),
                "--expires-in",
                "10m");
        assertEquals(Main.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("percent-encode"), r.err());
        assertNamesNoJavaApi(r.err());
    }

    @Test
    void signCookies_resourceThatIsNotPercentEncoded_saysHowWithoutNamingJavaTypes() {
        Run r = run(
                "sign-cookies",
                "--resource",
                "https://d111111abcdef8.cloudfront.net/summer 2026/*",
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                privateKey.toString(),
                "--expires-in",
                "1h");
        assertEquals(Main.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("--resource"), r.err());
        assertNamesNoJavaApi(r.err());
    }

    @Test
    void sign_encryptedPrivateKey_saysHowToDecryptItWithoutNamingJavaCalls() throws Exception {
        Path encrypted =
                new GeneratedKeys(Files.createDirectories(dir.resolve("generated"))).file("rsa-encrypted-pkcs8.pem");
        Run r = run(
                "sign",
                "--url",
                "https://d111111abcdef8.cloudfront.net/a.jpg",
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                encrypted.toString(),
                "--expires-in",
                "10m");
        assertEquals(Main.USAGE, r.exit(), r::toString);
        assertTrue(r.err().contains("openssl pkey"), r.err());
        assertNamesNoJavaApi(r.err());
    }

    /** The examples of a help text: each one its lines joined, as a shell reads {@code \} at a line's end. */
    private static List<String> examples(String help) {
        List<String> examples = new ArrayList<>();
        boolean inExamples = false;
        StringBuilder current = null;
        for (String line : help.split("\n", -1)) {
            if (line.equals("Examples:") || line.equals("Example:")) {
                inExamples = true;
                continue;
            }
            if (!inExamples) {
                continue;
            }
            if (current != null) {
                assertTrue(
                        line.startsWith("      "),
                        "a continuation line that is not indented, wrapped by" + " the help's width?\n" + line + "\n"
                                + help);
                current.append(' ').append(line.strip());
            } else if (line.startsWith("  cloudfront-signed ")) {
                current = new StringBuilder(line.strip());
            } else {
                assertFalse(
                        line.startsWith("   "),
                        "a line of an example that continues none: wrapped by the" + " help's width?\n" + line + "\n"
                                + help);
                continue;
            }
            if (current.toString().endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else {
                examples.add(current.toString().strip());
                current = null;
            }
        }
        assertTrue(current == null, "an example ends with \\ and nothing after it:\n" + help);
        return examples;
    }

    /** Splits a command line as a POSIX shell does for plain words and '...' quotes. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                assertTrue(end > 0, "unbalanced quote: " + line);
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("sign", new SignCommand());
        commandLine.addSubcommand("sign-cookies", new SignCookiesCommand());
        commandLine.addSubcommand("verify", new VerifyCommand());
        commandLine.addSubcommand("inspect", new InspectCommand());
        commandLine.addSubcommand("keygen", new KeygenCommand());
        commandLine.addSubcommand("edge", new EdgeCommand());
        return commandLine;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sign", "sign-cookies", "verify", "inspect", "keygen", "edge"})
    void help_everyExamplePastesAsACommandThatParses(String command) {
        Run help = run(command, "--help");
        assertEquals(Main.OK, help.exit(), help::toString);
        assertFalse(
                Pattern.compile("https?:'?$", Pattern.MULTILINE)
                        .matcher(help.out())
                        .find(),
                "a URL wrapped across lines:\n" + help.out());
        List<String> examples = examples(help.out());
        assertFalse(examples.isEmpty(), help.out());
        for (String example : examples) {
            List<String> words = shellWords(example);
            assertEquals("cloudfront-signed", words.get(0), example);
            assertEquals(command, words.get(1), example);
            try {
                commandLine().parseArgs(words.subList(1, words.size()).toArray(new String[0]));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("the example does not parse: " + e.getMessage() + "\n" + example, e);
            }
        }
    }

    @Test
    void edgeDevLog_multiLineReasonIsOneLineWithoutLiteralBackslashN() throws Exception {
        Path bucket = Files.createDirectories(dir.resolve("bucket/private"));
        Files.writeString(bucket.resolve("a.txt"), "a\n");
        Path publicKey = dir.resolve("public_key.pem");
        Files.writeString(publicKey, Keys.toPem(TestKeys.RSA.getPublic()));
        String distribution = "https://d111111abcdef8.cloudfront.net";
        try (RunningEdge edge = RunningEdge.start(
                "--origin-dir",
                bucket.getParent().toString(),
                "--public-key",
                "K2JCJMDEHXQW5F=" + publicKey,
                "--public-url",
                distribution,
                "--dev")) {
            String signed = CloudFrontSigner.builder()
                    .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                    .build()
                    .signUrl(distribution + "/private/a.txt", Duration.ofMinutes(5));
            RawHttp.Response r =
                    edge.raw(signed.substring(distribution.length()).replace("a.txt", "b.txt"));
            assertEquals(403, r.status(), r.text());
            String line = edge.printed()
                    .lines()
                    .filter(l -> l.startsWith("403 "))
                    .findFirst()
                    .orElseThrow();
            assertTrue(line.contains("AccessDenied: the signature does not match"), line);
            assertFalse(line.contains("\\n"), line);
            String header = r.text()
                    .lines()
                    .filter(l -> l.startsWith(EdgeHandler.REASON_HEADER))
                    .findFirst()
                    .orElseThrow();
            assertFalse(header.contains("\\n"), header);
        }
    }
}
