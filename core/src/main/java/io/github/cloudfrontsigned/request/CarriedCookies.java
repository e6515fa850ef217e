package io.github.cloudfrontsigned.request;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check behind {@link RequestRules#carriesFreshCookies}, one per application (its {@link RequestRules} holds
 * it). A browser sends the same cookies with every request, so the verdicts of cookies that verified are
 * remembered (keyed by the cookie values, the resource and the client address; at most {@value #MAX_REMEMBERED},
 * cleared when full): a repeated check costs a map lookup instead of a signature verification. Expiry, key and
 * address are checked again on every call. Thread-safe.
 */
final class CarriedCookies {

    private static final String DATE_LESS_THAN = "\"DateLessThan\":{\"AWS:EpochTime\":";
    static final int MAX_REMEMBERED = 4096;

    private final ConcurrentHashMap<String, Verdict> verified = new ConcurrentHashMap<>();

    boolean fresh(RequestRules rules, String resource, Map<String, String> cookies, String ipAddress, String clientIp) {
        if (cookies == null || cookies.isEmpty()) {
            return false;
        }
        CloudFrontSigner signer = rules.signer();
        long freshUntil =
                signer.clock().instant().plus(rules.cookieRefreshMargin()).getEpochSecond();
        CloudFrontVerifier verifier = rules.verifier();
        if (verifier != null) {
            String key = cookies.get(SignedCookies.POLICY)
                    + '\n'
                    + cookies.get(SignedCookies.EXPIRES)
                    + '\n'
                    + cookies.get(SignedCookies.SIGNATURE)
                    + '\n'
                    + cookies.get(SignedCookies.KEY_PAIR_ID)
                    + '\n'
                    + cookies.get(SignedCookies.HASH_ALGORITHM)
                    + '\n'
                    + resource
                    + '\n'
                    + clientIp;
            Verdict verdict = verified.get(key);
            if (verdict == null) {
                ViewerRequest.Builder viewer =
                        ViewerRequest.builder().url(sampleUrl(resource)).clientIp(clientIp);
                cookies.forEach((name, value) -> {
                    if (name.startsWith(SigningParameter.COOKIE_PREFIX)) {
                        viewer.cookie(name, value);
                    }
                });
                verdict = verifier.verify(viewer.build());
                if (verdict.isAllowed()) {
                    if (verified.size() >= MAX_REMEMBERED) {
                        verified.clear();
                    }
                    verified.put(key, verdict);
                }
            }
            return verdict.isAllowed()
                    && resource.equals(verdict.resource())
                    && signer.activeKeyPairId().equals(verdict.keyPairId())
                    && Objects.equals(ipAddress, verdict.ipAddress())
                    && verdict.dateLessThan() != null
                    && verdict.dateLessThan().getEpochSecond() > freshUntil;
        }
        if (!signer.activeKeyPairId().equals(cookies.get(SignedCookies.KEY_PAIR_ID))) {
            return false;
        }
        String policy = cookies.get(SignedCookies.POLICY);
        String json = policy == null ? null : decodePolicy(policy); // canned cookies: re-issued
        if (json == null || !json.contains("\"Resource\":\"" + resource + "\"")) {
            return false;
        }
        boolean ipMatches = ipAddress == null
                ? !json.contains("AWS:SourceIp")
                : json.contains("\"AWS:SourceIp\":\"" + ipAddress + "\"");
        return ipMatches && dateLessThan(json) > freshUntil;
    }

    /** A URL the resource grants: each wildcard replaced by a letter ({@code *://} by {@code https://}). */
    static String sampleUrl(String resource) {
        String url = resource.replace('*', 'x');
        return url.startsWith("x://") ? "https" + url.substring(1) : url;
    }

    private static String decodePolicy(String value) {
        try {
            String standard = value.replace('-', '+').replace('_', '=').replace('~', '/');
            return new String(Base64.getDecoder().decode(standard), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long dateLessThan(String json) {
        int i = json.indexOf(DATE_LESS_THAN);
        if (i < 0) {
            return -1;
        }
        int start = i + DATE_LESS_THAN.length();
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(json.substring(start, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
