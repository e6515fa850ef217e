package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudfrontsigned.cli.CliProcess.Result;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a user runs it: the shaded {@code cli/target/cloudfront-signed.jar} started with
 * {@code java -jar}, one process per command line. Each command, each exit status, each kind of error message.
 */
final class CommandLineIT {

    private static final String HOST = "https://d111111abcdef8.cloudfront.net";
    private static final String URL = HOST + "/images/cat.jpg";
    /** 2099-01-01T00:00:00Z: far enough ahead that the canned RSA signature is the same on every run. */
    private static final String FAR_FUTURE = "2099-01-01";

    private static final long FAR_FUTURE_EPOCH = 4070908800L;

    @TempDir
    static Path keys;

    private static Path rsaDir;
    private static Path ecDir;
    private static Result rsaKeygen;

    @BeforeAll
    static void generateKeys() throws Exception {
        rsaDir = keys.resolve("rsa");
        ecDir = keys.resolve("ecdsa");
        rsaKeygen = cli("keygen", "--out", rsaDir.toString());
        assertEquals(0, rsaKeygen.exit(), rsaKeygen::toString);
        Result ec = cli("keygen", "--type", "ecdsa", "--out", ecDir.toString());
        assertEquals(0, ec.exit(), ec::toString);
    }

    private static Result cli(String... args) throws IOException, InterruptedException {
        return CliProcess.cli(keys, Map.of(), args);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return CliProcess.run(keys, Map.of(), command);
    }

    private static String privateKey(Path dir) {
        return "file://" + dir.resolve("private_key.pem");
    }

    private static String publicKey(String keyPairId, Path dir) {
        return keyPairId + "=" + dir.resolve("public_key.pem");
    }

