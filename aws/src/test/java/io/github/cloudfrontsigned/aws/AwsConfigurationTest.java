package io.github.cloudfrontsigned.aws;

import static io.github.cloudfrontsigned.aws.AwsTestSupport.RSA;
import static io.github.cloudfrontsigned.aws.AwsTestSupport.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module found through ServiceLoader by core's SigningConfiguration, credentials from the SDK default chain. */
final class AwsConfigurationTest {

    private final LocalAwsEndpoint aws = LocalAwsEndpoint.open();

    @BeforeAll
    static void credentialsForTheDefaultChain() {
        // the first link of the SDK's default chain; static test credentials, never real ones
        System.setProperty(
                "aws.accessKeyId",
                AwsTestSupport.CREDENTIALS.resolveCredentials().accessKeyId());
        System.setProperty(
                "aws.secretAccessKey",
                AwsTestSupport.CREDENTIALS.resolveCredentials().secretAccessKey());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Map<String, String> properties() {
        Map<String, String> m = new HashMap<>();
        m.put("cloudfront.key-pair-id", "KAWS");
        m.put("cloudfront.protected-prefixes", "https://d111111abcdef8.cloudfront.net/private/");
        m.put(AwsProperties.REGION, "eu-west-1");
        m.put(AwsProperties.SECRETSMANAGER_ENDPOINT, aws.uri().toString());
        m.put(AwsProperties.SSM_ENDPOINT, aws.uri().toString());
        m.put(AwsProperties.KMS_ENDPOINT, aws.uri().toString());
        return m;
    }

    private static SigningConfiguration read(Map<String, String> m) {
        return SigningConfiguration.read(ConfigLookup.of(m, "test properties"));
    }

    private static boolean verifies(SigningConfiguration c, java.security.PublicKey key) {
        String signed =
                c.signer().signUrl("https://d111111abcdef8.cloudfront.net/private/a.jpg", Duration.ofMinutes(5));
        return CloudFrontVerifier.builder()
                .trustedKey("KAWS", key)
                .build()
                .verify(signed)
                .isAllowed();
    }

    @Test
    void secretsManagerLocation_signsWithTheSecretsKey() {
        aws.secretString = pem(RSA.getPrivate());
        Map<String, String> m = properties();
        m.put("cloudfront.private-key.location", "secretsmanager:cloudfront/private-key");
        assertTrue(verifies(read(m), RSA.getPublic()));
    }

    @Test
    void closedConfiguration_stopsRefreshingTheSecret_andKeepsSigning() throws Exception {
        aws.secretString = pem(RSA.getPrivate());
        Map<String, String> m = properties();
        m.put("cloudfront.private-key.location", "secretsmanager:cloudfront/private-key");
        m.put(AwsProperties.REFRESH_INTERVAL, "1s");
        SigningConfiguration c = read(m);
        c.close();
        aws.assertNoCallsFor2500Millis(LocalAwsEndpoint.GET_SECRET_VALUE, "no refresh after close()");
        assertTrue(verifies(c, RSA.getPublic()), "the last fetched key still signs");
    }

    @Test
    void ssmLocation_signsWithTheParametersKey() {
        aws.parameterValue = pem(RSA.getPrivate());
        Map<String, String> m = properties();
        m.put("cloudfront.private-key.location", "ssm:/cloudfront/private-key");
        assertTrue(verifies(read(m), RSA.getPublic()));
        assertEquals(
                "/cloudfront/private-key",
                aws.last(LocalAwsEndpoint.GET_PARAMETER).field("Name"));
    }

    @Test
    void kmsSigner_signsWithSha256ThroughKms() {
        aws.kmsKey = RSA;
        Map<String, String> m = properties();
        m.put("cloudfront.signer", "kms:alias/cloudfront");
        SigningConfiguration c = read(m);
        assertTrue(verifies(c, RSA.getPublic()));
        assertEquals(1, aws.count(LocalAwsEndpoint.SIGN));
    }

    @Test
    void secretsManagerAccessDenied_failsNamingThePropertySecretAndErrorCode() {
        aws.failures.put(LocalAwsEndpoint.GET_SECRET_VALUE, "AccessDeniedException");
        Map<String, String> m = properties();
        m.put("cloudfront.private-key.location", "secretsmanager:cloudfront/private-key");
        String message =
                assertThrows(ConfigurationException.class, () -> read(m)).getMessage();
        assertTrue(
                message.contains("cloudfront.private-key.location")
                        && message.contains("cloudfront/private-key")
                        && message.contains("AccessDeniedException"),
                message);
    }

    @Test
    void kmsSignerWithSha1_isAConfigurationProblem() {
        aws.kmsKey = RSA;
        Map<String, String> m = properties();
        m.put("cloudfront.signer", "kms:alias/cloudfront");
        m.put("cloudfront.hash-algorithm", "SHA1");
        String message =
                assertThrows(ConfigurationException.class, () -> read(m)).getMessage();
        assertTrue(message.contains("cloudfront.hash-algorithm") && message.contains("SHA256 only"), message);
    }

    @Test
    void badRefreshInterval_isAConfigurationProblemNamingTheProperty() {
        aws.secretString = pem(RSA.getPrivate());
        Map<String, String> m = properties();
        m.put("cloudfront.private-key.location", "secretsmanager:cloudfront/private-key");
        m.put(AwsProperties.REFRESH_INTERVAL, "soon");
        String message =
                assertThrows(ConfigurationException.class, () -> read(m)).getMessage();
        assertTrue(message.contains(AwsProperties.REFRESH_INTERVAL), message);
    }
}
