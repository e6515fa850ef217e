package io.github.cloudfrontsigned.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.cloudfrontsigned.SharedTestData;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.ResourcePattern;
import io.github.cloudfrontsigned.internal.VerificationCost;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing (Jazzer) of everything the verifier reads from a request: URL and query parsing,
 * the Cookie header, CloudFront base64, policy JSON, the Resource wildcard matcher, IP ranges and the
 * diagnosis of failures. Whatever the input, the verifier must return a consistent verdict and never throw
 * or hang, and stay within its cost bound: at most {@link VerificationCost#MAX_SIGNATURE_CHECKS} public-key
 * operations, and steps (characters parsed, matched or tried in diagnosis) within a constant plus a multiple of
 * the input's length (times the Resource's 64-token words for wildcard matching). An input over the bound fails
 * as a crash does.
 *
 * <p>Input: UTF-8 text, lines separated by {@code \n}:
 * <ol start="0">
 *   <li>the requested URL (parsed with {@link ViewerRequest#fromUrl}, or used as a raw path if that refuses it)</li>
 *   <li>a {@code Cookie} header</li>
 *   <li>the client IP</li>
 *   <li>optional: a policy to sign properly, so the fuzzer reaches the JSON parser and the conditions behind a
 *       valid signature; {@code canned} signs the URL's canned policy instead</li>
 *   <li>optional: a Resource pattern matched against the URL directly</li>
 * </ol>
 *
 * <p>Plain {@code mvn test} replays the committed corpus ({@code src/test/resources/.../VerifierFuzzTestInputs/verify})
 * as regression tests. Fuzzing for a bounded time: {@code mvn -pl core -Pfuzz test} (see the {@code fuzz}
 * profile in {@code core/pom.xml}).
 */
final class VerifierFuzzTest {

    /** Before the shared vectors' expiry, so their signed URLs in the corpus reach the allow path. */
    private static final Instant NOW = Instant.parse("2025-12-01T00:00:00Z");

    private static final PrivateKey SIGNING_KEY =
            Keys.loadPrivateKey(KeySource.file(SharedTestData.file("test-rsa-key.pem")));
    private static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trustedKey("K1TESTKEY", Keys.loadPublicKey(KeySource.file(SharedTestData.file("test-rsa-key-public.pem"))))
            .trustedKey(
                    "K2ECDSATEST", Keys.loadPublicKey(KeySource.file(SharedTestData.file("test-ecdsa-key-public.pem"))))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    @FuzzTest(maxDuration = "60s")
    void verify(byte[] input) throws Exception {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String url = line(lines, 0);
        String cookieHeader = line(lines, 1);
        String clientIp = line(lines, 2);
        String toSign = line(lines, 3);
        String resource = line(lines, 4);

        ViewerRequest.Builder builder;
        try {
            builder = ViewerRequest.builder().url(url);
        } catch (IllegalArgumentException e) {
            builder = ViewerRequest.builder()
                    .scheme("https")
                    .host("d111111abcdef8.cloudfront.net")
                    .rawPath(url);
        }
        builder.cookieHeader(cookieHeader).clientIp(clientIp.isEmpty() ? null : clientIp);
        ViewerRequest request = builder.build();
        if (!toSign.isEmpty()) {
            request = signed(request, toSign);
        }

        Verdict verdict = VERIFIER.verify(request);
        assertNotNull(verdict);
        assertNotNull(verdict.reason());
        assertWithinTheCostBound(verdict, request);
        if (verdict.isAllowed()) {
            assertNull(verdict.code());
            assertNotNull(verdict.dateLessThan());
        } else {
            assertNotNull(verdict.code());
            assertEquals(
                    true,
                    verdict.toErrorXml().contains("<Code>" + verdict.code().code() + "</Code>"));
        }

        SignedRequest parsed = SignedRequest.parse(request);
        assertNotNull(parsed.problems());
        assertNotNull(parsed.dateLessThan() == null ? "" : parsed.dateLessThan().toString());
        assertNotNull(SignedRequest.ofCookies(ViewerRequest.parseCookieHeader(cookieHeader))
                .problems());

        if (!resource.isEmpty()) {
            ResourcePattern pattern = ResourcePattern.of(resource);
            ResourcePattern.Mismatch mismatch = pattern.mismatch(request.url());
            assertEquals(mismatch == null, pattern.matches(request.url()));
            if (mismatch != null) {
                assertNotNull(mismatch.summary(resource, request.url()) + mismatch.diagram(resource, request.url()));
            }
        }
        try {
            CloudFrontBase64.decode(cookieHeader);
        } catch (IllegalArgumentException expected) {
            // the decoder reports bad input this way only
        }
    }

    /** Fails when one input costs more than the verifier's bound allows. */
    private static void assertWithinTheCostBound(Verdict verdict, ViewerRequest request) {
        VerificationCost cost = verdict.cost();
        assertNotNull(cost);
        if (cost.signatureChecks() > VerificationCost.MAX_SIGNATURE_CHECKS) {
            throw new AssertionError(cost.signatureChecks() + " signature checks for one request: over the bound of "
                    + VerificationCost.MAX_SIGNATURE_CHECKS);
        }
        long input = request.url().length() + request.host().length();
        for (SignedCookies.Cookie c : request.cookies()) {
            input += c.name().length() + c.value().length() + 3;
        }
        // wildcard matching costs one step per URL character per 64 Resource tokens; the Resource is part of the input
        long words = 1 + (input + 1) / 64;
        long bound = 2L * VerificationCost.DIAGNOSIS_BUDGET + 16 * input + 4 * input * words;
        if (cost.steps() > bound) {
            throw new AssertionError(
                    cost.steps() + " steps for " + input + " characters of input: over the bound of " + bound);
        }
        if (cost.diagnosisCharacters() > VerificationCost.DIAGNOSIS_BUDGET) {
            throw new AssertionError("diagnosis tried " + cost.diagnosisCharacters() + " characters of URL variants");
        }
    }

    /** Appends a correctly signed custom (or canned) policy to the request's query. */
    private static ViewerRequest signed(ViewerRequest request, String toSign) throws Exception {
        String query = request.rawQuery();
        String base = ViewerRequest.url(request.scheme(), request.host(), request.rawPath(), query);
        String policy;
        String parameters;
        if (toSign.equals("canned")) {
            policy = PolicyDocument.writeCanned(base, NOW.getEpochSecond() + 3600);
            parameters = "Expires=" + (NOW.getEpochSecond() + 3600);
        } else {
            policy = toSign;
            parameters = "Policy=" + CloudFrontBase64.encode(policy.getBytes(StandardCharsets.UTF_8));
        }
        Signature signature = Signature.getInstance("SHA1withRSA");
        signature.initSign(SIGNING_KEY);
        signature.update(policy.getBytes(StandardCharsets.UTF_8));
        parameters += "&Signature=" + CloudFrontBase64.encode(signature.sign()) + "&Key-Pair-Id=K1TESTKEY";
        return request.toBuilder()
                .rawQuery(query == null ? parameters : query + "&" + parameters)
                .build();
    }

    private static String line(String[] lines, int i) {
        return i < lines.length ? lines[i] : "";
    }
}