    private static String signRsa(String... extra) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("sign", "--key-pair-id", "K2JCJMDEHXQW5F", "--private-key", privateKey(rsaDir)));
        args.addAll(Arrays.asList(extra));
        Result r = cli(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out().strip();
    }

    /** {@code verify} with one {@code --cookie} per line that sign-cookies printed. */
    private static Result verifyWithCookies(String url, String publicKey, String[] lines) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--url", url, "--public-key", publicKey));
        for (String line : lines) {
            args.add("--cookie");
            args.add(line);
        }
        return cli(args.toArray(new String[0]));
    }

    private static void assertUsageError(Result r, String messagePart) {
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        String err = r.err().strip();
        assertFalse(err.contains("\n"), () -> "one line: " + r);
        assertTrue(err.contains(messagePart), () -> "stderr should contain \"" + messagePart + "\": " + r);
    }

    // ---- keygen ----

    @Test
    void keygen_writesAPrivateKeyOnlyTheOwnerCanRead() throws Exception {
        Path file = rsaDir.resolve("private_key.pem");
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("RSA 2048-bit", Keys.describe(Keys.loadPrivateKey(KeySource.file(file))));
    }

    @Test
    void keygen_printsTheFingerprintAndTheAwsCliCommands() {
        String fingerprint = Keys.fingerprint(Keys.loadPublicKey(KeySource.file(rsaDir.resolve("public_key.pem"))));
        assertTrue(
                rsaKeygen.out().contains("Public key SHA-256 fingerprint: " + fingerprint + "\n"), rsaKeygen::toString);
        assertTrue(
                rsaKeygen
                        .out()
                        .contains("aws cloudfront create-public-key --public-key-config \"CallerReference="
                                + "cloudfront-signed-" + fingerprint.substring(0, 12)),
                rsaKeygen::toString);
        assertTrue(
                rsaKeygen.out().contains("EncodedKey@=file://" + rsaDir.resolve("public_key.pem")),
                rsaKeygen::toString);
        assertTrue(rsaKeygen.out().contains("aws cloudfront create-key-group --key-group-config"), rsaKeygen::toString);
    }

    @Test
    void keygen_refusesToOverwriteAKey() throws Exception {
        assertUsageError(cli("keygen", "--out", rsaDir.toString()), "private_key.pem already exists");
    }

    @Test
    void keygen_ecdsa_writesAP256Key() {
        assertEquals("ECDSA P-256", Keys.describe(Keys.loadPublicKey(KeySource.file(ecDir.resolve("public_key.pem")))));
    }

    // ---- sign ----

    @Test
    void sign_cannedUrl_printsTheSignedUrlThatVerifies() throws Exception {
        String signed = signRsa("--url", URL, "--date-less-than", FAR_FUTURE);
        assertTrue(signed.startsWith(URL + "?Expires=" + FAR_FUTURE_EPOCH + "&Signature="), signed);
        assertTrue(signed.endsWith("&Key-Pair-Id=K2JCJMDEHXQW5F"), signed);
        Result verified = cli("verify", "--url", signed, "--public-key", publicKey("K2JCJMDEHXQW5F", rsaDir));
        assertEquals(0, verified.exit(), verified::toString);
        assertTrue(
                verified.out().startsWith("OK\nsigned URL with a canned policy, key pair ID K2JCJMDEHXQW5F, SHA1"),
                verified::toString);
    }

    @Test
    void sign_withEcdsaFromTheShadedJar_usesSha256AndVerifies() throws Exception {
        Result r = cli(
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K3ECDSAKEY",
                "--private-key",
                privateKey(ecDir),
                "--expires-in",
                "10m");
        assertEquals(0, r.exit(), r::toString);
        String signed = r.out().strip();
        assertTrue(signed.endsWith("&Key-Pair-Id=K3ECDSAKEY&Hash-Algorithm=SHA256"), signed);
        long expires = Long.parseLong(signed.substring(signed.indexOf("Expires=") + 8, signed.indexOf("&Signature")));
        long now = Instant.now().getEpochSecond();
        assertTrue(expires >= now + 590 && expires <= now + 610, "expires in about 10 minutes: " + signed);
        Result verified = cli("verify", "--url", signed, "--public-key", publicKey("K3ECDSAKEY", ecDir));
        assertEquals(0, verified.exit(), verified::toString);
    }

    @Test
    void sign_customPolicy_isCheckedAgainstTheClientIp() throws Exception {
        String signed = signRsa(
                "--url",
                URL + "?size=large",
                "--policy-resource",
                HOST + "/images/*",
                "--date-less-than",
                "2099-01-01T00:00:00Z",
                "--date-greater-than",
                "1767225600",
                "--ip-address",
                "192.0.2.0/24",
                "--hash-algorithm",
                "SHA256");
        assertTrue(signed.startsWith(URL + "?size=large&Policy="), signed);
        String key = publicKey("K2JCJMDEHXQW5F", rsaDir);
        Result inside = cli("verify", "--url", signed, "--public-key", key, "--client-ip", "192.0.2.7");
        assertEquals(0, inside.exit(), inside::toString);
        Result outside = cli("verify", "--url", signed, "--public-key", key, "--client-ip", "198.51.100.7");
        assertEquals(1, outside.exit(), outside::toString);
        assertEquals(
                "AccessDenied: client IP 198.51.100.7 is not in the policy's IpAddress range 192.0.2.0/24\n",
                outside.out());
    }

    @Test
    void sign_resourceThatDoesNotCoverTheUrl_isAUsageError() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--url",
                        HOST + "/videos/a.mp4",
                        "--policy-resource",
                        HOST + "/images/*",
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--expires-in",
                        "1h"),
                "is not covered by the policy Resource " + HOST + "/images/*, so CloudFront would answer 403: they"
                        + " differ in the path at position 38 of the URL: the URL has 'v' where the Resource has 'i'");
    }

    @Test
    void sign_withoutUrl_namesTheMissingOption() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--expires-in",
                        "1h"),
                "cloudfront-signed sign: Missing required option: '--url=URL' (see"
                        + " 'cloudfront-signed sign --help')");
    }

    @Test
    void sign_withBothExpiries_isRefused() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--url",
                        URL,
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--expires-in",
                        "1h",
                        "--date-less-than",
                        FAR_FUTURE),
                "mutually exclusive");
    }

    @Test
    void sign_withAnUnreadableTime_saysWhatATimeLooksLike() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--url",
                        URL,
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--date-less-than",
                        "tomorrow"),
                "\"tomorrow\" is not a time: give epoch seconds (1767290400) or ISO-8601");
    }

    @Test
    void sign_withAnUnreadableDuration_saysWhatADurationLooksLike() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--url",
                        URL,
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--expires-in",
                        "10 minutes"),
                "\"10 minutes\" is not a duration: give 10m, 2h, 7d");
    }

    @Test
    void sign_withAMissingKeyFile_namesTheFile() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--url",
                        URL,
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        "file://" + keys.resolve("nope.pem"),
                        "--expires-in",
                        "1h"),
                "cloudfront-signed sign: --private-key: Cannot load key from file " + keys.resolve("nope.pem"));
    }

    @Test
    void sign_withAnExpiryInThePast_isRefused() throws Exception {
        assertUsageError(
                cli(
                        "sign",
                        "--url",
                        URL,
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--date-less-than",
                        "2020-01-01"),
                "is not in the future");
    }

    // ---- sign-cookies ----

    @Test
    void signCookies_printsOneNameValueLinePerCookie() throws Exception {
        Result r = cli(
                "sign-cookies",
                "--resource",
                HOST + "/members/*",
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                privateKey(rsaDir),
                "--date-less-than",
                FAR_FUTURE);
        assertEquals(0, r.exit(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r::toString);
        assertTrue(lines[0].startsWith("CloudFront-Policy="), r::toString);
        assertTrue(lines[1].startsWith("CloudFront-Signature="), r::toString);
        assertEquals("CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F", lines[2]);
        Result verified = verifyWithCookies(HOST + "/members/report.pdf", publicKey("K2JCJMDEHXQW5F", rsaDir), lines);
        assertEquals(0, verified.exit(), verified::toString);
        assertTrue(verified.out().contains("signed cookies with a custom policy"), verified::toString);
    }

    @Test
    void signCookies_withSetCookie_printsHeadersWithTheAttributesThatVerifyAsTheyAre() throws Exception {
        Result r = cli(
                "sign-cookies",
                "--resource",
                URL,
                "--key-pair-id",
                "K3ECDSAKEY",
                "--private-key",
                privateKey(ecDir),
                "--expires-in",
                "1h",
                "--domain",
                "d111111abcdef8.cloudfront.net",
                "--path",
                "/images/",
                "--secure",
                "--http-only",
                "--set-cookie");
        assertEquals(0, r.exit(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r::toString);
        assertTrue(lines[0].startsWith("Set-Cookie: CloudFront-Expires="), r::toString);
        assertTrue(
                lines[3].equals("Set-Cookie: CloudFront-Hash-Algorithm=SHA256; Domain=d111111abcdef8.cloudfront.net;"
                        + " Path=/images/; Secure; HttpOnly"),
                r::toString);
        Result verified = verifyWithCookies(URL, publicKey("K3ECDSAKEY", ecDir), lines);
        assertEquals(0, verified.exit(), verified::toString);
    }

    // ---- verify ----

    @Test
    void verify_expired_exitsOneWithTheCodeAndHowLongAgo() throws Exception {
        String signed = signRsa("--url", URL, "--date-less-than", FAR_FUTURE);
        Result r = cli(
                "verify",
                "--url",
                signed,
                "--public-key",
                publicKey("K2JCJMDEHXQW5F", rsaDir),
                "--at",
                "2099-01-01T02:30:00Z");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(
                r.out()
                        .startsWith("AccessDenied: expired at 2099-01-01T00:00:00Z (epoch " + FAR_FUTURE_EPOCH
                                + "), 2 hours 30 minutes ago"),
                r::toString);
    }

    @Test
    void verify_reEncodedUrl_saysSoAndShowsWhere() throws Exception {
        String signed = signRsa("--url", HOST + "/media/caf%C3%A9.jpg", "--date-less-than", FAR_FUTURE);
        Result r = cli(
                "verify",
                "--url",
                signed.replace("%C3%A9", "%c3%a9"),
                "--public-key",
                publicKey("K2JCJMDEHXQW5F", rsaDir));
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("AccessDenied: the URL was re-encoded after signing"), r::toString);
        assertTrue(r.out().contains("\n  signed:   " + HOST + "/media/caf%C3%A9.jpg\n"), r::toString);
    }

    @Test
    void verify_unknownKeyPairId_isInvalidKey() throws Exception {
        String signed = signRsa("--url", URL, "--date-less-than", FAR_FUTURE);
        Result r = cli("verify", "--url", signed, "--public-key", publicKey("KOTHER", rsaDir));
        assertEquals(1, r.exit(), r::toString);
        assertEquals(
                "InvalidKey: key pair ID \"K2JCJMDEHXQW5F\" is not in the trusted key group (trusted: KOTHER)\n",
                r.out());
    }

    @Test
    void verify_unsignedUrl_isMissingKey() throws Exception {
        Result r = cli("verify", "--url", URL, "--public-key", publicKey("K2JCJMDEHXQW5F", rsaDir));
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("MissingKey: "), r::toString);
    }

    @Test
    void verify_publicKeyWithoutId_saysHowToWriteIt() throws Exception {
        assertUsageError(
                cli(
                        "verify",
                        "--url",
                        URL,
                        "--public-key",
                        rsaDir.resolve("public_key.pem").toString()),
                "give KEY_PAIR_ID=FILE, for example K2JCJMDEHXQW5F=public_key.pem");
    }

    @Test
    void verify_relativeUrl_isAUsageError() throws Exception {
        assertUsageError(
                cli("verify", "--url", "/images/cat.jpg", "--public-key", publicKey("K1", rsaDir)),
                "--url: URL \"/images/cat.jpg\" is not absolute");
    }

    // ---- inspect ----

    @Test
    void inspect_showsThePolicyKeyAndTimesWithoutAKey() throws Exception {
        String signed = signRsa("--url", URL, "--policy-resource", HOST + "/images/*", "--date-less-than", FAR_FUTURE);
        Result r = cli("inspect", "--url", signed, "--at", "2098-12-31T23:00:00Z");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Signed URL, custom policy\n"), r::toString);
        assertTrue(r.out().contains("  Key pair ID:      K2JCJMDEHXQW5F\n"), r::toString);
        assertTrue(r.out().contains("  Resource:         " + HOST + "/images/*\n"), r::toString);
        assertTrue(
                r.out()
                        .contains("  DateLessThan:     2099-01-01T00:00:00Z (epoch " + FAR_FUTURE_EPOCH
                                + "), in 1 hour\n"),
                r::toString);
    }

    @Test
    void inspect_unsignedUrl_isAUsageError() throws Exception {
        assertUsageError(
                cli("inspect", "--url", URL), "nothing to inspect: the request carries no signing query parameter");
    }

    @Test
    void inspect_withNothing_saysWhatToGive() throws Exception {
        assertUsageError(cli("inspect"), "give --url, --cookie, or both");
    }

    // ---- the command itself ----

    @Test
    void everyCommand_hasHelp() throws Exception {
        for (String command : List.of("sign", "sign-cookies", "verify", "inspect", "keygen", "edge")) {
            Result r = cli(command, "--help");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().startsWith("Usage: cloudfront-signed " + command + " "), r::toString);
        }
        Result top = cli("--help");
        assertEquals(0, top.exit(), top::toString);
        assertTrue(
                top.out()
                        .contains(
                                "Exit status: 0 success, 1 verification failed, 2 usage or input error,\n3 internal error."),
                top::toString);
    }

    @Test
    void noCommand_isAUsageError() throws Exception {
        assertUsageError(cli(), "give a command: sign, sign-cookies, verify, inspect, keygen or edge");
    }

    @Test
    void unknownOption_isAUsageError() throws Exception {
        assertUsageError(
                cli("inspect", "--colour", "red"), "cloudfront-signed inspect: Unknown options: '--colour', 'red'");
    }

    @Test
    void unknownCommand_isAUsageErrorEvenWithHelp() throws Exception {
        assertUsageError(
                cli("frobnicate", "--help"),
                "cloudfront-signed: unknown command 'frobnicate'; the commands"
                        + " are sign, sign-cookies, verify, inspect, keygen, edge, generate-completion, help");
    }

    @Test
    void generateCompletion_printsABashScriptWithEveryCommandAndOption() throws Exception {
        Result r = cli("generate-completion");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r::toString);
        for (String word : List.of("sign-cookies", "inspect", "edge", "--output", "--private-key", "--public-url")) {
            assertTrue(r.out().contains(word), () -> word + " in the completion script");
        }
    }

    // ---- JSON output ----

    private static JsonNode json(Result r, int exit) throws Exception {
        assertEquals(exit, r.exit(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().endsWith("}\n") && r.out().indexOf('\n') == r.out().length() - 1, () -> "one line: " + r);
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void sign_outputJson_givesTheUrlAndThePolicyFields() throws Exception {
        JsonNode j = json(
                cli(
                        "sign",
                        "--url",
                        URL,
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        privateKey(rsaDir),
                        "--date-less-than",
                        FAR_FUTURE,
                        "--output",
                        "json"),
                0);
        assertEquals(
                signRsa("--url", URL, "--date-less-than", FAR_FUTURE),
                j.get("url").asText());
        assertEquals("url", j.get("source").asText());
        assertEquals("canned", j.get("policy").asText());
        assertEquals("K2JCJMDEHXQW5F", j.get("keyPairId").asText());
        assertEquals("SHA1", j.get("hashAlgorithm").asText());
        assertEquals(URL, j.get("resource").asText());
        assertEquals(FAR_FUTURE_EPOCH, j.get("expires").asLong());
        assertEquals("2099-01-01T00:00:00Z", j.get("expiresAt").asText());
        assertTrue(j.get("notBefore").isNull() && j.get("ipAddress").isNull(), j::toString);
    }

    @Test
    void signCookies_outputJson_givesTheCookiesByNameAndTheHeaders() throws Exception {
        JsonNode j = json(
                cli(
                        "sign-cookies",
                        "--resource",
                        HOST + "/members/*",
                        "--key-pair-id",
                        "K3ECDSAKEY",
                        "--private-key",
                        privateKey(ecDir),
                        "--expires-in",
                        "1h",
                        "--ip-address",
                        "192.0.2.0/24",
                        "--set-cookie",
                        "--secure",
                        "--output",
                        "json"),
                0);
        assertEquals(
                "K3ECDSAKEY", j.get("cookies").get("CloudFront-Key-Pair-Id").asText());
        assertEquals("SHA256", j.get("cookies").get("CloudFront-Hash-Algorithm").asText());
        assertTrue(
                j.get("cookies").has("CloudFront-Policy") && j.get("cookies").has("CloudFront-Signature"), j::toString);
        assertEquals(4, j.get("setCookie").size());
        assertTrue(j.get("setCookie").get(0).asText().endsWith("; Path=/; Secure"), j::toString);
        assertEquals("cookies", j.get("source").asText());
        assertEquals("custom", j.get("policy").asText());
        assertEquals(HOST + "/members/*", j.get("resource").asText());
        assertEquals("192.0.2.0/24", j.get("ipAddress").asText());
    }

    @Test
    void verify_outputJson_deniedGivesTheCodeAndReasonAndExitsOne() throws Exception {
        String signed = signRsa("--url", URL, "--date-less-than", FAR_FUTURE);
        JsonNode j = json(
                cli("verify", "--url", signed, "--public-key", publicKey("KOTHER", rsaDir), "--output", "json"), 1);
        assertFalse(j.get("allowed").asBoolean());
        assertEquals("InvalidKey", j.get("code").asText());
        assertEquals(
                "key pair ID \"K2JCJMDEHXQW5F\" is not in the trusted key group (trusted: KOTHER)",
                j.get("reason").asText());
    }

    @Test
    void verify_outputJson_allowedGivesTheVerifiedPolicy() throws Exception {
        String signed = signRsa("--url", URL, "--date-less-than", FAR_FUTURE);
        JsonNode j = json(
                cli("verify", "--url", signed, "--public-key", publicKey("K2JCJMDEHXQW5F", rsaDir), "--output", "json"),
                0);
        assertTrue(j.get("allowed").asBoolean());
        assertTrue(j.get("code").isNull(), j::toString);
        assertEquals(URL, j.get("resource").asText());
        assertEquals(FAR_FUTURE_EPOCH, j.get("expires").asLong());
    }

    @Test
    void inspect_outputJson_givesThePolicyTextAndNoProblems() throws Exception {
        String signed = signRsa("--url", URL, "--policy-resource", HOST + "/images/*", "--date-less-than", FAR_FUTURE);
        JsonNode j = json(cli("inspect", "--url", signed, "--output", "json"), 0);
        assertEquals("custom", j.get("policy").asText());
        assertEquals(HOST + "/images/*", j.get("resource").asText());
        assertTrue(j.get("policyJson").asText().contains("\"AWS:EpochTime\":" + FAR_FUTURE_EPOCH), j::toString);
        assertEquals(0, j.get("problems").size());
    }

    @Test
    void sign_withAKeyFile_loadsNeitherTheAwsSdkNorJetty() throws Exception {
        Result r = run(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-jar",
                CliProcess.jar().toString(),
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                privateKey(rsaDir),
                "--expires-in",
                "10m"));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains(" io.github.cloudfrontsigned.CloudFrontSigner "), "the class log works");
        assertFalse(r.out().contains("software.amazon.awssdk"), "no AWS SDK class for a key in a file");
        assertFalse(r.out().contains("org.eclipse.jetty"), "no Jetty class outside edge");
    }

    @Test
    void launcherScript_runsTheJarOfItsDistribution() throws Exception {
        Path launcher = Paths.get(System.getProperty("cli.launcher", "target/cloudfront-signed/bin/cloudfront-signed"));
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
        Result r = run(List.of(launcher.toString(), "--version"));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("cloudfront-signed 0.1.0-SNAPSHOT\n"), r::toString);
    }
}
