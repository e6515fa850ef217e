package io.github.cloudfrontsigned.aws;

import static io.github.cloudfrontsigned.aws.AwsTestSupport.RSA;
import static io.github.cloudfrontsigned.aws.AwsTestSupport.RSA_2;
import static io.github.cloudfrontsigned.aws.AwsTestSupport.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class SecretStoreKeysTest {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/private/a.jpg";
    private final LocalAwsEndpoint aws = LocalAwsEndpoint.open();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static boolean signedBy(KeyPair pair, String signedUrl) {
        return CloudFrontVerifier.builder()
                .trustedKey("KSECRET", pair.getPublic())
                .build()
                .verify(signedUrl)
                .isAllowed();
    }

    @Test
    void secretsManager_pemSecret_isFetchedOnceAndSigns() {
        aws.secretString = pem(RSA.getPrivate());
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/private-key", null, null)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSECRET", key).build();
            assertTrue(signedBy(RSA, signer.signUrl(URL, Duration.ofMinutes(10))));
            signer.signUrl(URL, Duration.ofMinutes(20));
            assertEquals(1, aws.count(LocalAwsEndpoint.GET_SECRET_VALUE));
            assertEquals(
                    "cloudfront/private-key",
                    aws.last(LocalAwsEndpoint.GET_SECRET_VALUE).field("SecretId"));
        }
    }

    @Test
    void secretsManager_jsonSecretWithField_readsThePemFromTheField() {
        aws.secretString = "{\"keyPairId\":\"KSECRET\",\"privateKey\":\""
                + pem(RSA.getPrivate()).replace("\n", "\\n") + "\"}";
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/key-json", "privateKey", null)) {
            assertEquals(RSA.getPrivate(), key.privateKey());
        }
    }

    @Test
    void secretsManager_jsonSecretWithoutField_failsAskingForTheField() {
        aws.secretString = "{\"privateKey\":\"x\"}";
        KeyLoadingException e = assertThrows(
                KeyLoadingException.class,
                () -> AwsKeys.secretsManager(
                        AwsTestSupport.secretsManager(aws.uri()), "cloudfront/key-json", null, null));
        assertTrue(e.getMessage().contains("secretsmanager:NAME#privateKey"), e.getMessage());
    }

    @Test
    void secretsManager_rotatedSecret_isUsedAfterTheNextRefresh() {
        aws.secretString = pem(RSA.getPrivate());
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/private-key", null, null)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSECRET", key).build();
            signer.signUrl(URL, Duration.ofMinutes(10));
            aws.secretString = pem(RSA_2.getPrivate());
            assertTrue(key.refresh());
            assertTrue(signedBy(RSA_2, signer.signUrl(URL, Duration.ofMinutes(10))));
        }
    }

    @Test
    void secretsManager_jsonSecretRotatedToANewKeyPair_signsWithTheNewKeyAndItsKeyPairId() {
        aws.secretString = "{\"keyPairId\":\"KOLD\",\"privateKey\":\""
                + pem(RSA.getPrivate()).replace("\n", "\\n") + "\"}";
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/key-json", "privateKey", null)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KCONFIGURED", key).build();
            assertTrue(signer.signUrl(URL, Duration.ofMinutes(10)).contains("&Key-Pair-Id=KOLD"));
            aws.secretString = "{\"keyPairId\":\"KNEW\",\"privateKey\":\""
                    + pem(RSA_2.getPrivate()).replace("\n", "\\n") + "\"}";
            key.refresh();
            String signed = signer.signUrl(URL, Duration.ofMinutes(10));
            assertEquals("KNEW", signer.activeKeyPairId());
            assertTrue(
                    CloudFrontVerifier.builder()
                            .trustedKey("KNEW", RSA_2.getPublic())
                            .build()
                            .verify(signed)
                            .isAllowed(),
                    signed);
        }
    }

    @Test
    void secretsManager_backgroundRefresh_picksUpARotatedSecret() throws Exception {
        aws.secretString = pem(RSA.getPrivate());
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/private-key", null, Duration.ofSeconds(1))) {
            aws.secretString = pem(RSA_2.getPrivate());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!key.privateKey().equals(RSA_2.getPrivate()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(RSA_2.getPrivate(), key.privateKey());
        }
    }

    @Test
    void secretsManager_firstFetchAccessDenied_failsStartupWithTheSecretNameAndErrorCode() {
        aws.failures.put(LocalAwsEndpoint.GET_SECRET_VALUE, "AccessDeniedException");
        KeyLoadingException e = assertThrows(
                KeyLoadingException.class,
                () -> AwsKeys.secretsManager(
                        AwsTestSupport.secretsManager(aws.uri()), "cloudfront/private-key", null, null));
        assertTrue(
                e.getMessage().contains("\"cloudfront/private-key\"")
                        && e.getMessage().contains("AccessDeniedException"),
                e.getMessage());
    }

    @Test
    void secretsManager_throttledRefresh_keepsTheLastGoodKeyAndReportsTheCode() {
        aws.secretString = pem(RSA.getPrivate());
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/private-key", null, null)) {
            aws.failures.put(LocalAwsEndpoint.GET_SECRET_VALUE, "ThrottlingException");
            assertFalse(key.refresh());
            assertEquals(RSA.getPrivate(), key.privateKey());
            assertTrue(key.lastRefreshFailure().contains("ThrottlingException"), key.lastRefreshFailure());
        }
    }

    @Test
    void secretsManager_networkDownAtStartup_failsWithTheSecretName() throws Exception {
        KeyLoadingException e = assertThrows(
                KeyLoadingException.class,
                () -> AwsKeys.secretsManager(
                        AwsTestSupport.secretsManager(AwsTestSupport.closedPort()),
                        "cloudfront/private-key",
                        null,
                        null));
        assertTrue(
                e.getMessage().contains("\"cloudfront/private-key\"")
                        && e.getMessage().contains("could not be" + " reached"),
                e.getMessage());
    }

    @Test
    void secretsManager_networkDownLater_keepsTheLastGoodKey() {
        aws.secretString = pem(RSA.getPrivate());
        try (RefreshingPrivateKey key = AwsKeys.secretsManager(
                AwsTestSupport.secretsManager(aws.uri()), "cloudfront/private-key", null, null)) {
            var before = key.privateKey();
            aws.close();
            assertFalse(key.refresh());
            assertSame(before, key.privateKey());
            assertTrue(key.lastRefreshFailure().contains("could not be reached"), key.lastRefreshFailure());
        }
    }

    @Test
    void parameterStore_secureString_isFetchedWithDecryption() {
        aws.parameterValue = pem(RSA.getPrivate());
        try (RefreshingPrivateKey key =
                AwsKeys.parameterStore(AwsTestSupport.ssm(aws.uri()), "/cloudfront/private-key", null)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSECRET", key).build();
            assertTrue(signedBy(RSA, signer.signUrl(URL, Duration.ofMinutes(10))));
            LocalAwsEndpoint.Request r = aws.last(LocalAwsEndpoint.GET_PARAMETER);
            assertEquals("/cloudfront/private-key", r.field("Name"));
            assertEquals("true", r.field("WithDecryption"));
        }
    }

    @Test
    void parameterStore_firstFetchThrottled_failsStartupWithTheParameterNameAndErrorCode() {
        aws.failures.put(LocalAwsEndpoint.GET_PARAMETER, "ThrottlingException");
        KeyLoadingException e = assertThrows(
                KeyLoadingException.class,
                () -> AwsKeys.parameterStore(AwsTestSupport.ssm(aws.uri()), "/cloudfront/private-key", null));
        assertTrue(
                e.getMessage().contains("\"/cloudfront/private-key\"")
                        && e.getMessage().contains("ThrottlingException"),
                e.getMessage());
    }
}
