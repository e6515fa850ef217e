package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/**
 * Checks signed URLs and cookies made with {@link TestKeys#RSA} and {@link TestKeys#KEY_PAIR_ID} cryptographically:
 * the JDK verifies each signature against the test key's public key, and canned RSA-SHA1 URLs must equal what the
 * AWS SDK for Java v2 produces. Public in core's test jar, for the tests of the servlet and JAX-RS modules.
 */
public final class Signatures {

    /**
     * A signing suffix as a filter or writer appends it: {@code ?} or {@code &} (also {@code &amp;} in HTML and
     * {@code \\u0026} in JSON), then the CloudFront parameters.
     */
    public static final Pattern SUFFIX = Pattern.compile("(?:[?&]|\\\\u0026)(?:amp;)?(?:Expires=\\d+|Policy="
            + "[A-Za-z0-9_~-]+)(?:(?:&|\\\\u0026)(?:amp;)?(?:Signature|Key-Pair-Id|Hash-Algorithm)=[A-Za-z0-9_~-]+)+");

    private static final Pattern SIGNED_URL = Pattern.compile("(?:https?:)?//[^\\s\"'<>()]*?" + SUFFIX.pattern());

    private Signatures() {}

    /** A verified signed URL: the URL without the signing parameters, its policy JSON and hash algorithm. */
    public record Verified(String url, String policy, String hashAlgorithm, boolean canned) {
        /** @return the policy's DateLessThan */
        public Instant expires() {
            Matcher m = Pattern.compile("\"DateLessThan\":\\{\"AWS:EpochTime\":(\\d+)}")
                    .matcher(policy);
            assertTrue(m.find(), policy);
            return Instant.ofEpochSecond(Long.parseLong(m.group(1)));
        }
    }

    /** @return the body with every signing suffix removed: must equal the unsigned body */
    public static String unsigned(String body) {
        return SUFFIX.matcher(body).replaceAll("");
    }

    /**
     * @return every signed URL in a body as a browser requests it: {@code &amp;} decoded, protocol-relative links
     *         with the test servers' scheme ({@code http:})
     */
    public static List<String> signedUrls(String body) {
        List<String> urls = new ArrayList<>();
        Matcher m = SIGNED_URL.matcher(body);
        while (m.find()) {
            String url = m.group().replace("&amp;", "&");
            urls.add(url.startsWith("//") ? "http:" + url : url);
        }
        return urls;
    }

    /**
     * Verifies a signed URL (unescaped, absolute) made with the test key: the signature with the JDK, and for canned
     * SHA-1 URLs the agreement with the AWS SDK.
     */
    public static Verified verifyUrl(String signedUrl) {
        Matcher m = Pattern.compile("[?&](?:Expires|Policy)=").matcher(signedUrl);
        assertTrue(m.find(), "no signing parameters in " + signedUrl);
        String base = signedUrl.substring(0, m.start());
        Map<String, String> p = IndependentCheck.parameters(signedUrl.substring(m.start() + 1));
        assertEquals(TestKeys.KEY_PAIR_ID, p.get("Key-Pair-Id"), signedUrl);
        boolean canned = p.containsKey("Expires");
        String policy = canned
                ? "{\"Statement\":[{\"Resource\":\"" + base + "\",\"Condition\":{\"DateLessThan\":"
                        + "{\"AWS:EpochTime\":" + p.get("Expires") + "}}}]}"
                : IndependentCheck.decode(p.get("Policy"));
        String hash = p.getOrDefault("Hash-Algorithm", "SHA1");
        assertTrue(verifies(policy, p.get("Signature"), hash), "signature of " + signedUrl);
        if (canned && hash.equals("SHA1")) {
            String aws = CloudFrontUtilities.create()
                    .getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                            .resourceUrl(base)
                            .keyPairId(TestKeys.KEY_PAIR_ID)
                            .privateKey(TestKeys.RSA.getPrivate())
                            .expirationDate(Instant.ofEpochSecond(Long.parseLong(p.get("Expires"))))
                            .build())
                    .url();
            assertEquals(aws, signedUrl, "AWS SDK agreement");
        }
        return new Verified(base, policy, hash, canned);
    }

    /** Verifies a canned-policy signed URL ({@link #verifyUrl}); returns its expiry. */
    public static Instant verifyCanned(String signedUrl) {
        Verified verified = verifyUrl(signedUrl);
        assertTrue(verified.canned(), "canned policy expected: " + signedUrl);
        return verified.expires();
    }

    /** Verifies a custom-policy signed URL ({@link #verifyUrl}); returns the decoded policy JSON. */
    public static String verifyCustom(String signedUrl) {
        Verified verified = verifyUrl(signedUrl);
        assertFalse(verified.canned(), "custom policy expected: " + signedUrl);
        return verified.policy();
    }

    /** Verifies the one cookie set in {@code Set-Cookie} values; returns its decoded policy. */
    public static String verifyCookies(List<String> setCookies) {
        Map<String, String> values = cookieValues(setCookies);
        assertEquals(TestKeys.KEY_PAIR_ID, values.get("CloudFront-Key-Pair-Id"), setCookies.toString());
        String policy = IndependentCheck.decode(values.get("CloudFront-Policy"));
        assertNotNull(values.get("CloudFront-Signature"), setCookies.toString());
        assertTrue(
                verifies(
                        policy,
                        values.get("CloudFront-Signature"),
                        values.getOrDefault("CloudFront-Hash-Algorithm", "SHA1")),
                "cookie signature " + setCookies);
        return policy;
    }

    /**
     * Verifies one cookie set among {@code Set-Cookie} values (sets told apart by {@code Path}): the one whose policy
     * names {@code resource}.
     *
     * @return the {@code Set-Cookie} values of that set
     */
    public static List<String> verifyCookies(List<String> setCookies, String resource) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (String h : setCookies) {
            Matcher path = Pattern.compile("; Path=([^;]+)").matcher(h);
            assertTrue(path.find(), h);
            byPath.computeIfAbsent(path.group(1), k -> new ArrayList<>()).add(h);
        }
        for (List<String> set : byPath.values()) {
            String policy = IndependentCheck.decode(cookieValues(set).get("CloudFront-Policy"));
            if (policy.contains("\"Resource\":\"" + resource + "\"")) {
                verifyCookies(set);
                return set;
            }
        }
        return fail("no cookie set for " + resource + " in " + setCookies);
    }

    /** @return the decoded policy of a cookie set */
    public static String cookiePolicy(List<String> set) {
        for (String h : set) {
            if (h.startsWith("CloudFront-Policy=")) {
                return IndependentCheck.decode(h.substring("CloudFront-Policy=".length(), h.indexOf(';')));
            }
        }
        return fail("no CloudFront-Policy in " + set);
    }

    private static Map<String, String> cookieValues(List<String> setCookies) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String h : setCookies) {
            String pair = h.substring(0, h.indexOf(';'));
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return values;
    }

    private static boolean verifies(String policy, String signature, String hash) {
        return IndependentCheck.verifiesRsa(TestKeys.RSA.getPublic(), hash, policy, signature);
    }
}
