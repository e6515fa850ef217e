package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.aws.LocalAwsEndpoint;
import io.github.cloudfrontsigned.cli.CliProcess.Result;
import io.github.cloudfrontsigned.key.Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys where production keeps them: {@code secretsmanager:}, {@code ssm:} and {@code kms:} on the command line,
 * against Secrets Manager, Parameter Store and KMS on a local port speaking their JSON protocol (the aws module's
 * {@link LocalAwsEndpoint}), with credentials and region from the environment as the AWS SDK's default chain
 * reads them.
 */
final class KeySourcesIT {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/images/cat.jpg";

    @TempDir
    static Path dir;

    private static LocalAwsEndpoint aws;
    private static Path publicKeyFile;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAwsEndpoint.open();
        publicKeyFile = dir.resolve("public_key.pem");
        Files.writeString(publicKeyFile, Keys.toPem(TestKeys.RSA.getPublic()), StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void reset() {
        aws.failures.clear();
        aws.secretString = TestKeys.pem(TestKeys.RSA.getPrivate());
        aws.parameterValue = TestKeys.pem(TestKeys.RSA.getPrivate());
        aws.kmsKey = TestKeys.RSA;
    }

    /** The environment the SDK's default chains read; no profile file, no instance metadata. */
    private static Map<String, String> environment(boolean withRegion) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID",
                "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_CONFIG_FILE",
                dir.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("no-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED",
                "true"));
        if (withRegion) {
            env.put("AWS_REGION", "eu-west-1");
        }
        return env;
    }

    private static Result cli(boolean withRegion, String... args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--endpoint-url");
        all.add(aws.uri().toString());
        return CliProcess.cli(dir, environment(withRegion), all.toArray(new String[0]));
    }

    private static String sign(String privateKey) throws Exception {
        Result r = cli(
                true,
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                privateKey,
                "--expires-in",
                "10m");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out().strip();
    }

    private static void assertVerifies(String signedUrl) throws Exception {
        Result r = CliProcess.cli(
                dir, Map.of(), "verify", "--url", signedUrl, "--public-key", "K2JCJMDEHXQW5F=" + publicKeyFile);
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void sign_withSecretsManagerKey_signsWithTheSecretsKey() throws Exception {
        long before = aws.count(LocalAwsEndpoint.GET_SECRET_VALUE);
        assertVerifies(sign("secretsmanager:cloudfront/signing-key"));
        assertEquals(before + 1, aws.count(LocalAwsEndpoint.GET_SECRET_VALUE), "one GetSecretValue per command");
    }

    @Test
    void sign_withSecretsManagerJsonField_readsThatField() throws Exception {
        aws.secretString =
                "{\"pem\":\"" + TestKeys.pem(TestKeys.RSA.getPrivate()).replace("\n", "\\n") + "\"}";
        assertVerifies(sign("secretsmanager:cloudfront/signing-key#pem"));
    }

    @Test
    void sign_withParameterStoreKey_signsWithTheParametersKey() throws Exception {
        assertVerifies(sign("ssm:/cloudfront/signing-key"));
    }

    @Test
    void sign_withKmsKey_signsInKmsWithSha256() throws Exception {
        String signed = sign("kms:alias/cloudfront");
        assertTrue(signed.endsWith("&Hash-Algorithm=SHA256"), signed);
        assertVerifies(signed);
        assertTrue(aws.count(LocalAwsEndpoint.SIGN) >= 1);
    }

    @Test
    void verify_withKmsPublicKey_trustsTheKmsKeysPublicKey() throws Exception {
        String signed = sign("kms:alias/cloudfront");
        Result r = cli(true, "verify", "--url", signed, "--public-key", "K2JCJMDEHXQW5F=kms:alias/cloudfront");
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void signCookies_withSecretsManagerKey_signs() throws Exception {
        Result r = cli(
                true,
                "sign-cookies",
                "--resource",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                "secretsmanager:cloudfront/signing-key",
                "--expires-in",
                "10m");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("CloudFront-Signature="), r::toString);
    }

    @Test
    void sign_missingSecret_namesTheOptionTheSecretAndTheAwsError() throws Exception {
        aws.failures.put(LocalAwsEndpoint.GET_SECRET_VALUE, "ResourceNotFoundException");
        Result r = cli(
                true,
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                "secretsmanager:cloudfront/missing",
                "--expires-in",
                "10m");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("cloudfront-signed sign: --private-key: "), r::toString);
        assertTrue(
                r.err().contains("cloudfront/missing") && r.err().contains("ResourceNotFoundException"), r::toString);
        assertFalse(r.err().contains("PRIVATE KEY"), r::toString);
    }

    @Test
    void sign_withoutRegion_saysToGiveRegion() throws Exception {
        Result r = cli(
                false,
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                "ssm:/cloudfront/signing-key",
                "--expires-in",
                "10m");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--region"), r::toString);
    }

    @Test
    void sign_withRegionOption_needsNoRegionInTheEnvironment() throws Exception {
        Result r = cli(
                false,
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                "ssm:/cloudfront/signing-key",
                "--expires-in",
                "10m",
                "--region",
                "eu-west-1");
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void sign_kmsWithSha1_isRefusedAsTheLibraryRefusesIt() throws Exception {
        Result r = cli(
                true,
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                "kms:alias/cloudfront",
                "--expires-in",
                "10m",
                "--hash-algorithm",
                "SHA1");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--hash-algorithm: ") && r.err().contains("SHA256 only"), r::toString);
    }

    @Test
    void sign_withProfile_takesCredentialsAndRegionFromThatProfile() throws Exception {
        Path config = dir.resolve("profile-config");
        Files.writeString(config, "[profile cloudfront]\nregion = eu-west-1\n");
        Path credentials = dir.resolve("profile-credentials");
        Files.writeString(
                credentials,
                "[cloudfront]\naws_access_key_id = AKIDEXAMPLE\n"
                        + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        Map<String, String> env = Map.of(
                "AWS_CONFIG_FILE",
                config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE",
                credentials.toString(),
                "AWS_EC2_METADATA_DISABLED",
                "true");
        Result r = CliProcess.cli(
                dir,
                env,
                "sign",
                "--url",
                URL,
                "--key-pair-id",
                "K2JCJMDEHXQW5F",
                "--private-key",
                "ssm:/cloudfront/signing-key",
                "--expires-in",
                "10m",
                "--profile",
                "cloudfront",
                "--endpoint-url",
                aws.uri().toString());
        assertEquals(0, r.exit(), r::toString);
        assertVerifies(r.out().strip());
    }
}
