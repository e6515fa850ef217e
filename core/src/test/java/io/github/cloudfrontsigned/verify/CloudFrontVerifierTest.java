package io.github.cloudfrontsigned.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.Tamper;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Round trips: whatever the signer produces, the verifier allows, for every signer feature. */
final class CloudFrontVerifierTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String HOST = "https://d111111abcdef8.cloudfront.net";
    static final String URL = HOST + "/images/cat.jpg";

    static CloudFrontVerifier verifier() {
        return CloudFrontVerifier.builder()
                .trustedKey("K2JCJMDEHXQW5F", TestKeys.RSA.getPublic())
                .trustedKey("K3ECDSAKEY", TestKeys.EC.getPublic())
                .trustedKey("K4NEXTKEY", TestKeys.RSA_2.getPublic())
                .clock(CLOCK)
                .build();
    }

    static CloudFrontSigner signer(String keyPairId, PrivateKey key, HashAlgorithm hash) {
        return CloudFrontSigner.builder()
                .key(keyPairId, key)
                .hashAlgorithm(hash)
                .clock(CLOCK)
                .build();
    }

    static CloudFrontSigner rsa() {
        return signer("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate(), null);
    }

    private static Verdict verifyUrl(String signedUrl) {
        return verifier().verify(ViewerRequest.fromUrl(signedUrl));
    }

    private static void assertAllowed(Verdict verdict) {
        assertTrue(verdict.isAllowed(), verdict::toString);
        assertNull(verdict.code());
    }

    @Test
    void cannedUrl_rsaSha1_isAllowed() {
        assertAllowed(verifyUrl(rsa().signUrl(URL, Duration.ofMinutes(5))));
    }

    @Test
    void cannedUrl_rsaSha256_isAllowed() {
        Verdict v = verifyUrl(signer("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate(), HashAlgorithm.SHA256)
                .signUrl(URL, Duration.ofMinutes(5)));
        assertAllowed(v);
        assertEquals(HashAlgorithm.SHA256, v.hashAlgorithm());
    }

    @Test
    void cannedUrl_ecdsaSha256_isAllowed() {
        assertAllowed(
                verifyUrl(signer("K3ECDSAKEY", TestKeys.EC.getPrivate(), null).signUrl(URL, Duration.ofMinutes(5))));
    }

    @Test
    void cannedUrl_ecdsaSha1_isAllowed() {
        assertAllowed(verifyUrl(signer("K3ECDSAKEY", TestKeys.EC.getPrivate(), HashAlgorithm.SHA1)
                .signUrl(URL, Duration.ofMinutes(5))));
    }

    @Test
    void cannedUrl_withOwnQuery_isAllowed() {
        assertAllowed(verifyUrl(rsa().signUrl(URL + "?size=large&b=%20x&flag", Duration.ofMinutes(5))));
    }

    @Test
    void cannedUrl_endingInQuestionMark_isAllowed() {
        assertAllowed(verifyUrl(rsa().signUrl(URL + "?", Duration.ofMinutes(5))));
    }

    @Test
    void customUrl_wildcardResource_isAllowedAndReportsTheGrant() {
        Instant expiry = NOW.plusSeconds(600);
        Verdict v = verifyUrl(rsa().signUrl(
                        HOST + "/images/a/b.jpg?size=large",
                        Policy.builder()
                                .resource(HOST + "/images/*")
                                .dateLessThan(expiry)
                                .build()));
        assertAllowed(v);
        assertEquals(HOST + "/images/*", v.resource());
        assertEquals(expiry, v.dateLessThan());
        assertEquals(CredentialSource.URL, v.source());
        assertEquals("K2JCJMDEHXQW5F", v.keyPairId());
        assertTrue(v.reason().contains("custom policy") && v.reason().contains("in 10 minutes"), v.reason());
    }

    @Test
    void customUrl_startDateAndIpRange_isAllowedInsideBoth() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .dateGreaterThan(NOW.minusSeconds(60))
                                .ipAddress("192.0.2.0/24")
                                .build());
        Verdict v = verifier()
                .verify(ViewerRequest.fromUrl(signed).toBuilder()
                        .clientIp("192.0.2.77")
                        .build());
        assertAllowed(v);
        assertEquals("192.0.2.0/24", v.ipAddress());
        assertEquals(NOW.minusSeconds(60), v.dateGreaterThan());
    }

    @Test
    void customUrl_singleAddress_isAllowedForThatAddress() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.7")
                                .build());
        assertAllowed(verifier()
                .verify(ViewerRequest.fromUrl(signed).toBuilder()
                        .clientIp("192.0.2.7")
                        .build()));
    }

    @Test
    void customUrl_ecdsa_isAllowed() {
        assertAllowed(verifyUrl(signer("K3ECDSAKEY", TestKeys.EC.getPrivate(), null)
                .signUrl(
                        URL,
                        Policy.builder()
                                .resource(HOST + "/images/*")
                                .expiresIn(Duration.ofMinutes(5))
                                .build())));
    }

    @Test
    void cannedCookies_areAllowedForTheirUrl() {
        SignedCookies cookies = rsa().signCookies(Policy.canned(URL, NOW.plusSeconds(300)));
        Verdict v = verifier()
                .verify(ViewerRequest.builder()
                        .url(URL)
                        .cookies(cookies.cookies())
                        .build());
        assertAllowed(v);
        assertEquals(CredentialSource.COOKIES, v.source());
        assertTrue(v.isCannedPolicy());
    }

    @Test
    void customCookies_sha256_fromACookieHeader_areAllowed() {
        SignedCookies cookies = signer("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate(), HashAlgorithm.SHA256)
                .signCookies(Policy.builder()
                        .resource(HOST + "/members/*")
                        .expiresIn(Duration.ofHours(1))
                        .build());
        Verdict v = verifier()
                .verify(ViewerRequest.builder()
                        .url(HOST + "/members/report.pdf?page=2")
                        .cookieHeader("theme=dark; " + cookies.toCookieHeader())
                        .build());
        assertAllowed(v);
        assertEquals(HashAlgorithm.SHA256, v.hashAlgorithm());
    }

    @Test
    void ecdsaCookies_withIpRange_areAllowed() {
        SignedCookies cookies = signer("K3ECDSAKEY", TestKeys.EC.getPrivate(), null)
                .signCookies(Policy.builder()
                        .resource("https://*")
                        .expiresIn(Duration.ofHours(1))
                        .ipAddress("10.0.0.0/8")
                        .build());
        assertAllowed(verifier()
                .verify(ViewerRequest.builder()
                        .url(URL)
                        .cookies(cookies.cookies())
                        .clientIp("10.1.2.3")
                        .build()));
    }

    @Test
    void rotation_bothKeysOfTheTrustedGroupAreAccepted() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .key("K4NEXTKEY", TestKeys.RSA_2.getPrivate())
                .clock(CLOCK)
                .build();
        String before = signer.signUrl(URL, Duration.ofMinutes(5));
        signer.activate("K4NEXTKEY");
        String after = signer.signUrl(URL, Duration.ofMinutes(5));
        assertAllowed(verifyUrl(before));
        assertAllowed(verifyUrl(after));
        assertEquals("K4NEXTKEY", verifyUrl(after).keyPairId());
    }

    @Test
    void unpaddedSignature_isAccepted() {
        String signed = rsa().signUrl(URL, Duration.ofMinutes(5));
        String signature = Tamper.value(signed, "Signature");
        assertTrue(signature.endsWith("__"), signature);
        assertAllowed(verifyUrl(Tamper.replace(signed, "Signature", signature.substring(0, signature.length() - 2))));
    }

    @Test
    void percentEncodedSignature_isAccepted() {
        String signed = rsa().signUrl(URL, Duration.ofMinutes(5));
        String signature = Tamper.value(signed, "Signature");
        assertAllowed(verifyUrl(Tamper.replace(
                signed,
                "Signature",
                signature.replace("~", "%7E").replace("-", "%2D").replace("_", "%5F"))));
    }

    @Test
    void customPolicyWithWhitespaceAndOtherKeyOrder_isVerifiedOverItsBytes() throws Exception {
        String json =
                "{ \"Statement\" : [ {\r\n \"Condition\" : { \"IpAddress\" : { \"AWS:SourceIp\" : \"192.0.2.0/24\" },"
                        + " \"DateLessThan\" : { \"AWS:EpochTime\" : " + (NOW.getEpochSecond() + 60) + " } },\r\n"
                        + " \"Resource\" : \"" + HOST + "/game_download.zip\" } ] }";
        String url = HOST + "/game_download.zip?Policy="
                + CloudFrontBase64.encode(json.getBytes("UTF-8")).replace("_", "") + "&Signature=" + rawSignature(json)
                + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        assertAllowed(verifier()
                .verify(ViewerRequest.fromUrl(url).toBuilder()
                        .clientIp("192.0.2.1")
                        .build()));
    }

    @Test
    void legacyStatementObjectForm_isAccepted() throws Exception {
        String json = "{\"Statement\":{\"Resource\":\"" + URL + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                + (NOW.getEpochSecond() + 60) + "}}}}";
        String url = URL + "?Policy=" + CloudFrontBase64.encode(json.getBytes("UTF-8")) + "&Signature="
                + rawSignature(json) + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        assertAllowed(verifyUrl(url));
    }

    @Test
    void verifyString_isTheUrlRequest() {
        assertAllowed(verifier().verify(rsa().signUrl(URL, Duration.ofMinutes(5))));
    }

    @Test
    void builder_needsAKey() {
        assertThrows(
                IllegalStateException.class, () -> CloudFrontVerifier.builder().build());
    }

    @Test
    void builder_refusesTheSameKeyPairIdTwice() {
        CloudFrontVerifier.Builder b = CloudFrontVerifier.builder().trustedKey("K1", TestKeys.RSA.getPublic());
        assertThrows(IllegalArgumentException.class, () -> b.trustedKey("K1", TestKeys.RSA_2.getPublic()));
    }

    @Test
    void builder_refusesAKeyPairIdWithOtherCharacters() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudFrontVerifier.builder().trustedKey("K-1", TestKeys.RSA.getPublic()));
    }

    /** Signs exact policy bytes with the RSA test key (SHA-1), bypassing the signer's own policy writer. */
    static String rawSignature(String policy) throws Exception {
        java.security.Signature s = java.security.Signature.getInstance("SHA1withRSA");
        s.initSign(TestKeys.RSA.getPrivate());
        s.update(policy.getBytes("UTF-8"));
        return CloudFrontBase64.encode(s.sign());
    }
}
