package io.github.cloudfrontsigned.verify;

import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.CLOCK;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.HOST;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.NOW;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.URL;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.rsa;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.signer;
import static io.github.cloudfrontsigned.verify.CloudFrontVerifierTest.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.ResourcePattern;
import io.github.cloudfrontsigned.internal.VerificationCost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The verifier's cost bound, counted rather than timed: public-key operations and steps (characters parsed,
 * matched or tried in diagnosis) per verification, read from the {@link VerificationCost} each verdict carries.
 * For hostile inputs (long queries, thousands of parameters, repeated and empty parameters, deep wildcards, huge
 * policies, many cookies) the checks stay within {@link VerificationCost#MAX_SIGNATURE_CHECKS}, the steps within
 * a constant plus a multiple of the input's length, and doubling the input at most doubles the counted work.
 */
final class VerifierCostTest {

    private static final long EXPIRES = NOW.getEpochSecond() + 300;
    /** A forged RSA-2048 signature: right length, made by no key. */
    private static final String FORGED_RSA = forged(256);

    private static String forged(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        bytes[0] &= 0x7f;
        return CloudFrontBase64.encode(bytes);
    }

    /** A canned-policy URL with a forged signature after {@code query}. */
    private static ViewerRequest forgedCanned(String path, String query) {
        return ViewerRequest.fromUrl(HOST + path + "?" + (query.isEmpty() ? "" : query + "&") + "Expires=" + EXPIRES
                + "&Signature=" + FORGED_RSA + "&Key-Pair-Id=K2JCJMDEHXQW5F");
    }

    private static VerificationCost cost(ViewerRequest request) {
        Verdict verdict = verifier().verify(request);
        assertFalse(verdict.cost() == null, "every verdict from verify() carries its cost");
        return verdict.cost();
    }

    private static int inputLength(ViewerRequest r) {
        int n = r.url().length();
        for (SignedCookies.Cookie c : r.cookies()) {
            n += c.name().length() + c.value().length() + 3;
        }
        return n;
    }

    /** Within the bound: few public-key operations, steps a constant plus a multiple of the input's length. */
    private static void assertBounded(ViewerRequest request) {
        VerificationCost cost = cost(request);
        assertTrue(
                cost.signatureChecks() <= VerificationCost.MAX_SIGNATURE_CHECKS,
                () -> cost.signatureChecks() + " signature checks");
        long bound = 2L * VerificationCost.DIAGNOSIS_BUDGET + 16L * inputLength(request);
        assertTrue(
                cost.steps() <= bound,
                () -> cost.steps() + " steps for " + inputLength(request) + " characters of input, over " + bound);
    }

    /** The work for an input twice as long is at most twice the work. */
    private static void assertAtMostDoubles(IntFunction<ViewerRequest> ofSize, int size) {
        VerificationCost once = cost(ofSize.apply(size));
        VerificationCost twice = cost(ofSize.apply(2 * size));
        assertTrue(twice.steps() <= 2 * once.steps(), () -> "steps " + once.steps() + " -> " + twice.steps());
        assertTrue(
                twice.signatureChecks() <= Math.max(1, 2 * once.signatureChecks()),
                () -> "signature checks " + once.signatureChecks() + " -> " + twice.signatureChecks());
    }

    // ---- the findings of issue 13 ----

    @Test
    void emptyParametersUpToTheLimit_forgedSignature_stayWithinTheBound() {
        ViewerRequest request = forgedCanned("/a", "a&".repeat(995) + "a");
        assertBounded(request);
        Verdict verdict = verifier().verify(request);
        assertEquals(ErrorCode.ACCESS_DENIED, verdict.code());
        assertNull(verdict.exceededLimit());
    }

    @Test
    void emptyParameters_doublingTheQuery_atMostDoublesTheWork() {
        assertAtMostDoubles(n -> forgedCanned("/a", "a&".repeat(n) + "a"), 240);
    }

    @Test
    void distinctParameters_forgedCannedSignature_costAtMostEightSignatureChecks() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 990; i++) {
            query.append(i == 0 ? "" : "&").append('p').append(i).append("=1");
        }
        ViewerRequest request = forgedCanned("/a", query.toString());
        assertBounded(request);
        assertTrue(cost(request).signatureChecks() <= VerificationCost.MAX_SIGNATURE_CHECKS);
    }

    @Test
    void repeatedParameters_doublingTheQuery_atMostDoublesTheWork() {
        assertAtMostDoubles(n -> forgedCanned("/a", "x=1&".repeat(n) + "x=1"), 200);
    }

    @Test
    void longPath_doublingIt_atMostDoublesTheWork() {
        assertAtMostDoubles(n -> forgedCanned("/" + "%2F%41b".repeat(n), "q=%20+"), 300);
    }

    @Test
    void forgedEcdsaSignature_stopsAtEightChecksAndSaysTheExplanationWasCutShort() {
        // An ECDSA signature is not read back as RSA's is: each URL variant tried costs a verification.
        String signature = CloudFrontBase64.encode(ecdsaSignatureOfAnotherKey());
        ViewerRequest request = ViewerRequest.fromUrl(URL + "?a=%20&b=2&c=3&Expires=" + EXPIRES + "&Signature="
                + signature + "&Key-Pair-Id=K3ECDSAKEY&Hash-Algorithm=SHA256");
        Verdict verdict = verifier().verify(request);
        assertEquals(VerificationCost.MAX_SIGNATURE_CHECKS, verdict.cost().signatureChecks());
        assertTrue(verdict.isExplanationCutShort(), verdict::toString);
        assertTrue(verdict.reason().contains("explanation cut short"), verdict::toString);
    }

    private static byte[] ecdsaSignatureOfAnotherKey() {
        try {
            java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
            s.initSign(TestKeys.generate("EC").getPrivate());
            s.update("something else".getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ordinaryDenial_isExplainedInFullWithOneReadBack() {
        String signed = rsa().signUrl(URL + "?size=large", Duration.ofMinutes(5));
        Verdict verdict = verifier().verify(ViewerRequest.fromUrl(signed.replace("size=large", "size=large&x=1")));
        assertTrue(verdict.reason().contains("the query parameter x=1 was added after signing"), verdict::toString);
        assertFalse(verdict.isExplanationCutShort());
        assertEquals(2, verdict.cost().signatureChecks(), "the request's check, then one RSA read-back");
    }

    // ---- deep wildcards ----

    private static ViewerRequest wildcardCookies(String resource, String url) {
        SignedCookies cookies = rsa().signCookies(Policy.builder()
                .resource(resource)
                .expiresIn(Duration.ofMinutes(5))
                .build());
        return ViewerRequest.builder().url(url).cookies(cookies.cookies()).build();
    }

    @Test
    void deepWildcardResource_matchingALongUrl_isOneSignatureCheckAndLinearInTheUrl() {
        String resource = HOST + "/" + "*a".repeat(1500) + "*b";
        ViewerRequest request = wildcardCookies(resource, HOST + "/" + "a".repeat(3000) + "b");
        Verdict verdict = verifier().verify(request);
        assertTrue(verdict.isAllowed(), verdict::toString);
        assertEquals(1, verdict.cost().signatureChecks());
        assertAtMostDoubles(n -> wildcardCookies(resource, HOST + "/" + "a".repeat(n) + "b"), 3000);
    }

    @Test
    void deepWildcardResource_notMatching_isExplainedWithinTheBudget() {
        String resource = HOST + "/" + "*a?".repeat(600) + "*b";
        IntFunction<ViewerRequest> ofSize = n -> wildcardCookies(resource, HOST + "/" + "a".repeat(n) + "?x=1&y=2");
        Verdict verdict = verifier().verify(ofSize.apply(4000));
        assertTrue(verdict.reason().contains("not covered by the policy Resource"), verdict::toString);
        assertTrue(verdict.reason().length() < 2000, "the diagram shows the URL and Resource around the difference");
        assertEquals(1, verdict.cost().signatureChecks());
        assertAtMostDoubles(ofSize, 2000);
    }

    @Test
    void wildcardMatching_takesOneStepPerUrlCharacterForShortResources() {
        ResourcePattern pattern = ResourcePattern.of(HOST + "/*/*.jpg?v=*");
        VerificationCost cost = new VerificationCost();
        String url = HOST + "/" + "x".repeat(5000) + "/y.jpg?v=1";
        assertTrue(pattern.matches(url, cost));
        assertTrue(cost.steps() <= url.length() + 64L, () -> cost.steps() + " steps for " + url.length());
    }

    // ---- limits, checked before any cryptography ----

    @Test
    void urlOverTheLimit_isRefusedBeforeAnySignatureCheck() {
        Verdict verdict = verifier().verify(forgedCanned("/" + "a".repeat(8200), ""));
        assertEquals(RequestLimit.URL_LENGTH, verdict.exceededLimit());
        assertEquals(0, verdict.cost().signatureChecks());
        assertTrue(verdict.reason().contains("over the 8192 bytes CloudFront accepts"), verdict::toString);
    }

    @Test
    void urlOfExactly8192Bytes_isVerified() {
        String signed = rsa().signUrl(URL, Duration.ofMinutes(5));
        int target = signed.length() - HOST.length();
        String padded =
                rsa().signUrl(HOST + "/" + "p".repeat(8192 - target - 1) + "/images/cat.jpg", Duration.ofMinutes(5));
        ViewerRequest request = ViewerRequest.fromUrl(padded);
        assertEquals(8192, request.rawPath().length() + 1 + request.rawQuery().length());
        assertTrue(verifier().verify(request).isAllowed());
    }

    @Test
    void urlLength_countsUtf8Bytes() {
        Verdict verdict = verifier().verify(forgedCanned("/" + "é".repeat(4100), ""));
        assertEquals(RequestLimit.URL_LENGTH, verdict.exceededLimit());
    }

    @Test
    void thousandAndOneParameters_areRefusedBeforeAnySignatureCheck() {
        Verdict verdict = verifier().verify(forgedCanned("/a", "&".repeat(997)));
        assertEquals(RequestLimit.QUERY_PARAMETERS, verdict.exceededLimit());
        assertEquals(0, verdict.cost().signatureChecks());
        assertTrue(verdict.reason().contains("1001 parameters"), verdict::toString);
    }

    @Test
    void policyOverTheLimit_isRefusedBeforeAnySignatureCheck() {
        ViewerRequest request = ViewerRequest.builder()
                .url(URL)
                .cookie("CloudFront-Policy", "A".repeat(8193))
                .cookie("CloudFront-Signature", FORGED_RSA)
                .cookie("CloudFront-Key-Pair-Id", "K2JCJMDEHXQW5F")
                .build();
        Verdict verdict = verifier().verify(request);
        assertEquals(RequestLimit.POLICY_SIZE, verdict.exceededLimit());
        assertEquals(0, verdict.cost().signatureChecks());
        assertTrue(verdict.reason().contains("CloudFront-Policy is 8193 characters"), verdict::toString);
    }

    @Test
    void manyCookies_areRefusedBeforeAnySignatureCheck() {
        ViewerRequest.Builder builder = ViewerRequest.builder().url(URL);
        for (int i = 0; i < 181; i++) {
            builder.cookie("c" + i, "1");
        }
        Verdict verdict = verifier().verify(builder.build());
        assertEquals(RequestLimit.COOKIE_COUNT, verdict.exceededLimit());
        assertEquals(0, verdict.cost().signatureChecks());
    }

    @Test
    void cookiesOverTheRequestSize_areRefusedBeforeAnySignatureCheck() {
        ViewerRequest.Builder builder = ViewerRequest.builder().url(URL);
        for (int i = 0; i < 6; i++) {
            builder.cookie("big" + i, "v".repeat(4000));
        }
        Verdict verdict = verifier().verify(builder.build());
        assertEquals(RequestLimit.REQUEST_SIZE, verdict.exceededLimit());
        assertEquals(0, verdict.cost().signatureChecks());
        assertTrue(verdict.reason().contains("over the 20480 bytes"), verdict::toString);
    }

    @Test
    void everyLimit_hasItsOwnReasonCode() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (RequestLimit limit : RequestLimit.values()) {
            assertTrue(codes.add(limit.code()), limit::code);
            assertTrue(limit.max() > 0);
        }
    }

    @Test
    void validRequest_costsOneSignatureCheck() {
        Verdict verdict = verifier().verify(ViewerRequest.fromUrl(rsa().signUrl(URL, Duration.ofMinutes(5))));
        assertTrue(verdict.isAllowed());
        assertEquals(1, verdict.cost().signatureChecks());
        assertNull(verdict.exceededLimit());
        assertFalse(verdict.isExplanationCutShort());
    }

    @Test
    void ecdsaCookiesSignedWithTheOtherHash_areStillExplained() {
        SignedCookies cookies = signer("K3ECDSAKEY", TestKeys.EC.getPrivate(), HashAlgorithm.SHA256)
                .signCookies(Policy.builder()
                        .resource(HOST + "/*")
                        .expiresIn(Duration.ofMinutes(5))
                        .build());
        ViewerRequest.Builder builder = ViewerRequest.builder().url(URL).clientIp("192.0.2.1");
        for (SignedCookies.Cookie c : cookies.cookies()) {
            if (!c.name().equals("CloudFront-Hash-Algorithm")) {
                builder.cookie(c.name(), c.value());
            }
        }
        Verdict verdict = CloudFrontVerifier.builder()
                .trustedKey("K3ECDSAKEY", TestKeys.EC.getPublic())
                .clock(CLOCK)
                .build()
                .verify(builder.build());
        assertTrue(verdict.reason().contains("add CloudFront-Hash-Algorithm=SHA256"), verdict::toString);
        assertEquals(2, verdict.cost().signatureChecks());
    }
}
