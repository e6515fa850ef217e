package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CloudFrontSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String URL = "https://d111111abcdef8.cloudfront.net/images/cat.jpg";

    private static CloudFrontSigner.Builder rsa() {
        return CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .clock(CLOCK);
    }

    private static CloudFrontSigner.Builder ec() {
        return CloudFrontSigner.builder()
                .key("K3ECDSAKEY", TestKeys.EC.getPrivate())
                .clock(CLOCK);
    }

    private static Map<String, String> params(String signedUrl) {
        return SharedCasesTest.query(signedUrl.substring(signedUrl.indexOf('?') + 1));
    }

    @Test
    void cannedUrl_appendsExpiresSignatureKeyPairIdInOrder() {
        String signed = rsa().build().signUrl(URL, Duration.ofMinutes(10));
        assertTrue(signed.startsWith(URL + "?Expires=" + (NOW.getEpochSecond() + 600) + "&Signature="), signed);
        assertTrue(signed.endsWith("&Key-Pair-Id=K2JCJMDEHXQW5F"), signed);
    }

    @Test
    void cannedUrl_signsTheExactCannedPolicy() {
        String signed = rsa().build().signUrl(URL, Duration.ofMinutes(10));
        String policy = "{\"Statement\":[{\"Resource\":\"" + URL
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + (NOW.getEpochSecond() + 600) + "}}}]}";
        assertTrue(Verification.verifies(
                TestKeys.RSA.getPublic(),
                HashAlgorithm.SHA1,
                policy,
                params(signed).get("Signature")));
    }

    @Test
    void urlWithQuery_keepsItByteForByteAndAppendsWithAmpersand() {
        String url = URL + "?b=2&a=%20x&flag";
        String signed = rsa().build().signUrl(url, Duration.ofMinutes(1));
        assertTrue(signed.startsWith(url + "&Expires="), signed);
    }

    @Test
    void rsaDefault_isSha1WithoutHashAlgorithmParameter() {
        assertFalse(rsa().build().signUrl(URL, Duration.ofMinutes(1)).contains("Hash-Algorithm"));
    }

    @Test
    void rsaWithSha256_appendsHashAlgorithmLast() {
        String signed = rsa().hashAlgorithm(HashAlgorithm.SHA256).build().signUrl(URL, Duration.ofMinutes(1));
        assertTrue(signed.endsWith("&Key-Pair-Id=K2JCJMDEHXQW5F&Hash-Algorithm=SHA256"), signed);
        String policy = PolicyDocument.writeCanned(URL, NOW.getEpochSecond() + 60);
        assertTrue(Verification.verifies(
                TestKeys.RSA.getPublic(),
                HashAlgorithm.SHA256,
                policy,
                params(signed).get("Signature")));
    }

    @Test
    void ecdsaDefault_isSha256WithHashAlgorithmParameter() {
        String signed = ec().build().signUrl(URL, Duration.ofMinutes(1));
        assertTrue(signed.endsWith("&Hash-Algorithm=SHA256"), signed);
        String policy = PolicyDocument.writeCanned(URL, NOW.getEpochSecond() + 60);
        assertTrue(Verification.verifies(
                TestKeys.EC.getPublic(),
                HashAlgorithm.SHA256,
                policy,
                params(signed).get("Signature")));
    }

    @Test
    void ecdsaWithSha1_onlyWhenAskedForExplicitly() {
        String signed = ec().hashAlgorithm(HashAlgorithm.SHA1).build().signUrl(URL, Duration.ofMinutes(1));
        assertFalse(signed.contains("Hash-Algorithm"), signed);
        String policy = PolicyDocument.writeCanned(URL, NOW.getEpochSecond() + 60);
        assertTrue(Verification.verifies(
                TestKeys.EC.getPublic(),
                HashAlgorithm.SHA1,
                policy,
                params(signed).get("Signature")));
    }

    @Test
    void ecdsaSignature_isDerEncoded() {
        String signed = ec().build().signUrl(URL, Duration.ofMinutes(1));
        byte[] der = CloudFrontBase64.decode(params(signed).get("Signature"));
        assertEquals(0x30, der[0] & 0xff, "ASN.1 SEQUENCE");
        assertTrue(der.length >= 68 && der.length <= 72, "DER length " + der.length);
    }

    @Test
    void wildcardResource_makesCustomPolicyAppliedToTheConcreteUrl() {
        String signed = rsa().build()
                .signUrl(
                        URL,
                        Policy.builder()
                                .resource("https://d111111abcdef8.cloudfront.net/images/*")
                                .expiresIn(Duration.ofMinutes(5))
                                .build());
        Map<String, String> p = params(signed);
        assertTrue(signed.startsWith(URL + "?Policy="), signed);
        String policy = new String(CloudFrontBase64.decode(p.get("Policy")), StandardCharsets.UTF_8);
        assertEquals(
                "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/images/*\",\"Condition\":"
                        + "{\"DateLessThan\":{\"AWS:EpochTime\":" + (NOW.getEpochSecond() + 300) + "}}}]}",
                policy);
        assertTrue(Verification.verifies(TestKeys.RSA.getPublic(), HashAlgorithm.SHA1, policy, p.get("Signature")));
    }

    @Test
    void startDateAndIpRange_makeCustomPolicyWithConditionsInDocumentedOrder() {
        String signed = rsa().build()
                .signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .dateGreaterThan(NOW.minusSeconds(30))
                                .ipAddress("192.0.2.7")
                                .build());
        String policy = new String(CloudFrontBase64.decode(params(signed).get("Policy")), StandardCharsets.UTF_8);
        assertEquals(
                "{\"Statement\":[{\"Resource\":\"" + URL + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                        + (NOW.getEpochSecond() + 300) + "},\"DateGreaterThan\":{\"AWS:EpochTime\":"
                        + (NOW.getEpochSecond() - 30)
                        + "},\"IpAddress\":{\"AWS:SourceIp\":\"192.0.2.7/32\"}}}]}",
                policy);
    }

    @Test
    void resourceDifferentFromUrl_makesCustomPolicy() {
        String signed = rsa().build()
                .signUrl(
                        URL,
                        Policy.builder()
                                .resource("https://d111111abcdef8.cloudfront.net/images/cat.jp?")
                                .expiresIn(Duration.ofMinutes(5))
                                .build());
        assertTrue(signed.contains("?Policy="), signed);
    }

    @Test
    void resourceNotCoveringUrl_isRefusedWithTheDifferenceMarked() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rsa().build()
                        .signUrl(
                                "https://d111111abcdef8.cloudfront.net/videos/a.mp4",
                                Policy.builder()
                                        .resource("https://d111111abcdef8.cloudfront.net/images/*")
                                        .expiresIn(Duration.ofMinutes(5))
                                        .build()));
        String[] lines = e.getMessage().split("\n");
        assertTrue(
                lines[0].contains("is not covered by the policy Resource")
                        && lines[0].contains(
                                "differ in the path at position 38 of the URL: the URL has 'v' where the Resource has 'i'"),
                lines[0]);
        assertEquals("  Resource: https://d111111abcdef8.cloudfront.net/images/*", lines[1]);
        assertEquals(" ".repeat(12 + 38) + "^", lines[2]);
        assertEquals("  URL:      https://d111111abcdef8.cloudfront.net/videos/a.mp4", lines[3]);
        assertEquals(" ".repeat(12 + 38) + "^", lines[4]);
    }

    @Test
    void wildcardResourceCoveringUrl_signs() {
        String signed = rsa().build()
                .signUrl(
                        "https://d111111abcdef8.cloudfront.net/images/a/b.jpg?size=large",
                        Policy.builder()
                                .resource("https://d111111abcdef8.cloudfront.net/images/*")
                                .expiresIn(Duration.ofMinutes(5))
                                .build());
        assertTrue(signed.contains("&Policy="), signed);
    }

    @Test
    void resourceEqualToUrl_staysCanned() {
        String signed = rsa().build()
                .signUrl(
                        URL,
                        Policy.builder()
                                .resource(URL)
                                .expiresIn(Duration.ofMinutes(5))
                                .build());
        assertTrue(signed.contains("?Expires="), signed);
    }

    @Test
    void wildcardInCannedUrl_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rsa().build().signUrl("https://d111111abcdef8.cloudfront.net/images/*", Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("wildcard '*'") && e.getMessage().contains("position 45"), e.getMessage());
    }

    @Test
    void explicitCannedPolicyWithWildcard_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Policy.canned("https://d111111abcdef8.cloudfront.net/*", NOW.plusSeconds(60)));
        assertTrue(e.getMessage().contains("canned policy cannot hold the wildcard"), e.getMessage());
    }

    @Test
    void urlAlreadyCarryingASigningParameter_isRefused() {
        for (String name : new String[] {"Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> rsa().build().signUrl(URL + "?a=1&" + name + "=x", Duration.ofMinutes(1)));
            assertTrue(e.getMessage().contains("signing parameter " + name), e.getMessage());
        }
    }

    @Test
    void parameterMerelyContainingASigningName_isAccepted() {
        String signed = rsa().build().signUrl(URL + "?MyExpires=1&Signatures=2", Duration.ofMinutes(1));
        assertTrue(signed.contains("?MyExpires=1&Signatures=2&Expires="), signed);
    }

    @Test
    void expiryInThePast_isRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> rsa().build().signUrl(URL, NOW.minusSeconds(1)));
        assertTrue(e.getMessage().contains("is not in the future"), e.getMessage());
    }

    @Test
    void expiryNow_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> rsa().build().signUrl(URL, NOW));
    }

    @Test
    void absoluteExpiry_isTruncatedToWholeSeconds() {
        String signed = rsa().build().signUrl(URL, NOW.plusMillis(90_999));
        assertEquals(Long.toString(NOW.getEpochSecond() + 90), params(signed).get("Expires"));
    }

    @Test
    void ttlExpiry_isRoundedUpToTheGranularity() {
        CloudFrontSigner signer = rsa().clock(Clock.fixed(Instant.ofEpochSecond(1_000_030), ZoneOffset.UTC))
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        assertEquals(Instant.ofEpochSecond(1_000_200), signer.expiryFor(Duration.ofMinutes(2)));
        assertEquals(
                "1000200", params(signer.signUrl(URL, Duration.ofMinutes(2))).get("Expires"));
    }

    @Test
    void ttlExpiry_onAGranularityBoundary_isNotExtended() {
        CloudFrontSigner signer = rsa().clock(Clock.fixed(Instant.ofEpochSecond(1_000_080), ZoneOffset.UTC))
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        assertEquals(Instant.ofEpochSecond(1_000_200), signer.expiryFor(Duration.ofMinutes(2)));
    }

    @Test
    void repeatedLinkWithinAWindow_isIdentical_evenWithRandomizedEcdsa() {
        CloudFrontSigner signer = ec().expiryGranularity(Duration.ofMinutes(5)).build();
        assertEquals(signer.signUrl(URL, Duration.ofMinutes(10)), signer.signUrl(URL, Duration.ofMinutes(10)));
    }

    @Test
    void withoutCache_ecdsaSignaturesDiffer() {
        CloudFrontSigner signer = ec().signatureCacheSize(0).build();
        assertNotEquals(signer.signUrl(URL, Duration.ofMinutes(10)), signer.signUrl(URL, Duration.ofMinutes(10)));
    }

    @Test
    void startNotBeforeExpiry_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rsa().build()
                        .signUrl(
                                URL,
                                Policy.builder()
                                        .expiresIn(Duration.ofMinutes(1))
                                        .dateGreaterThan(NOW.plusSeconds(60))
                                        .build()));
        assertTrue(e.getMessage().contains("must be before DateLessThan"), e.getMessage());
    }

    @Test
    void cannedCookies_carryExpiresSignatureAndKeyPairId() {
        SignedCookies cookies = rsa().build().signCookies(Policy.canned(URL, NOW.plusSeconds(60)));
        assertTrue(cookies.isCanned());
        assertEquals(
                Long.toString(NOW.getEpochSecond() + 60),
                cookies.value(SignedCookies.EXPIRES).orElseThrow());
        assertEquals("K2JCJMDEHXQW5F", cookies.value(SignedCookies.KEY_PAIR_ID).orElseThrow());
        assertFalse(cookies.value(SignedCookies.HASH_ALGORITHM).isPresent());
        assertTrue(Verification.verifies(
                TestKeys.RSA.getPublic(),
                HashAlgorithm.SHA1,
                PolicyDocument.writeCanned(URL, NOW.getEpochSecond() + 60),
                cookies.value(SignedCookies.SIGNATURE).orElseThrow()));
    }

    @Test
    void customCookies_withSha256_carryHashAlgorithmCookie() {
        SignedCookies cookies = rsa().hashAlgorithm(HashAlgorithm.SHA256)
                .build()
                .signCookies(Policy.builder()
                        .resource("https://d111111abcdef8.cloudfront.net/members/*")
                        .expiresIn(Duration.ofHours(1))
                        .build());
        assertFalse(cookies.isCanned());
        assertEquals("SHA256", cookies.value(SignedCookies.HASH_ALGORITHM).orElseThrow());
        String policy = new String(
                CloudFrontBase64.decode(cookies.value(SignedCookies.POLICY).orElseThrow()), StandardCharsets.UTF_8);
        assertTrue(Verification.verifies(
                TestKeys.RSA.getPublic(),
                HashAlgorithm.SHA256,
                policy,
                cookies.value(SignedCookies.SIGNATURE).orElseThrow()));
    }

    @Test
    void cookiesWithoutResource_areRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rsa().build()
                        .signCookies(Policy.builder()
                                .expiresIn(Duration.ofMinutes(1))
                                .build()));
        assertTrue(e.getMessage().contains("need a policy resource"), e.getMessage());
    }

    @Test
    void withHashAlgorithm_sharesKeysButChangesTheHash() {
        CloudFrontSigner signer = rsa().build();
        assertTrue(signer.withHashAlgorithm(HashAlgorithm.SHA256)
                .signUrl(URL, Duration.ofMinutes(1))
                .endsWith("Hash-Algorithm=SHA256"));
        assertFalse(signer.signUrl(URL, Duration.ofMinutes(1)).contains("Hash-Algorithm"));
    }

    @Test
    void signingParameters_areWhatSignUrlAppends() {
        CloudFrontSigner signer = rsa().build();
        Policy policy = Policy.builder().dateLessThan(NOW.plusSeconds(60)).build();
        assertEquals(signer.signUrl(URL, policy), URL + "?" + signer.signingParameters(URL, policy));
    }

    @Test
    void builderWithoutKey_isRefused() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> CloudFrontSigner.builder().build());
        assertTrue(e.getMessage().contains("at least one key"), e.getMessage());
    }

    @Test
    void keyPairIdWithInvalidCharacter_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CloudFrontSigner.builder().key("K2JC JMD", TestKeys.RSA.getPrivate()));
        assertTrue(e.getMessage().contains("position 4"), e.getMessage());
    }

    @Test
    void urlWithSpace_isRefusedNamingPosition() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rsa().build()
                        .signUrl("https://d111111abcdef8.cloudfront.net/my file.jpg", Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("' ' (U+0020) at position 40"), e.getMessage());
    }

    @Test
    void relativeUrl_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> rsa().build().signUrl("/images/cat.jpg", Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("must be an absolute URL"), e.getMessage());
    }
}
