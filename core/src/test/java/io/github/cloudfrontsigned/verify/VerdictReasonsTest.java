package io.github.cloudfrontsigned.verify;

import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.HOST;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.NOW;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.URL;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.rawSignature;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.rsa;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.signer;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.github.cloudfrontsigned.internal.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * One test per verdict and reason, each built by tampering with a valid signed URL or signed cookies the way
 * URLs get broken in the wild: edited, dropped, duplicated, re-encoded, expired, early, from the wrong IP.
 */
final class VerdictReasonsTest {

    private static final String CANNED = rsa().signUrl(URL, Duration.ofMinutes(5));

    private static Verdict verify(String url) {
        return verifier().verify(ViewerRequest.fromUrl(url));
    }

    private static Verdict verify(ViewerRequest request) {
        return verifier().verify(request);
    }

    private static void assertDenied(ErrorCode code, String reasonPart, Verdict verdict) {
        assertFalse(verdict.isAllowed(), verdict::toString);
        assertEquals(code, verdict.code(), verdict::toString);
        assertTrue(
                verdict.reason().contains(reasonPart),
                () -> "reason should contain \"" + reasonPart + "\": " + verdict);
    }

    // ---- MissingKey ----

    @Test
    void unsignedUrl_isMissingKey() {
        assertDenied(ErrorCode.MISSING_KEY, "carries no signing query parameter", verify(URL));
    }

    @Test
    void keyPairIdDropped_isMissingKey() {
        assertDenied(
                ErrorCode.MISSING_KEY,
                "Expires, Signature but no Key-Pair-Id",
                verify(Tamper.drop(CANNED, "Key-Pair-Id")));
    }

    @Test
    void keyPairIdEmpty_isMissingKey() {
        assertDenied(ErrorCode.MISSING_KEY, "Key-Pair-Id is empty", verify(Tamper.replace(CANNED, "Key-Pair-Id", "")));
    }

    @Test
    void keyPairIdCookieDropped_isMissingKey() {
        SignedCookies cookies = rsa().signCookies(Policy.canned(URL, NOW.plusSeconds(60)));
        ViewerRequest.Builder b = ViewerRequest.builder().url(URL);
        cookies.cookies().stream()
                .filter(c -> !c.name().equals(SignedCookies.KEY_PAIR_ID))
                .forEach(c -> b.cookie(c.name(), c.value()));
        assertDenied(ErrorCode.MISSING_KEY, "but no CloudFront-Key-Pair-Id", verify(b.build()));
    }

    // ---- InvalidKey ----

    @Test
    void unknownKeyPairId_isInvalidKeyAndListsTheTrustedOnes() {
        assertDenied(
                ErrorCode.INVALID_KEY,
                "\"KUNKNOWN\" is not in the trusted key group (trusted: K2JCJMDEHXQW5F, K3ECDSAKEY, K4NEXTKEY)",
                verify(Tamper.replace(CANNED, "Key-Pair-Id", "KUNKNOWN")));
    }

    @Test
    void keyPairIdInOtherCase_isInvalidKeyWithAHint() {
        assertDenied(
                ErrorCode.INVALID_KEY,
                "differs from K2JCJMDEHXQW5F only in case",
                verify(Tamper.replace(CANNED, "Key-Pair-Id", "k2jcjmdehxqw5f")));
    }

