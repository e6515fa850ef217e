package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cloudfrontsigned.IndependentCheck;
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
 * Checks signed URLs and cookies cryptographically: the JDK verifies each signature against the test key's
 * public key, and canned RSA-SHA1 URLs must equal what the AWS SDK for Java v2 produces.
 */
public final class Signatures {

    /** A signing suffix: {@code ?} or {@code &} (or {@code &amp;}), then the CloudFront parameters. */
    public static final Pattern SUFFIX = Pattern.compile("[?&](?:amp;)?(?:Expires=\\d+|Policy=[A-Za-z0-9_~-]+)"
            + "(?:&(?:amp;)?(?:Signature|Key-Pair-Id|Hash-Algorithm)=[A-Za-z0-9_~-]+)+");

    private Signatures() {
    }

    /** A verified signed URL: its policy JSON, hash algorithm and the URL without the signing parameters. */
    public record Verified(String url, String policy, String hashAlgorithm, boolean canned) {
        /** @return the policy's DateLessThan */
        public Instant expires() {
            Matcher m = Pattern.compile("\"DateLessThan\":\\{\"AWS:EpochTime\":(\\d+)}").matcher(policy);
            assertTrue(m.find(), policy);
            return Instant.ofEpochSecond(Long.parseLong(m.group(1)));
        }
    }

    /** @return the body with every signing suffix removed */
    public static String unsigned(String body) {
        return SUFFIX.matcher(body).replaceAll("");
    }

    /** @return every signed URL in a body, {@code &amp;} decoded */
    public static List<String> signedUrls(String body) {
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("https?://[^\\s\"'<>()]*?" + SUFFIX.pattern()).matcher(body);
        while (m.find()) {
            urls.add(m.group().replace("&amp;", "&"));
        }
        return urls;
    }

    /**
     * Verifies a signed URL made with the test key: the signature with the JDK, and for canned SHA-1 URLs the
     * agreement with the AWS SDK.
     */
    public static Verified verifyUrl(String signedUrl) {
        Matcher m = Pattern.compile("[?&](?:Expires|Policy)=").matcher(signedUrl);
        assertTrue(m.find(), "no signing parameters in " + signedUrl);
        String base = signedUrl.substring(0, m.start());
        Map<String, String> p = IndependentCheck.parameters(signedUrl.substring(m.start() + 1));
        assertEquals(TestKeys.KEY_PAIR_ID, p.get("Key-Pair-Id"), signedUrl);
        boolean canned = p.containsKey("Expires");
        String policy = canned ? "{\"Statement\":[{\"Resource\":\"" + base + "\",\"Condition\":{\"DateLessThan\":"
                + "{\"AWS:EpochTime\":" + p.get("Expires") + "}}}]}" : IndependentCheck.decode(p.get("Policy"));
        String hash = p.getOrDefault("Hash-Algorithm", "SHA1");
        assertTrue(verifies(policy, p.get("Signature"), hash), "signature of " + signedUrl);
        if (canned && hash.equals("SHA1")) {
            String aws = CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                    .resourceUrl(base).keyPairId(TestKeys.KEY_PAIR_ID).privateKey(TestKeys.RSA.getPrivate())
                    .expirationDate(Instant.ofEpochSecond(Long.parseLong(p.get("Expires")))).build()).url();
            assertEquals(aws, signedUrl, "AWS SDK agreement");
        }
        return new Verified(base, policy, hash, canned);
    }

    /**
     * Verifies one cookie set among {@code Set-Cookie} values: the one whose policy names {@code resource}.
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
            Map<String, String> values = new LinkedHashMap<>();
            for (String h : set) {
                String pair = h.substring(0, h.indexOf(';'));
                values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            String policy = IndependentCheck.decode(values.get("CloudFront-Policy"));
            if (!policy.contains("\"Resource\":\"" + resource + "\"")) {
                continue;
            }
            assertEquals(TestKeys.KEY_PAIR_ID, values.get("CloudFront-Key-Pair-Id"), set.toString());
            assertNotNull(values.get("CloudFront-Signature"), set.toString());
            assertTrue(verifies(policy, values.get("CloudFront-Signature"),
                    values.getOrDefault("CloudFront-Hash-Algorithm", "SHA1")), "cookie signature " + set);
            return set;
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

    private static boolean verifies(String policy, String signature, String hash) {
        return IndependentCheck.verifiesRsa(TestKeys.RSA.getPublic(), hash, policy, signature);
    }
}
