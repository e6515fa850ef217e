package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCannedPolicy;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;

/**
 * Byte-for-byte agreement with the AWS SDK for Java v2 {@code CloudFrontUtilities} (RSA with SHA-1, the only
 * combination that is deterministic and that SDK 2.44.4 signs with RSA) on generated cases. Custom policies
 * are compared by meaning and by the signature over the SDK's own policy bytes, because the SDK writes
 * {@code Condition} keys in another order and with a space.
 */
final class AwsSdkAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final CloudFrontUtilities SDK = CloudFrontUtilities.create();

    private static PrivateKey privateKey;
    private static CloudFrontSigner signer;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        privateKey = pair.getPrivate();
        signer = CloudFrontSigner.builder()
                .key(KEY_PAIR_ID, privateKey)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .signatureCacheSize(0)
                .build();
    }

    @Test
    void cannedSignedUrls_equalTheSdksByteForByte() {
        for (GeneratedCase c : cases(150, 1)) {
            String ours = signer.signUrl(c.url, c.expires);
            String sdk = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(c.url)
                            .privateKey(privateKey)
                            .keyPairId(KEY_PAIR_ID)
                            .expirationDate(c.expires))
                    .url();
            assertEquals(sdk, ours, c.url);
        }
    }

    @Test
    void cannedSignedCookies_equalTheSdksByteForByte() {
        for (GeneratedCase c : cases(40, 2)) {
            SignedCookies ours = signer.signCookies(Policy.canned(c.url, c.expires));
            CookiesForCannedPolicy sdk = SDK.getCookiesForCannedPolicy(r -> r.resourceUrl(c.url)
                    .privateKey(privateKey)
                    .keyPairId(KEY_PAIR_ID)
                    .expirationDate(c.expires));
            assertEquals(
                    sdk.expiresHeaderValue(),
                    "CloudFront-Expires=" + ours.value(SignedCookies.EXPIRES).orElseThrow());
            assertEquals(
                    sdk.signatureHeaderValue(),
                    "CloudFront-Signature="
                            + ours.value(SignedCookies.SIGNATURE).orElseThrow());
            assertEquals(
                    sdk.keyPairIdHeaderValue(),
                    "CloudFront-Key-Pair-Id="
                            + ours.value(SignedCookies.KEY_PAIR_ID).orElseThrow());
        }
    }

    @Test
    void customSignedUrls_agreeWithTheSdkOnPolicyAndSignature() throws Exception {
        for (GeneratedCase c : cases(100, 3)) {
            Policy policy = c.customPolicy();
            String ours = signer.signUrl(c.url, policy);
            String sdk = SDK.getSignedUrlWithCustomPolicy(r -> {
                        r.resourceUrl(c.url)
                                .privateKey(privateKey)
                                .keyPairId(KEY_PAIR_ID)
                                .expirationDate(c.expires)
                                .activeDate(c.activeDate)
                                .ipRange(c.ipRange);
                        if (c.pattern != null) {
                            r.resourceUrlPattern(c.pattern);
                        }
                    })
                    .url();
            assertCustomAgreement(c.url, ours, sdk);
        }
    }

    @Test
    void customSignedCookies_agreeWithTheSdkOnPolicyAndSignature() throws Exception {
        for (GeneratedCase c : cases(40, 4)) {
            String resource = c.pattern != null ? c.pattern : c.url;
            SignedCookies ours = signer.signCookies(
                    c.customPolicy().toBuilder().resource(resource).build());
            CookiesForCustomPolicy sdk = SDK.getCookiesForCustomPolicy(r -> r.resourceUrl(resource)
                    .privateKey(privateKey)
                    .keyPairId(KEY_PAIR_ID)
                    .expirationDate(c.expires)
                    .activeDate(c.activeDate)
                    .ipRange(c.ipRange));
            String sdkPolicy = sdk.policyHeaderValue().substring("CloudFront-Policy=".length());
            String sdkSignature = sdk.signatureHeaderValue().substring("CloudFront-Signature=".length());
            assertSamePolicyAndSdkSignature(ours.value(SignedCookies.POLICY).orElseThrow(), sdkPolicy, sdkSignature);
            assertEquals(sdk.keyPairIdHeaderValue(), "CloudFront-Key-Pair-Id=" + ours.keyPairId());
        }
    }

    private static void assertCustomAgreement(String url, String ours, String sdk) throws Exception {
        char separator = url.contains("?") ? '&' : '?';
        assertTrue(ours.startsWith(url + separator), ours);
        assertTrue(sdk.startsWith(url + separator), sdk);
        Map<String, String> ourParams = SharedCasesTest.query(ours.substring(url.length() + 1));
        Map<String, String> sdkParams = SharedCasesTest.query(sdk.substring(url.length() + 1));
        assertEquals(List.copyOf(sdkParams.keySet()), List.copyOf(ourParams.keySet()), "parameter names and order");
        assertEquals(sdkParams.get("Key-Pair-Id"), ourParams.get("Key-Pair-Id"));
        assertSamePolicyAndSdkSignature(ourParams.get("Policy"), sdkParams.get("Policy"), sdkParams.get("Signature"));
    }

    private static void assertSamePolicyAndSdkSignature(String ourPolicy, String sdkPolicy, String sdkSignature)
            throws Exception {
        assertSamePolicyAndSdkSignature(ourPolicy, sdkPolicy, sdkSignature, privateKey, "");
    }

    /**
     * Our custom policy (CloudFront base64) means the same as the SDK's, and our RSA SHA-1 signature over the SDK's
     * policy bytes equals the SDK's signature.
     */
    static void assertSamePolicyAndSdkSignature(
            String ourPolicy, String sdkPolicy, String sdkSignature, PrivateKey privateKey, String what)
            throws Exception {
        byte[] sdkPolicyBytes = CloudFrontBase64.decode(sdkPolicy);
        JsonNode sdkJson = JSON.readTree(sdkPolicyBytes);
        JsonNode ourJson = JSON.readTree(CloudFrontBase64.decode(ourPolicy));
        assertEquals(sdkJson, ourJson, "the same policy, whatever the key order " + what);
        SigningKey key = new SigningKey(KEY_PAIR_ID, privateKey, SignatureProvider.JDK);
        assertEquals(
                sdkSignature,
                CloudFrontBase64.encode(key.sign(HashAlgorithm.SHA1, sdkPolicyBytes)),
                "our signature over the SDK's policy bytes equals the SDK's " + what);
    }

    /** One generated input. */
    private static final class GeneratedCase {
        String url;
        String pattern;
        Instant expires;
        Instant activeDate;
        String ipRange;

        Policy customPolicy() {
            Policy.Builder b = Policy.builder()
                    .resource(pattern != null ? pattern : url)
                    .dateLessThan(expires)
                    .dateGreaterThan(activeDate)
                    .ipAddress(ipRange);
            return b.build();
        }
    }

    private static final String[] HOSTS = {"d111111abcdef8.cloudfront.net", "cdn.example.com", "media.example.org"};
    private static final String[] SEGMENTS = {
        "images",
        "videos",
        "2026",
        "a%20b",
        "caf%C3%A9",
        "file.jpg",
        "movie.mp4",
        "x-y_z~1",
        "%2B%27",
        "index.m3u8",
        "seg-00001.ts",
        "UPPER",
        "dots..",
        "a+b"
    };
    private static final String[] QUERIES = {
        "size=large",
        "a=1&b=2",
        "response-content-disposition=attachment%3B%20filename%3D%22a.pdf%22",
        "q=%E2%9C%93",
        "x=1&x=2",
        "empty=",
        "flag"
    };

    /** Deterministic pseudo-random cases: URLs with and without query strings, patterns, dates, IP ranges. */
    private static List<GeneratedCase> cases(int count, long seed) {
        Random random = new Random(seed);
        List<GeneratedCase> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeneratedCase c = new GeneratedCase();
            String base = (random.nextBoolean() ? "https://" : "http://") + HOSTS[random.nextInt(HOSTS.length)];
            StringBuilder path = new StringBuilder();
            int depth = 1 + random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                path.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            c.url = base + path + (random.nextInt(3) == 0 ? "?" + QUERIES[random.nextInt(QUERIES.length)] : "");
            c.expires = NOW.plusSeconds(60 + random.nextInt(10 * 365 * 86400));
            if (random.nextBoolean()) {
                c.pattern = base + path.substring(0, path.lastIndexOf("/") + 1) + "*";
            }
            if (random.nextBoolean()) {
                c.activeDate = NOW.minusSeconds(random.nextInt(86400));
            }
            if (random.nextBoolean() || (c.pattern == null && c.activeDate == null)) {
                c.ipRange = random.nextInt(256) + "." + random.nextInt(256) + ".0.0/" + (8 + random.nextInt(25));
            }
            list.add(c);
        }
        return list;
    }
}
