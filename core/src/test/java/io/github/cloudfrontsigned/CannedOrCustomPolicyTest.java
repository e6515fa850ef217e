package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cloudfrontsigned.internal.ResourcePattern;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCannedPolicy;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;

/**
 * The canned-or-custom decision ({@link Policy}) as a property: for generated Resources (with {@code *} and
 * {@code ?} in the domain, path and query, query strings, ports, percent-escapes) and policies (with and without
 * a start date and an IP range), every signed URL and every signed-cookie set is allowed by our
 * {@link CloudFrontVerifier} (CloudFront's rules) on every URL its policy is meant to match, and refused on a
 * sibling URL it is not; a URL signed for itself that holds a literal {@code *} is refused, as any Resource would
 * read it as a wildcard. Where the signature is deterministic (RSA with SHA-1) the output also agrees with the
 * AWS SDK for Java v2 given the same choice: byte for byte for canned policies, by policy and signature for
 * custom ones. Cases come from a fixed seed, so a failure repeats; its message names the case. (That a URL with
 * its own query string, and cookies for one exact URL, stay canned is pinned by AWS's vectors in
 * {@link SharedCasesTest}.)
 */
final class CannedOrCustomPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final String CLIENT_IP = "192.0.2.7";
    private static final PrivateKey PRIVATE_KEY = TestKeys.RSA.getPrivate();
    private static final CloudFrontSigner SIGNER = CloudFrontSigner.builder()
            .key(KEY_PAIR_ID, PRIVATE_KEY)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .signatureCacheSize(0)
            .build();
    private static final CloudFrontSigner SIGNER_SHA256 = SIGNER.withHashAlgorithm(HashAlgorithm.SHA256);
    private static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder()
            .trustedKey(KEY_PAIR_ID, TestKeys.RSA.getPublic())
            .clock(Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC))
            .build();
    private static final CloudFrontUtilities SDK = CloudFrontUtilities.create();

    // ---- the case from issue 21, and the rule at its edges ----

    @Test
    void questionMarkWildcardCookies_areCustomAndAllowEveryMatchingFile() {
        SignedCookies cookies = SIGNER.signCookies(Policy.builder()
                .resource("https://cdn.example.com/video/part?.ts")
                .expiresIn(Duration.ofHours(1))
                .build());
        assertFalse(cookies.isCanned(), cookies.toString());
        assertAllowed(cookieRequest("https://cdn.example.com/video/part1.ts", cookies), "part1.ts");
        assertAllowed(cookieRequest("https://cdn.example.com/video/partX.ts", cookies), "partX.ts");
        assertDenied(cookieRequest("https://cdn.example.com/video/part12.ts", cookies), "part12.ts");
        assertDenied(cookieRequest("https://cdn.example.com/video/part.ts", cookies), "part.ts");
    }

    @Test
    void cookiesForAResourceWithAQueryString_areCustomAndAllowThatUrl() {
        SignedCookies cookies = SIGNER.signCookies(Policy.builder()
                .resource("https://cdn.example.com/a.m3u8?hd=1")
                .expiresIn(Duration.ofHours(1))
                .build());
        assertFalse(cookies.isCanned(), "a ? in a cookie Resource is a wildcard to CloudFront");
        assertAllowed(cookieRequest("https://cdn.example.com/a.m3u8?hd=1", cookies), "the URL itself");
        assertDenied(cookieRequest("https://cdn.example.com/a.m3u8?hd=1&x=2", cookies), "another query");
    }

    @Test
    void urlWithAStarAndNoResource_isRefusedForACustomPolicyToo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SIGNER.signUrl(
                        "https://cdn.example.com/a*b.jpg",
                        Policy.builder()
                                .expiresIn(Duration.ofHours(1))
                                .ipAddress(CLIENT_IP)
                                .build()));
        assertTrue(
                e.getMessage().contains("'*' would be a wildcard")
                        && e.getMessage().contains("position 25")
                        && e.getMessage().contains("%2A"),
                e.getMessage());
    }

    // ---- the property ----

    @Test
    void signedCookies_areAllowedWhereTheirResourceMatchesAndRefusedOnASibling() throws Exception {
        Random random = new Random(21_4001);
        for (int i = 0; i < 250; i++) {
            Case c = Case.generate(random);
            boolean sha1 = random.nextBoolean();
            SignedCookies cookies = (sha1 ? SIGNER : SIGNER_SHA256).signCookies(c.policy(c.resource));
            for (String url : c.matching) {
                assertAllowed(cookieRequest(url, cookies), c.describe(i, url, cookies.toString()));
            }
            for (String sibling : c.siblings) {
                assertDenied(cookieRequest(sibling, cookies), c.describe(i, sibling, cookies.toString()));
            }
            if (sha1) {
                assertSdkAgrees(c.policy(c.resource), cookies, c.describe(i, c.resource, cookies.toString()));
            }
        }
    }

    @Test
    void signedUrls_areAllowedWhereTheirPolicyMatchesAndRefusedOnASibling() throws Exception {
        Random random = new Random(21_4002);
        int refused = 0;
        for (int i = 0; i < 250; i++) {
            Case c = Case.generate(random);
            boolean sha1 = random.nextBoolean();
            UrlSigning s = UrlSigning.of(c, random);
            String parameters;
            try {
                parameters = (sha1 ? SIGNER : SIGNER_SHA256).signingParameters(s.url, s.policy);
            } catch (IllegalArgumentException e) {
                // only a URL signed for itself with a literal '*' is refused: a canned or custom Resource would
                // read it as a wildcard
                assertTrue(s.policy.resource() == null && s.url.contains("*"), c.describe(i, s.url, e.getMessage()));
                refused++;
                continue;
            }
            for (String url : s.matching) {
                assertAllowed(urlRequest(withParameters(url, parameters)), c.describe(i, url, parameters));
            }
            for (String sibling : s.siblings) {
                assertDenied(urlRequest(withParameters(sibling, parameters)), c.describe(i, sibling, parameters));
            }
            if (sha1) {
                assertSdkAgrees(s, withParameters(s.url, parameters), c.describe(i, s.url, parameters));
            }
        }
        assertTrue(refused > 0, "the cases include URLs with a literal '*'");
    }

    /** Canned cookies equal the SDK's byte for byte; custom ones carry the same policy, signed the same way. */
    private static void assertSdkAgrees(Policy policy, SignedCookies ours, String what) throws Exception {
        if (ours.isCanned()) {
            CookiesForCannedPolicy sdk = SDK.getCookiesForCannedPolicy(r -> r.resourceUrl(policy.resource())
                    .privateKey(PRIVATE_KEY)
                    .keyPairId(KEY_PAIR_ID)
                    .expirationDate(policy.dateLessThan()));
            assertEquals(sdk.expiresHeaderValue(), cookie(ours, SignedCookies.EXPIRES), what);
            assertEquals(sdk.signatureHeaderValue(), cookie(ours, SignedCookies.SIGNATURE), what);
            assertEquals(sdk.keyPairIdHeaderValue(), cookie(ours, SignedCookies.KEY_PAIR_ID), what);
        } else {
            CookiesForCustomPolicy sdk = SDK.getCookiesForCustomPolicy(r -> r.resourceUrl(policy.resource())
                    .privateKey(PRIVATE_KEY)
                    .keyPairId(KEY_PAIR_ID)
                    .expirationDate(policy.dateLessThan())
                    .activeDate(policy.dateGreaterThan())
                    .ipRange(policy.ipAddress()));
            AwsSdkAgreementTest.assertSamePolicyAndSdkSignature(
                    ours.value(SignedCookies.POLICY).orElseThrow(),
                    after(sdk.policyHeaderValue(), "CloudFront-Policy="),
                    after(sdk.signatureHeaderValue(), "CloudFront-Signature="),
                    PRIVATE_KEY,
                    what);
            assertEquals(sdk.keyPairIdHeaderValue(), cookie(ours, SignedCookies.KEY_PAIR_ID), what);
        }
    }

    /** A canned URL equals the SDK's byte for byte; a custom one carries the same policy, signed the same way. */
    private static void assertSdkAgrees(UrlSigning s, String ours, String what) throws Exception {
        if (ours.substring(s.url.length() + 1).startsWith("Expires=")) {
            String sdk = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(s.url)
                            .privateKey(PRIVATE_KEY)
                            .keyPairId(KEY_PAIR_ID)
                            .expirationDate(s.policy.dateLessThan()))
                    .url();
            assertEquals(sdk, ours, what);
            return;
        }
        String sdk = SDK.getSignedUrlWithCustomPolicy(r -> {
                    r.resourceUrl(s.url)
                            .privateKey(PRIVATE_KEY)
                            .keyPairId(KEY_PAIR_ID)
                            .expirationDate(s.policy.dateLessThan())
                            .activeDate(s.policy.dateGreaterThan())
                            .ipRange(s.policy.ipAddress());
                    if (s.policy.resource() != null) {
                        r.resourceUrlPattern(s.policy.resource());
                    }
                })
                .url();
        Map<String, String> ourParameters = SharedCasesTest.query(ours.substring(s.url.length() + 1));
        Map<String, String> sdkParameters = SharedCasesTest.query(sdk.substring(s.url.length() + 1));
        assertEquals(List.copyOf(sdkParameters.keySet()), List.copyOf(ourParameters.keySet()), what);
        AwsSdkAgreementTest.assertSamePolicyAndSdkSignature(
                ourParameters.get("Policy"),
                sdkParameters.get("Policy"),
                sdkParameters.get("Signature"),
                PRIVATE_KEY,
                what);
    }

    // ---- helpers ----

    private static ViewerRequest cookieRequest(String url, SignedCookies cookies) {
        return ViewerRequest.builder()
                .url(url)
                .cookieHeader(cookies.toCookieHeader())
                .clientIp(CLIENT_IP)
                .build();
    }

    private static ViewerRequest urlRequest(String signedUrl) {
        return ViewerRequest.builder().url(signedUrl).clientIp(CLIENT_IP).build();
    }

    private static String withParameters(String url, String parameters) {
        return url + (url.indexOf('?') >= 0 ? '&' : '?') + parameters;
    }

    private static void assertAllowed(ViewerRequest request, String what) {
        Verdict verdict = VERIFIER.verify(request);
        if (!verdict.isAllowed()) {
            fail("refused where the policy is meant to allow: " + what + "\n  verifier: " + verdict.reason());
        }
    }

    private static void assertDenied(ViewerRequest request, String what) {
        Verdict verdict = VERIFIER.verify(request);
        if (verdict.isAllowed()) {
            fail("allowed on a sibling the policy does not cover: " + what);
        }
    }

    private static String cookie(SignedCookies cookies, String name) {
        return name + "=" + cookies.value(name).orElseThrow();
    }

    private static String after(String text, String prefix) {
        assertTrue(text.startsWith(prefix), text);
        return text.substring(prefix.length());
    }

    // ---- the generator ----

    /** What a URL is signed for: the URL carrying the parameters, the policy, the URLs it is meant to open. */
    private record UrlSigning(String url, Policy policy, List<String> matching, List<String> siblings) {

        /**
         * A URL signed for itself (no Resource) when the case has no wildcard, half the time, and then one time in
         * three with a literal {@code *} after the path's first {@code /} (its sibling has an {@code x} there);
         * else signed under the case's Resource, applied to one of the URLs it matches.
         */
        static UrlSigning of(Case c, Random random) {
            if (!c.hasWildcard && random.nextBoolean()) {
                String url = c.matching.get(0);
                List<String> siblings = new ArrayList<>(c.siblings);
                if (random.nextInt(3) == 0) {
                    int path = url.indexOf('/', url.indexOf("://") + 3) + 1;
                    siblings.add(url.substring(0, path) + "x" + url.substring(path));
                    url = url.substring(0, path) + "*" + url.substring(path);
                }
                return new UrlSigning(url, c.policy(null), List.of(url), siblings);
            }
            String url = c.matching.get(random.nextInt(c.matching.size()));
            return new UrlSigning(url, c.policy(c.resource), c.matching, c.siblings);
        }
    }

    /**
     * A generated Resource: pieces of literal text and wildcards, each wildcard standing for some text in the
     * URL it was made from. Matching URLs replace each wildcard with what it may stand for; siblings change a
     * literal part (the scheme, another host or a letter of it, a path letter in the other case, an extra query
     * parameter, two characters for a {@code ?}) of that URL, and are kept only where CloudFront's matcher agrees
     * they are outside the Resource.
     */
    private static final class Case {
        private static final String[] HOSTS = {"d111111abcdef8.cloudfront.net", "cdn.example.com", "media.example.org"};
        private static final String[] PORTS = {"", "", "", ":8443", ":443", ":8080"};
        private static final String[] SEGMENTS = {
            "video",
            "part1.ts",
            "a%20b",
            "caf%C3%A9",
            "100%25",
            "x-y_z~1",
            "%2A",
            "%3F",
            "UPPER",
            "index.m3u8",
            "a+b",
            "dots..",
            "seg-00001.ts",
            "Mixed.Case",
            "file.jpg"
        };
        private static final String[] QUERIES = {
            "size=large",
            "a=1&b=2",
            "q=%E2%9C%93",
            "x=1&x=2",
            "empty=",
            "flag",
            "next=/b?c=1",
            "response-content-disposition=attachment%3B%20filename%3Da.pdf"
        };
        private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

        private static final int LITERAL = 0;
        private static final int ANY_ONE = 1;
        private static final int STAR = 2;
        private static final int HOST = 1;
        private static final int PATH = 2;
        private static final int QUERY = 3;

        /** kind, text (the literal, or what the wildcard stands for in the first URL), section, may be replaced */
        private record Piece(int kind, String text, int section, boolean replaceable) {}

        final List<Piece> pieces = new ArrayList<>();
        String resource;
        boolean hasWildcard;
        final List<String> matching = new ArrayList<>();
        final List<String> siblings = new ArrayList<>();
        Instant dateLessThan;
        Instant dateGreaterThan;
        String ipAddress;

        static Case generate(Random random) {
            Case c = new Case();
            c.build(random);
            return c;
        }

        Policy policy(String policyResource) {
            Policy.Builder b = Policy.builder()
                    .dateLessThan(dateLessThan)
                    .dateGreaterThan(dateGreaterThan)
                    .ipAddress(ipAddress);
            if (policyResource != null) {
                b.resource(policyResource);
            }
            return b.build();
        }

        String describe(int index, String url, String signed) {
            return "case " + index + ": Resource " + resource + (dateGreaterThan != null ? ", DateGreaterThan" : "")
                    + (ipAddress != null ? ", IpAddress " + ipAddress : "") + "; URL " + url + "; signed " + signed;
        }

        private void build(Random random) {
            pieces.add(new Piece(LITERAL, random.nextBoolean() ? "https://" : "http://", 0, false));
            String host = HOSTS[random.nextInt(HOSTS.length)];
            for (int i = 0; i < host.length(); i++) {
                pieces.add(new Piece(LITERAL, host.substring(i, i + 1), HOST, i > 0 && host.charAt(i) != '.'));
            }
            String port = PORTS[random.nextInt(PORTS.length)];
            if (!port.isEmpty()) {
                pieces.add(new Piece(LITERAL, port, HOST, false));
            }
            int segments = 1 + random.nextInt(3);
            for (int s = 0; s < segments; s++) {
                pieces.add(new Piece(LITERAL, "/", PATH, false));
                atoms(SEGMENTS[random.nextInt(SEGMENTS.length)], PATH);
            }
            if (random.nextInt(3) == 0) {
                pieces.add(new Piece(LITERAL, "?", QUERY, false));
                atoms(QUERIES[random.nextInt(QUERIES.length)], QUERY);
            }
            int wildcards = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
            for (int w = 0; w < wildcards; w++) {
                switch (random.nextInt(4)) {
                    case 0 -> anyOne(random);
                    case 1 -> innerStar(random);
                    case 2 -> trailingStar(random);
                    default -> {
                        if (random.nextBoolean()) {
                            anyOne(random);
                        } else {
                            innerStar(random);
                        }
                    }
                }
            }
            StringBuilder r = new StringBuilder();
            for (Piece p : pieces) {
                r.append(p.kind == LITERAL ? p.text : p.kind == ANY_ONE ? "?" : "*");
                hasWildcard |= p.kind != LITERAL;
            }
            resource = r.toString();
            dateLessThan = NOW.plusSeconds(60 + random.nextInt(30 * 86_400));
            if (random.nextInt(4) == 0) {
                dateGreaterThan = NOW.minusSeconds(1 + random.nextInt(3600));
            }
            if (random.nextInt(4) == 0) {
                ipAddress = random.nextBoolean() ? CLIENT_IP : "192.0.2.0/24";
            }
            Set<String> urls = new LinkedHashSet<>();
            urls.add(instance(null, -1, null));
            for (int k = 0; k < 3; k++) {
                urls.add(instance(random, -1, null));
            }
            matching.addAll(urls);
            for (String url : matching) {
                assertTrue(ResourcePattern.of(resource).matches(url), "generator: " + url + " matches " + resource);
            }
            siblings(random);
            assertFalse(siblings.isEmpty(), "generator: no sibling for " + resource);
        }

        /** Adds a literal piece per character, a {@code %XX} escape being one piece that is never replaced. */
        private void atoms(String text, int section) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '%' && i + 2 < text.length()) {
                    pieces.add(new Piece(LITERAL, text.substring(i, i + 3), section, false));
                    i += 2;
                } else {
                    char ch = text.charAt(i);
                    boolean structural = ch == '/' || ch == '?' || ch == '&' || ch == '=';
                    pieces.add(new Piece(LITERAL, String.valueOf(ch), section, !structural));
                }
            }
        }

        private List<Integer> replaceable() {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                if (pieces.get(i).kind == LITERAL && pieces.get(i).replaceable) {
                    at.add(i);
                }
            }
            return at;
        }

        /** One character of the domain, path or query becomes {@code ?}. */
        private void anyOne(Random random) {
            List<Integer> at = replaceable();
            if (!at.isEmpty()) {
                int i = at.get(random.nextInt(at.size()));
                Piece p = pieces.get(i);
                pieces.set(i, new Piece(ANY_ONE, p.text, p.section, false));
            }
        }

        /** A run of zero to three replaceable characters of one section becomes {@code *}. */
        private void innerStar(Random random) {
            List<Integer> at = replaceable();
            if (at.isEmpty()) {
                return;
            }
            int start = at.get(random.nextInt(at.size()));
            int section = pieces.get(start).section;
            int end = start;
            int length = random.nextInt(4);
            StringBuilder text = new StringBuilder();
            while (end < pieces.size()
                    && end - start < length
                    && pieces.get(end).kind == LITERAL
                    && pieces.get(end).replaceable
                    && pieces.get(end).section == section) {
                text.append(pieces.get(end++).text);
            }
            boolean besideStar = start > 0 && pieces.get(start - 1).kind == STAR
                    || end < pieces.size() && pieces.get(end).kind == STAR;
            if (besideStar) {
                return;
            }
            pieces.subList(start, end).clear();
            pieces.add(start, new Piece(STAR, text.toString(), section, false));
        }

        /** The URL is cut somewhere in its path, and a {@code *} stands for the rest (query included). */
        private void trailingStar(Random random) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                if (pieces.get(i).section == PATH && i > 0 && pieces.get(i - 1).section == PATH) {
                    at.add(i);
                }
            }
            if (at.isEmpty()) {
                return;
            }
            int start = at.get(random.nextInt(at.size()));
            StringBuilder text = new StringBuilder();
            for (Piece p : pieces.subList(start, pieces.size())) {
                text.append(p.text);
            }
            if (text.indexOf("*") >= 0 || pieces.get(start - 1).kind == STAR) {
                return; // a wildcard in the part cut off: keep the Resource as it is
            }
            pieces.subList(start, pieces.size()).clear();
            pieces.add(new Piece(STAR, text.toString(), PATH, false));
        }

        /**
         * The URL with each wildcard replaced: by what it stood for when {@code random} is {@code null}, else by
         * random text it matches; piece {@code changed} (if not negative) by {@code replacement}.
         */
        private String instance(Random random, int changed, String replacement) {
            StringBuilder url = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                Piece p = pieces.get(i);
                if (i == changed) {
                    url.append(replacement);
                } else if (p.kind == LITERAL || random == null) {
                    url.append(p.text);
                } else if (p.kind == ANY_ONE) {
                    url.append(WORD.charAt(random.nextInt(WORD.length())));
                } else {
                    boolean trailing = i == pieces.size() - 1 && p.section == PATH;
                    int n = random.nextInt(trailing ? 6 : 4);
                    for (int k = 0; k < n; k++) {
                        url.append(
                                p.section == PATH && random.nextInt(5) == 0
                                        ? '/'
                                        : WORD.charAt(random.nextInt(WORD.length())));
                    }
                    if (trailing && random.nextBoolean()) {
                        url.append('?').append(QUERIES[random.nextInt(QUERIES.length)]);
                    }
                }
            }
            return url.toString();
        }

        private void siblings(Random random) {
            List<String> candidates = new ArrayList<>();
            int hostStart = 1;
            boolean literalHost = true;
            int hostEnd = hostStart;
            while (hostEnd < pieces.size() && pieces.get(hostEnd).section == HOST) {
                literalHost &= pieces.get(hostEnd++).kind == LITERAL;
            }
            if (literalHost) {
                List<Piece> saved = new ArrayList<>(pieces.subList(hostStart, hostEnd));
                pieces.subList(hostStart, hostEnd).clear();
                pieces.add(hostStart, new Piece(LITERAL, "sibling.example.net", HOST, false));
                candidates.add(instance(null, -1, null));
                pieces.remove(hostStart);
                pieces.addAll(hostStart, saved);
            }
            String scheme = pieces.get(0).text;
            candidates.add(instance(null, 0, scheme.equals("https://") ? "http://" : "https://"));
            for (int i = 0; i < pieces.size(); i++) {
                Piece p = pieces.get(i);
                boolean letter = p.kind == LITERAL && p.text.length() == 1 && Character.isLetter(p.text.charAt(0));
                if (letter && p.section == HOST) {
                    candidates.add(instance(null, i, p.text.equals("q") ? "z" : "q"));
                } else if (letter && p.section == PATH) {
                    char ch = p.text.charAt(0);
                    char other = Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch);
                    candidates.add(instance(null, i, String.valueOf(other)));
                } else if (p.kind == ANY_ONE) {
                    candidates.add(instance(null, i, "12"));
                }
            }
            Piece last = pieces.get(pieces.size() - 1);
            if (last.kind != STAR) {
                String base = instance(null, -1, null);
                candidates.add(base + (base.indexOf('?') >= 0 ? "&" : "?") + "extra=1");
            }
            ResourcePattern pattern = ResourcePattern.of(resource);
            for (String candidate : candidates) {
                if (!pattern.matches(candidate) && !matching.contains(candidate)) {
                    siblings.add(candidate);
                }
            }
            while (siblings.size() > 3) {
                siblings.remove(random.nextInt(siblings.size()));
            }
        }
    }
}