    @Test
    void keyPairIdOfAnotherTrustedKey_namesTheKeyThatSigned() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "made with the private key of key pair ID K2JCJMDEHXQW5F, but the request"
                        + " names Key-Pair-Id=K4NEXTKEY",
                verify(Tamper.replace(CANNED, "Key-Pair-Id", "K4NEXTKEY")));
    }

    // ---- MalformedSignature ----

    @Test
    void signatureDropped_isMalformedSignature() {
        assertDenied(ErrorCode.MALFORMED_SIGNATURE, "there is no Signature", verify(Tamper.drop(CANNED, "Signature")));
    }

    @Test
    void signatureWithACharacterOutsideTheAlphabet_isMalformedSignatureAndNamesIt() {
        String signature = Tamper.value(CANNED, "Signature");
        assertDenied(
                ErrorCode.MALFORMED_SIGNATURE,
                "character '!' (U+0021) at position 5",
                verify(Tamper.replace(CANNED, "Signature", signature.substring(0, 5) + "!" + signature.substring(6))));
    }

    @Test
    void signatureInBase64url_isMalformedSignatureWithAHint() {
        String signature = Tamper.value(CANNED, "Signature");
        String base64url = "ab_" + signature.substring(3);
        assertDenied(
                ErrorCode.MALFORMED_SIGNATURE,
                "RFC 4648 base64url",
                verify(Tamper.replace(CANNED, "Signature", base64url)));
    }

    // ---- MalformedPolicy ----

    @Test
    void expiresDroppedFromCannedUrl_isMalformedPolicy() {
        assertDenied(
                ErrorCode.MALFORMED_POLICY,
                "neither Expires (canned policy) nor Policy (custom policy)",
                verify(Tamper.drop(CANNED, "Expires")));
    }

    @Test
    void expiresNotANumber_isMalformedPolicy() {
        assertDenied(
                ErrorCode.MALFORMED_POLICY,
                "Expires \"tomorrow\" is not a whole number of epoch seconds",
                verify(Tamper.replace(CANNED, "Expires", "tomorrow")));
    }

    @Test
    void policyNotBase64_isMalformedPolicy() {
        String custom = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.1")
                                .build());
        assertDenied(
                ErrorCode.MALFORMED_POLICY,
                "Policy is not in CloudFront's base64",
                verify(Tamper.replace(custom, "Policy", "eyJ*")));
    }

    @Test
    void expiresAndPolicyTogether_isMalformedPolicy() {
        String custom = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.1")
                                .build());
        assertDenied(
                ErrorCode.MALFORMED_POLICY,
                "both Expires (canned policy) and Policy (custom policy)",
                verify(custom + "&Expires=" + (NOW.getEpochSecond() + 60)));
    }

    @Test
    void signedPolicyThatIsNotJson_isMalformedPolicyAfterTheSignatureVerified() throws Exception {
        String json = "{\"Statement\":[{\"Resource\":\"" + URL
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}]";
        String url = URL + "?Policy=" + CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8)) + "&Signature="
                + rawSignature(json) + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        assertDenied(
                ErrorCode.MALFORMED_POLICY, "the signature is valid but the policy is not valid JSON", verify(url));
    }

    @Test
    void signedPolicyWithTwoStatements_isMalformedPolicy() throws Exception {
        String statement = "{\"Resource\":\"" + URL + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                + (NOW.getEpochSecond() + 60) + "}}}";
        String json = "{\"Statement\":[" + statement + "," + statement + "]}";
        String url = URL + "?Policy=" + CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8)) + "&Signature="
                + rawSignature(json) + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        assertDenied(
                ErrorCode.MALFORMED_POLICY, "Statement holds 2 statements; CloudFront allows exactly one", verify(url));
    }

    @Test
    void signedPolicyWithQuotedEpoch_isMalformedPolicy() throws Exception {
        String json = "{\"Statement\":[{\"Resource\":\"" + URL
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":\"" + (NOW.getEpochSecond() + 60) + "\"}}}]}";
        String url = URL + "?Policy=" + CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8)) + "&Signature="
                + rawSignature(json) + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        assertDenied(ErrorCode.MALFORMED_POLICY, "wants a JSON number without quotation marks", verify(url));
    }

    @Test
    void signedPolicyWithoutDateLessThan_isMalformedPolicy() throws Exception {
        String json = "{\"Statement\":[{\"Resource\":\"" + URL
                + "\",\"Condition\":{\"IpAddress\":{\"AWS:SourceIp\":\"192.0.2.0/24\"}}}]}";
        String url = URL + "?Policy=" + CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8)) + "&Signature="
                + rawSignature(json) + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        assertDenied(ErrorCode.MALFORMED_POLICY, "no DateLessThan", verify(url));
    }

    // ---- AccessDenied: the signature ----

    @Test
    void pathEdited_isASignatureMismatchShowingTheRebuiltPolicy() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "does not match the canned policy CloudFront rebuilds from the request",
                verify(CANNED.replace("/images/cat.jpg", "/images/dog.jpg")));
    }

    @Test
    void expiresEdited_isASignatureMismatch() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the URL or Expires was changed after signing",
                verify(Tamper.replace(CANNED, "Expires", Long.toString(NOW.getEpochSecond() + 86400))));
    }

    @Test
    void signatureEdited_isASignatureMismatch() {
        String signature = Tamper.value(CANNED, "Signature");
        String edited = (signature.charAt(10) == 'A' ? "B" : "A");
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "does not match",
                verify(Tamper.replace(
                        CANNED, "Signature", signature.substring(0, 10) + edited + signature.substring(11))));
    }

    @Test
    void signatureCutShort_saysHowLongItShouldBe() {
        String signature = Tamper.value(CANNED, "Signature");
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the signature is 255 bytes but a signature by the RSA-2048 key",
                verify(Tamper.replace(CANNED, "Signature", signature.substring(0, 340))));
    }

    @Test
    void policyEdited_isASignatureMismatch() {
        String custom = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.1")
                                .build());
        String json = new String(CloudFrontBase64.decode(Tamper.value(custom, "Policy")), StandardCharsets.UTF_8);
        String widened = CloudFrontBase64.encode(
                json.replace("192.0.2.1/32", "0.0.0.0/0").getBytes(StandardCharsets.UTF_8));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the signature does not match the Policy: the policy or Signature was altered",
                verify(Tamper.replace(custom, "Policy", widened)));
    }

    @Test
    void hostEdited_isASignatureMismatch() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "does not match the canned policy",
                verify(CANNED.replace("d111111abcdef8.cloudfront.net", "cdn.example.com")));
    }

    @Test
    void hostInOtherCase_saysTheHostWasWrittenDifferently() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the host was written differently when signing",
                verify(CANNED.replace("d111111abcdef8.cloudfront.net", "D111111ABCDEF8.cloudfront.net")));
    }

    @Test
    void otherScheme_saysItWasSignedForHttps() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the URL was signed for https:// but requested over http://",
                verify(CANNED.replace("https://", "http://")));
    }

    @Test
    void pathDecodedAfterSigning_saysTheUrlWasReEncoded() {
        String signed = rsa().signUrl(HOST + "/media/friends%27s%20caf%C3%A9.jpg", Duration.ofMinutes(5));
        Verdict v = verify(signed.replace("friends%27s%20caf%C3%A9", "friends's%20caf%c3%a9"));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the URL was re-encoded after signing: the signature matches " + HOST
                        + "/media/friends%27s%20caf%C3%A9.jpg but CloudFront received " + HOST
                        + "/media/friends's%20caf%c3%a9.jpg",
                v);
        assertTrue(v.reason().contains("  signed:   " + HOST + "/media/friends%27s"), v.reason());
    }

    @Test
    void queryReEncodedWithPlus_saysTheUrlWasReEncoded() {
        String url = HOST + "/report.pdf?response-content-disposition=attachment%3B%20filename%3Dreport.pdf";
        String signed = rsa().signUrl(url, Duration.ofMinutes(5));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the URL was re-encoded after signing",
                verify(signed.replace("attachment%3B%20filename", "attachment%3B+filename")));
    }

    @Test
    void spaceInPathFormEncodedAfterSigning_saysTheUrlWasReEncoded() {
        String signed = rsa().signUrl(HOST + "/a%20b.jpg", Duration.ofMinutes(5));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the URL was re-encoded after signing",
                verify(signed.replace("/a%20b.jpg", "/a+b.jpg")));
    }

    @Test
    void queryParameterAdded_saysWhichOne() {
        String signed = rsa().signUrl(URL + "?size=large", Duration.ofMinutes(5));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the query parameter utm_source=mail was added after signing",
                verify(signed.replace("?size=large", "?size=large&utm_source=mail")));
    }

    @Test
    void queryParameterAddedAtTheEnd_saysWhichOne() {
        assertDenied(ErrorCode.ACCESS_DENIED, "the query string ?x=1 was added after signing", verify(CANNED + "&x=1"));
    }

    @Test
    void trailingSlashAdded_isNamed() {
        String signed = rsa().signUrl(HOST + "/docs", Duration.ofMinutes(5));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "a trailing slash was added after signing",
                verify(signed.replace("/docs?", "/docs/?")));
    }

    @Test
    void signingParameterDuplicated_isRefused() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "carries the signing parameter Signature more than once",
                verify(CANNED + "&Signature=" + Tamper.value(CANNED, "Signature")));
    }

    @Test
    void sha256SignatureWithoutHashAlgorithm_saysToAddIt() {
        String signed = signer("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate(), HashAlgorithm.SHA256)
                .signUrl(URL, Duration.ofMinutes(5));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the signature is SHA-256 but the request has no Hash-Algorithm, so CloudFront"
                        + " checks it as SHA-1: add Hash-Algorithm=SHA256",
                verify(Tamper.drop(signed, "Hash-Algorithm")));
    }

    @Test
    void sha256HashAlgorithmOnASha1Signature_saysToRemoveIt() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "Hash-Algorithm says SHA256 but the signature is SHA-1",
                verify(CANNED + "&Hash-Algorithm=SHA256"));
    }

    @Test
    void ecdsaSha256SignatureWithoutHashAlgorithm_saysToAddIt() {
        String signed = signer("K3ECDSAKEY", TestKeys.EC.getPrivate(), null).signUrl(URL, Duration.ofMinutes(5));
        assertDenied(
                ErrorCode.ACCESS_DENIED, "add Hash-Algorithm=SHA256", verify(Tamper.drop(signed, "Hash-Algorithm")));
    }

    @Test
    void unknownHashAlgorithm_isRefused() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "Hash-Algorithm \"SHA512\" is not SHA1 or SHA256",
                verify(CANNED + "&Hash-Algorithm=SHA512"));
    }

    @Test
    void hashAlgorithmInLowerCase_isRefused() {
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "\"sha256\" is not SHA1 or SHA256, the values CloudFront documents (spelled exactly so)",
                verify(CANNED + "&Hash-Algorithm=sha256"));
    }

    @Test
    void rawEcdsaSignature_saysCloudFrontWantsDer() throws Exception {
        String policy = PolicyDocument.writeCanned(URL, NOW.getEpochSecond() + 60);
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(TestKeys.EC.getPrivate());
        s.update(policy.getBytes(StandardCharsets.UTF_8));
        String url = URL + "?Expires=" + (NOW.getEpochSecond() + 60) + "&Signature=" + CloudFrontBase64.encode(s.sign())
                + "&Key-Pair-Id=K3ECDSAKEY&Hash-Algorithm=SHA256";
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "raw r||s (IEEE P1363, 64 bytes) but CloudFront expects ASN.1 DER",
                verify(url));
    }

    // ---- AccessDenied: the policy's conditions ----

    @Test
    void expired_saysWhenAndHowLongAgo() {
        String expired = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .clock(java.time.Clock.fixed(NOW.minusSeconds(3600), java.time.ZoneOffset.UTC))
                .build()
                .signUrl(URL, Duration.ofMinutes(55));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "expired at 2026-11-22T09:55:00Z (epoch " + (NOW.getEpochSecond() - 300) + "), 5 minutes ago",
                verify(expired));
    }

    @Test
    void expiresExactlyNow_isExpired() {
        String signed = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .clock(java.time.Clock.fixed(NOW.minusSeconds(60), java.time.ZoneOffset.UTC))
                .build()
                .signUrl(URL, Duration.ofMinutes(1));
        assertDenied(ErrorCode.ACCESS_DENIED, "expired at 2026-11-22T10:00:00Z", verify(signed));
    }

    @Test
    void notYetValid_saysFromWhenAndHowLongUntil() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofHours(3))
                                .dateGreaterThan(NOW.plusSeconds(7200))
                                .build());
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "not valid before 2026-11-22T12:00:00Z (epoch " + (NOW.getEpochSecond() + 7200)
                        + "), which is in 2 hours",
                verify(signed));
    }

    @Test
    void dateGreaterThanExactlyNow_isNotYetValid() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofHours(1))
                                .dateGreaterThan(NOW)
                                .build());
        assertDenied(ErrorCode.ACCESS_DENIED, "not valid before", verify(signed));
    }

    @Test
    void clientIpOutsideTheRange_isNamedWithTheRange() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.0/24")
                                .build());
        Verdict v = verify(ViewerRequest.fromUrl(signed).toBuilder()
                .clientIp("198.51.100.7")
                .build());
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "client IP 198.51.100.7 is not in the policy's IpAddress range 192.0.2.0/24",
                v);
        assertEquals("192.0.2.0/24", v.ipAddress(), "the verified policy is reported even when a condition fails");
    }

    @Test
    void ipv6Client_cannotMatchAnIpAddressCondition() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.0/24")
                                .build());
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "is IPv6; the policy's IpAddress 192.0.2.0/24 matches IPv4 viewers only",
                verify(ViewerRequest.fromUrl(signed).toBuilder()
                        .clientIp("2001:db8::7")
                        .build()));
    }

    @Test
    void unknownClientIp_isRefusedWhenThePolicyNamesOne() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.0/24")
                                .build());
        assertDenied(ErrorCode.ACCESS_DENIED, "no client IP was given", verify(signed));
    }

    @Test
    void urlOutsideTheResource_showsBothWithTheDifferenceMarked() {
        CloudFrontSigner signer = rsa();
        String signed = signer.signUrl(
                HOST + "/images/a.jpg",
                Policy.builder()
                        .resource(HOST + "/images/*")
                        .expiresIn(Duration.ofMinutes(5))
                        .build());
        Verdict v = verify(signed.replace("/images/a.jpg", "/videos/a.jpg"));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "the requested URL is not covered by the policy Resource: they differ in"
                        + " the path at position 38 of the URL: the URL has 'v' where the Resource has 'i'",
                v);
        assertTrue(
                v.reason()
                        .contains("\n  Resource: " + HOST + "/images/*\n" + " ".repeat(12 + 38) + "^\n" + "  URL:      "
                                + HOST + "/videos/a.jpg\n" + " ".repeat(12 + 38) + "^"),
                v.reason());
    }

    @Test
    void queryNotCoveredByAnExactResource_saysSo() {
        String signed = rsa().signUrl(
                        URL,
                        Policy.builder()
                                .resource(URL)
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.1")
                                .build());
        Verdict v = verify(ViewerRequest.fromUrl(signed.replace("?Policy", "?page=2&Policy")).toBuilder()
                .clientIp("192.0.2.1")
                .build());
        assertDenied(ErrorCode.ACCESS_DENIED, "the query string ?page=2 is not covered", v);
    }

    @Test
    void urlReEncodedOutsideAnExactResource_saysTheUrlWasReEncoded() {
        String url = HOST + "/a%20b.jpg";
        String signed = rsa().signUrl(
                        url,
                        Policy.builder()
                                .resource(url)
                                .expiresIn(Duration.ofMinutes(5))
                                .ipAddress("192.0.2.1")
                                .build());
        Verdict v = verify(ViewerRequest.fromUrl(signed.replace("/a%20b.jpg", "/a+b.jpg")).toBuilder()
                .clientIp("192.0.2.1")
                .build());
        assertDenied(ErrorCode.ACCESS_DENIED, "not covered by the policy Resource", v);
        assertTrue(
                v.reason().contains("\nthe URL was re-encoded after signing: the Resource covers " + url), v.reason());
    }

    // ---- cookies ----

    @Test
    void cookiePolicyEdited_isASignatureMismatch() {
        SignedCookies cookies = rsa().signCookies(Policy.builder()
                .resource(HOST + "/members/*")
                .expiresIn(Duration.ofHours(1))
                .build());
        String json = new String(
                CloudFrontBase64.decode(cookies.value(SignedCookies.POLICY).orElseThrow()), StandardCharsets.UTF_8);
        ViewerRequest.Builder b = ViewerRequest.builder().url(HOST + "/admin/x");
        for (SignedCookies.Cookie c : cookies.cookies()) {
            b.cookie(
                    c.name(),
                    c.name().equals(SignedCookies.POLICY)
                            ? CloudFrontBase64.encode(
                                    json.replace("/members/*", "/*").getBytes(StandardCharsets.UTF_8))
                            : c.value());
        }
        assertDenied(ErrorCode.ACCESS_DENIED, "does not match the CloudFront-Policy", verify(b.build()));
    }

    @Test
    void cookieSignatureDropped_isMalformedSignature() {
        SignedCookies cookies = rsa().signCookies(Policy.canned(URL, NOW.plusSeconds(60)));
        ViewerRequest.Builder b = ViewerRequest.builder().url(URL);
        cookies.cookies().stream()
                .filter(c -> !c.name().equals(SignedCookies.SIGNATURE))
                .forEach(c -> b.cookie(c.name(), c.value()));
        assertDenied(ErrorCode.MALFORMED_SIGNATURE, "there is no CloudFront-Signature", verify(b.build()));
    }

    @Test
    void sha256CookiesWithoutTheHashCookie_sayToAddIt() {
        SignedCookies cookies = signer("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate(), HashAlgorithm.SHA256)
                .signCookies(Policy.canned(URL, NOW.plusSeconds(60)));
        ViewerRequest.Builder b = ViewerRequest.builder().url(URL);
        cookies.cookies().stream()
                .filter(c -> !c.name().equals(SignedCookies.HASH_ALGORITHM))
                .forEach(c -> b.cookie(c.name(), c.value()));
        assertDenied(ErrorCode.ACCESS_DENIED, "add CloudFront-Hash-Algorithm=SHA256", verify(b.build()));
    }

    @Test
    void duplicatedCookies_theFirstCounts() {
        SignedCookies good = rsa().signCookies(Policy.canned(URL, NOW.plusSeconds(60)));
        SignedCookies other = rsa().signCookies(Policy.canned(HOST + "/other.jpg", NOW.plusSeconds(60)));
        assertTrue(verify(ViewerRequest.builder()
                        .url(URL)
                        .cookies(good.cookies())
                        .cookies(other.cookies())
                        .build())
                .isAllowed());
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "does not match the canned policy",
                verify(ViewerRequest.builder()
                        .url(URL)
                        .cookies(other.cookies())
                        .cookies(good.cookies())
                        .build()));
    }

    @Test
    void cannedCookiesOnAnotherUrl_areASignatureMismatch() {
        SignedCookies cookies = rsa().signCookies(Policy.canned(URL, NOW.plusSeconds(60)));
        assertDenied(
                ErrorCode.ACCESS_DENIED,
                "does not match the canned policy",
                verify(ViewerRequest.builder()
                        .url(HOST + "/images/dog.jpg")
                        .cookies(cookies.cookies())
                        .build()));
    }

    @Test
    void signingParameterInTheQuery_makesCloudFrontIgnoreValidCookies() {
        SignedCookies cookies = rsa().signCookies(Policy.builder()
                .resource(HOST + "/*")
                .expiresIn(Duration.ofHours(1))
                .build());
        ViewerRequest request = ViewerRequest.builder()
                .url(URL + "?Expires=soon")
                .cookies(cookies.cookies())
                .build();
        Verdict v = verify(request);
        assertEquals(CredentialSource.URL, v.source());
        assertDenied(ErrorCode.MISSING_KEY, "CloudFront treats this as a signed URL and ignores the signed cookies", v);
    }

    // ---- the verdict itself ----

    @Test
    void errorXml_isCloudFrontsBody() {
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id"
                        + " query parameter or cookie value</Message></Error>",
                verify(URL).toErrorXml());
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access denied"
                        + "</Message></Error>",
                verify(CANNED + "&x=1").toErrorXml());
    }

    @Test
    void errorXml_ofAnAllowedRequest_isRefused() {
        assertThrows(IllegalStateException.class, () -> verify(CANNED).toErrorXml());
    }

    @Test
    void deniedBeforeTheSignatureVerified_reportsNoPolicy() {
        Verdict v = verify(Tamper.replace(CANNED, "Expires", Long.toString(NOW.getEpochSecond() + 99)));
        assertNull(v.resource());
        assertNull(v.dateLessThan());
    }

    @Test
    void everyErrorCode_carriesCloudFrontsMessage() {
        assertEquals(
                Arrays.asList(
                        "MissingKey: Missing Key-Pair-Id query parameter or cookie value",
                        "InvalidKey: Unknown Key",
                        "MalformedSignature: Could not unencode Signature",
                        "MalformedPolicy: Malformed Policy",
                        "AccessDenied: Access denied"),
                Arrays.stream(ErrorCode.values())
                        .map(c -> c.code() + ": " + c.message())
                        .toList());
    }
}
