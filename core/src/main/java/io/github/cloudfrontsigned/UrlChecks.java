package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.ResourcePattern;

/**
 * The checks a URL passes before {@link CloudFrontSigner} signs it, each refusing with a message that says what
 * is wrong, where (the position in the URL) and how to fix it: no signing parameter already, a canned policy's
 * resource equal to the URL, no {@code *} where it would be a wildcard, and a custom policy's Resource that
 * covers the URL. Each check costs time linear in the URL's length (the Resource's, for coverage). Stateless;
 * thread-safe.
 */
final class UrlChecks {

    private static final SigningParameter[] SIGNING_PARAMETERS = SigningParameter.values();

    private UrlChecks() {}

    /**
     * Refuses a URL whose query already carries a parameter CloudFront reserves for signing.
     *
     * @param url the URL to sign
     * @throws IllegalArgumentException naming the parameter and its position
     */
    static void checkNoSigningParameter(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return;
        }
        int start = q + 1;
        while (start <= url.length()) {
            int amp = url.indexOf('&', start);
            int end = amp < 0 ? url.length() : amp;
            int eq = url.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            for (SigningParameter parameter : SIGNING_PARAMETERS) {
                String name = parameter.queryName();
                if (name.length() == nameEnd - start && url.startsWith(name, start)) {
                    throw new IllegalArgumentException("URL \"" + url + "\" already carries the signing parameter "
                            + name + " (position " + start + "): CloudFront reserves Expires, Policy, Signature,"
                            + " Key-Pair-Id and Hash-Algorithm; sign the unsigned URL, or rename your parameter");
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    /**
     * Refuses a URL other than the resource of a policy asked for as canned: a canned policy signs exactly its URL.
     *
     * @param url the URL to sign
     * @param policy the policy
     * @throws IllegalArgumentException if the policy was asked for as canned and its resource differs from the URL
     */
    static void checkCannedResource(String url, Policy policy) {
        if (policy.cannedRequested() && !policy.resource().equals(url)) {
            throw new IllegalArgumentException("URL \"" + url + "\" differs from the canned policy's resource \""
                    + policy.resource() + "\"; a canned policy signs exactly its URL");
        }
    }

    /**
     * Refuses a {@code *} in a URL that is its own policy's Resource (the policy sets none), where it would be a
     * wildcard, and, for a custom policy, a URL its Resource does not cover.
     *
     * @param url the URL to sign
     * @param policy the policy
     * @param canned whether the policy goes to CloudFront as a canned policy
     * @param resource the policy's Resource: its own, or the URL
     * @throws IllegalArgumentException naming the {@code *}'s position, or where the Resource and the URL part
     */
    static void checkResource(String url, Policy policy, boolean canned, String resource) {
        int star = policy.resource() == null ? url.indexOf('*') : -1;
        if (star >= 0) {
            throw new IllegalArgumentException("URL \"" + url + "\": "
                    + (canned
                            ? "a canned policy cannot hold the wildcard '*'"
                            : "the custom policy's Resource is this URL, where '*' would be a wildcard granting more than it")
                    + " (position " + star + "); percent-encode a literal * as %2A, or set Policy.resource(...)"
                    + " to sign a wildcard custom policy");
        }
        if (!canned) {
            checkCovers(resource, url);
        }
    }

    /**
     * Refuses a URL its custom policy's Resource does not cover, as the AWS CLI does: CloudFront would answer
     * 403. The first line says where they part; the Resource and URL follow, one above the other.
     */
    private static void checkCovers(String resource, String url) {
        ResourcePattern.Mismatch mismatch = ResourcePattern.of(resource).mismatch(url);
        if (mismatch != null) {
            throw new IllegalArgumentException("URL " + url + " is not covered by the policy Resource " + resource
                    + ", so CloudFront would answer 403: " + mismatch.summary(resource, url)
                    + "; sign a URL the Resource covers, or widen the Resource (a trailing * covers the rest)\n"
                    + mismatch.diagram(resource, url));
        }
    }
}
