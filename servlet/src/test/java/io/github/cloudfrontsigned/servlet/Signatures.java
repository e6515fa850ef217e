package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Checks signed URLs and cookies cryptographically: the JDK verifies each signature against the test key's public
 * key, and for canned RSA-SHA1 links the AWS SDK for Java v2 must produce the same URL.
 */
final class Signatures {

    /** A signing suffix as appended by the filter, with {@code &} or {@code &amp;} between parameters. */
    static final Pattern SUFFIX = Pattern.compile("(?:[?&]|\\\\u0026)(?:amp;)?(?:Expires=\\d+|Policy=[A-Za-z0-9_~-]+)"
            + "(?:(?:&|\\\\u0026)(?:amp;)?(?:Signature|Key-Pair-Id|Hash-Algorithm)=[A-Za-z0-9_~-]+)+");

    private Signatures() {
    }

    /** The body with every signing suffix removed: must equal the unfiltered body. */
    static String unsigned(String body) {
        return SUFFIX.matcher(body).replaceAll("");
    }

    /**
     * Every signed URL found in a body, as the browser requests it: {@code &amp;} decoded, protocol-relative
     * links with the test server's scheme ({@code http:}).
     */
    static List<String> signedUrls(String body) {
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("(?:https?:)?//[^\\s\"'<>()]*?" + SUFFIX.pattern()).matcher(body);
        while (m.find()) {
            String url = m.group().replace("&amp;", "&");
            urls.add(url.startsWith("//") ? "http:" + url : url);
        }
        return urls;
    }

    /**
     * Verifies a signed URL (already unescaped, absolute) made with a canned policy and the test key, with the
     * JDK and with the AWS SDK.
     *
     * @return the expiry
     */
    static Instant verifyCanned(String signedUrl) {
        int q = signedUrl.indexOf("Expires=");
        assertTrue(q > 0, signedUrl);
        String base = signedUrl.substring(0, q - 1);
        Map<String, String> p = IndependentCheck.parameters(signedUrl.substring(q));
        assertEquals(TestKeys.KEY_PAIR_ID, p.get("Key-Pair-Id"), signedUrl);
        long expires = Long.parseLong(p.get("Expires"));
        String policy = "{\"Statement\":[{\"Resource\":\"" + base + "\",\"Condition\":{\"DateLessThan\":"
                + "{\"AWS:EpochTime\":" + expires + "}}}]}";
        assertTrue(verifies(policy, p.get("Signature")), "signature of " + signedUrl);
        String aws = CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                .resourceUrl(base).keyPairId(TestKeys.KEY_PAIR_ID).privateKey(TestKeys.RSA.getPrivate())
                .expirationDate(Instant.ofEpochSecond(expires)).build()).url();
        assertEquals(aws, signedUrl, "AWS SDK agreement");
        return Instant.ofEpochSecond(expires);
    }

    /** Verifies a custom-policy signed URL; returns the decoded policy JSON. */
    static String verifyCustom(String signedUrl) {
        int q = signedUrl.indexOf("Policy=");
        assertTrue(q > 0, signedUrl);
        Map<String, String> p = IndependentCheck.parameters(signedUrl.substring(q));
        String policy = IndependentCheck.decode(p.get("Policy"));
        assertTrue(verifies(policy, p.get("Signature")), "signature of " + signedUrl);
        return policy;
    }

    /** Verifies a set of {@code Set-Cookie} values; returns the decoded policy. */
    static String verifyCookies(List<String> setCookies) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String h : setCookies) {
            String pair = h.substring(0, h.indexOf(';'));
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertEquals(TestKeys.KEY_PAIR_ID, values.get("CloudFront-Key-Pair-Id"), setCookies.toString());
        String policy = IndependentCheck.decode(values.get("CloudFront-Policy"));
        assertNotNull(values.get("CloudFront-Signature"), setCookies.toString());
        assertTrue(verifies(policy, values.get("CloudFront-Signature")), "cookie signature " + setCookies);
        return policy;
    }

    private static boolean verifies(String policy, String signature) {
        return IndependentCheck.verifiesRsa(TestKeys.RSA.getPublic(), "SHA1", policy, signature);
    }
}
