package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.QueryNames;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signing parameters CloudFront reads: each one's query parameter name in a signed URL and its cookie name
 * among signed cookies. The one public place these names are given: the signer, the verifier and the servlet edge
 * filter read them here ({@link SignedCookies}' constants are the cookie names; the query names' literals sit in
 * the internal package, where the link rewriter's "already signed" check reads them too).
 *
 * <p>Source: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html">
 * Create a signed URL using a custom policy</a> and
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html">
 * Set signed cookies using a custom policy</a>. Thread safety: an enum, immutable.
 */
public enum SigningParameter {

    /** {@code Expires} / {@code CloudFront-Expires}: a canned policy's expiry, in epoch seconds. */
    EXPIRES(QueryNames.EXPIRES, SignedCookies.EXPIRES),
    /** {@code Policy} / {@code CloudFront-Policy}: a custom policy in CloudFront's base64. */
    POLICY(QueryNames.POLICY, SignedCookies.POLICY),
    /** {@code Signature} / {@code CloudFront-Signature}: the signature in CloudFront's base64. */
    SIGNATURE(QueryNames.SIGNATURE, SignedCookies.SIGNATURE),
    /** {@code Key-Pair-Id} / {@code CloudFront-Key-Pair-Id}: the public key's ID in the trusted key group. */
    KEY_PAIR_ID(QueryNames.KEY_PAIR_ID, SignedCookies.KEY_PAIR_ID),
    /** {@code Hash-Algorithm} / {@code CloudFront-Hash-Algorithm}: {@code SHA256}, sent for SHA-256 only. */
    HASH_ALGORITHM(QueryNames.HASH_ALGORITHM, SignedCookies.HASH_ALGORITHM);

    /** What every signed cookie's name starts with: {@code CloudFront-}. */
    public static final String COOKIE_PREFIX = "CloudFront-";

    private final String queryName;
    private final String cookieName;

    SigningParameter(String queryName, String cookieName) {
        this.queryName = queryName;
        this.cookieName = cookieName;
    }

    /** @return the query parameter name in a signed URL, for example {@code Key-Pair-Id} */
    public String queryName() {
        return queryName;
    }

    /** @return the cookie name, for example {@code CloudFront-Key-Pair-Id} */
    public String cookieName() {
        return cookieName;
    }

    /** @return the five query parameter names, in declaration order; an unmodifiable set */
    public static Set<String> queryNames() {
        return QUERY_NAMES;
    }

    private static final Set<String> QUERY_NAMES = Collections.unmodifiableSet(Arrays.stream(values())
            .map(SigningParameter::queryName)
            .collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)));
}
