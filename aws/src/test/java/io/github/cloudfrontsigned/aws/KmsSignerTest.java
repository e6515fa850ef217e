package io.github.cloudfrontsigned.aws;

import static io.github.cloudfrontsigned.aws.AwsTestSupport.EC;
import static io.github.cloudfrontsigned.aws.AwsTestSupport.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class KmsSignerTest {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/private/a.jpg";
    private final LocalAwsEndpoint aws = LocalAwsEndpoint.open();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void rsaKey_signedUrlVerifiesWithTheKmsPublicKey_andKmsIsAskedForRsaPkcs1Sha256Raw() {
        aws.kmsKey = RSA;
        KmsSigner kms = AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront");
        CloudFrontSigner signer = CloudFrontSigner.builder().key("KKMS", kms).build();
        String signed = signer.signUrl(URL, Duration.ofMinutes(10));
        assertTrue(signed.endsWith("&Hash-Algorithm=SHA256"), signed);
        assertTrue(CloudFrontVerifier.builder()
                .trustedKey("KKMS", RSA.getPublic())
                .build()
                .verify(signed)
                .isAllowed());
        LocalAwsEndpoint.Request sign = aws.last(LocalAwsEndpoint.SIGN);
        assertEquals("RSASSA_PKCS1_V1_5_SHA_256", sign.field("SigningAlgorithm"));
        assertEquals("RAW", sign.field("MessageType"));
        assertEquals(LocalAwsEndpoint.KEY_ARN, sign.field("KeyId"), "the alias is resolved once, at startup");
        assertEquals(
                "alias/cloudfront", aws.last(LocalAwsEndpoint.GET_PUBLIC_KEY).field("KeyId"));
    }

    @Test
    void ecKey_signedCookiesVerify_withEcdsaSha256() {
        aws.kmsKey = EC;
        aws.kmsKeySpec = "ECC_NIST_P256";
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KKMS", AwsKeys.kms(AwsTestSupport.kms(aws.uri()), LocalAwsEndpoint.KEY_ARN))
                .build();
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource("https://d111111abcdef8.cloudfront.net/members/*")
                .expiresIn(Duration.ofHours(1))
                .build());
        assertEquals(HashAlgorithm.SHA256, cookies.hashAlgorithm());
        assertTrue(CloudFrontVerifier.builder()
                .trustedKey("KKMS", EC.getPublic())
                .build()
                .verify(ViewerRequest.builder()
                        .url("https://d111111abcdef8.cloudfront.net/members/v.mp4")
                        .cookieHeader(cookies.toCookieHeader())
                        .build())
                .isAllowed());
        assertEquals("ECDSA_SHA_256", aws.last(LocalAwsEndpoint.SIGN).field("SigningAlgorithm"));
    }

    @Test
    void samePageRenderedAgainWithinTheGranularity_callsKmsOncePerLink() {
        aws.kmsKey = RSA;
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KKMS", AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"))
                .expiryGranularity(Duration.ofHours(1))
                .build();
        for (int render = 0; render < 3; render++) {
            for (int link = 0; link < 5; link++) {
                signer.signUrl(URL + "?n=" + link, Duration.ofHours(1));
            }
        }
        assertTrue(
                aws.count(LocalAwsEndpoint.SIGN) <= 10,
                "5 links, at most one window boundary crossed: " + aws.count(LocalAwsEndpoint.SIGN));
    }

    @Test
    void policyLongerThan4096Bytes_isSentAsItsSha256Digest_andStillVerifies() {
        aws.kmsKey = RSA;
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KKMS", AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"))
                .build();
        String longUrl = URL + "?q=" + "a".repeat(5000);
        String signed = signer.signUrl(longUrl, Duration.ofMinutes(10));
        assertEquals("DIGEST", aws.last(LocalAwsEndpoint.SIGN).field("MessageType"));
        assertTrue(CloudFrontVerifier.builder()
                .trustedKey("KKMS", RSA.getPublic())
                .build()
                .verify(signed)
                .isAllowed());
    }

    @Test
    void describeActiveKey_showsTheKmsArnAndThePublicKeyFingerprint() {
        aws.kmsKey = RSA;
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KKMS", AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"))
                .build();
        String d = signer.describeActiveKey();
        assertTrue(d.contains(LocalAwsEndpoint.KEY_ARN) && d.contains(Keys.fingerprint(RSA.getPublic())), d);
    }

    @Test
    void throttledSign_failsTheSigningCallWithTheKeyAndErrorCode() {
        aws.kmsKey = RSA;
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KKMS", AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"))
                .build();
        aws.failures.put(LocalAwsEndpoint.SIGN, "ThrottlingException");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> signer.signUrl(URL, Duration.ofMinutes(10)));
        assertTrue(
                e.getMessage().contains(LocalAwsEndpoint.KEY_ARN)
                        && e.getMessage().contains("ThrottlingException"),
                e.getMessage());
    }

    @Test
    void throttledSignWhileRewritingAPage_leavesTheLinkUnchanged_andLogsTheErrorCode() {
        aws.kmsKey = RSA;
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KKMS", AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"))
                .build();
        LinkRewriter rewriter = LinkRewriter.builder()
                .protectedPrefix("https://d111111abcdef8.cloudfront.net/private/")
                .build();
        aws.failures.put(LocalAwsEndpoint.SIGN, "ThrottlingException");
        String page = "<p><img src=\"" + URL + "\"></p>";
        String[] rewritten = new String[1];
        List<String> logged = LogCapture.messages(LogCapture.logged(
                LinkRewriter.class,
                () -> rewritten[0] = rewriter.rewrite(page, signer.linkSigner(Duration.ofMinutes(10)))));
        assertEquals(page, rewritten[0], "the page is sent, its link unsigned");
        assertTrue(
                logged.stream()
                        .anyMatch(m -> m.contains("ThrottlingException") && m.contains(LocalAwsEndpoint.KEY_ARN)),
                "logged: " + logged);
    }

    @Test
    void getPublicKeyAccessDenied_failsStartupWithTheKeyAndErrorCode() {
        aws.failures.put(LocalAwsEndpoint.GET_PUBLIC_KEY, "AccessDeniedException");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"));
        assertTrue(
                e.getMessage().contains("alias/cloudfront") && e.getMessage().contains("AccessDeniedException"),
                e.getMessage());
    }

    @Test
    void encryptionKey_isRefusedAtStartup() {
        aws.kmsKey = RSA;
        aws.kmsKeyUsage = "ENCRYPT_DECRYPT";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront"));
        assertTrue(e.getMessage().contains("SIGN_VERIFY"), e.getMessage());
    }

    @Test
    void sha1_isRefusedWhenTheSignerIsBuilt() {
        aws.kmsKey = RSA;
        KmsSigner kms = AwsKeys.kms(AwsTestSupport.kms(aws.uri()), "alias/cloudfront");
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudFrontSigner.builder()
                        .key("KKMS", kms)
                        .hashAlgorithm(HashAlgorithm.SHA1)
                        .build());
    }
}
