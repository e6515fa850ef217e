package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.internal.VerificationCost;

/**
 * The limits a request must be within before {@link CloudFrontVerifier} decodes or checks any signature. Each is a
 * reason code of its own: {@link #code()}. Thread safety: immutable.
 *
 * <p>Like CloudFront, the verifier refuses oversized requests before it decodes a signature. A refused request's
 * verdict names the limit ({@link Verdict#exceededLimit()}) and gives a reason naming the size and the limit; the
 * {@link Verdict#code()} is {@link ErrorCode#ACCESS_DENIED} (CloudFront itself answers such requests with an
 * error before any signature check; it does not document the body).
 * <table class="striped">
 *   <caption>Request limits</caption>
 *   <thead><tr><th>Limit</th><th>Value</th><th>Reason code</th><th>Source</th></tr></thead>
 *   <tbody>
 *   <tr><td>URL: path and query, in UTF-8 bytes</td><td>8,192 bytes</td><td>{@link #URL_LENGTH}
 *       ({@code UrlTooLong})</td><td>CloudFront quota "Maximum length of a URL"</td></tr>
 *   <tr><td>Query parameters ({@code &}-separated, empty ones included)</td><td>1,000</td>
 *       <td>{@link #QUERY_PARAMETERS} ({@code TooManyQueryParameters})</td><td>CloudFront documents no
 *       count; 1,000 is the default of Tomcat's {@code maxParameterCount} and Jetty's form-key limit</td></tr>
 *   <tr><td>{@code Policy} / {@code CloudFront-Policy} value, as sent</td><td>8,192 characters</td>
 *       <td>{@link #POLICY_SIZE} ({@code PolicyTooLarge})</td><td>the most a URL can carry (CloudFront's
 *       URL quota); the same cap applies to the cookie</td></tr>
 *   <tr><td>Cookies in the request</td><td>180</td><td>{@link #COOKIE_COUNT}
 *       ({@code TooManyCookies})</td><td>CloudFront documents no count; browsers keep at most 180 cookies per
 *       site (Chromium), RFC 6265 section 6.1 asks for at least 50</td></tr>
 *   <tr><td>Host, URL and cookies (names, values, separators) together, in UTF-8 bytes</td><td>20,480 bytes</td>
 *       <td>{@link #REQUEST_SIZE} ({@code RequestTooLarge})</td><td>CloudFront quota "Maximum length of a
 *       request ... including headers and query strings"</td></tr>
 *   </tbody>
 * </table>
 * Source of the quotas: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html">
 * CloudFront quotas</a>, "General quotas".
 */
public enum RequestLimit {
    /**
     * The URL's path and query (the request target, without scheme and host), in UTF-8 bytes: at most 8,192,
     * CloudFront's quota "Maximum length of a URL".
     */
    URL_LENGTH("UrlTooLong", 8192),
    /**
     * Query parameters, counted as {@code &}-separated pieces (empty ones included): at most 1,000. CloudFront
     * documents no count; 1,000 is the default limit of Tomcat ({@code maxParameterCount}) and Jetty (form
     * keys), and no signed URL needs more.
     */
    QUERY_PARAMETERS("TooManyQueryParameters", 1000),
    /**
     * The {@code Policy} query parameter or {@code CloudFront-Policy} cookie, in characters as sent (CloudFront's
     * base64): at most 8,192, the most a URL within CloudFront's URL quota can carry, so about 6,100 bytes
     * of policy JSON.
     */
    POLICY_SIZE("PolicyTooLarge", 8192),
    /**
     * Cookies in the request: at most 180. CloudFront documents no count; Chromium keeps at most 180 cookies
     * per site and RFC 6265 section 6.1 asks browsers for at least 50.
     */
    COOKIE_COUNT("TooManyCookies", 180),
    /**
     * The Host, the URL's path and query, and the cookies (each {@code name=value} plus 2 bytes of
     * separator) together, in UTF-8 bytes: at most 20,480, CloudFront's quota "Maximum length of a request
     * ... including headers and query strings".
     */
    REQUEST_SIZE("RequestTooLarge", 20480);

    private final String code;
    private final int max;

    RequestLimit(String code, int max) {
        this.code = code;
        this.max = max;
    }

    /** @return the reason code, for example {@code UrlTooLong}; stable, for logs and metrics */
    public String code() {
        return code;
    }

    /** @return the largest value allowed, in the unit the constant names (bytes, characters or a count) */
    public int max() {
        return max;
    }

    /** The first limit the request exceeds, or {@code null}. Reads each character once or twice. */
    static Exceeded check(ViewerRequest r, VerificationCost cost) {
        long url = utf8Length(r.rawPath());
        if (r.rawQuery() != null) {
            url += 1 + utf8Length(r.rawQuery());
        }
        cost.step(url);
        if (url > URL_LENGTH.max) {
            return new Exceeded(
                    URL_LENGTH,
                    "the URL's path and query are " + url
                            + " bytes, over the 8192 bytes CloudFront accepts (its quota \"Maximum length of a URL\");"
                            + " CloudFront refuses such a request before looking at any signature: shorten the URL, or"
                            + " sign a custom policy whose Resource ends in * instead of repeating a long query");
        }
        if (r.rawQuery() != null) {
            int parameters = 1;
            for (int i = r.rawQuery().indexOf('&'); i >= 0; i = r.rawQuery().indexOf('&', i + 1)) {
                parameters++;
            }
            if (parameters > QUERY_PARAMETERS.max) {
                return new Exceeded(
                        QUERY_PARAMETERS,
                        "the query has " + parameters + " parameters (counted between &, empty"
                                + " ones included), over the verifier's limit of 1000: no signed URL needs so many; send"
                                + " fewer, or move the data into the request body");
            }
        }
        int count = r.cookies().size();
        if (count > COOKIE_COUNT.max) {
            return new Exceeded(
                    COOKIE_COUNT,
                    "the request carries " + count + " cookies, over the verifier's limit of 180 (the"
                            + " most a browser keeps for one site): clear cookies the site no longer uses");
        }
        long total = url + utf8Length(r.host());
        for (SignedCookies.Cookie c : r.cookies()) {
            total += 3 + utf8Length(c.name()) + utf8Length(c.value());
        }
        cost.step(total - url);
        if (total > REQUEST_SIZE.max) {
            return new Exceeded(
                    REQUEST_SIZE,
                    "the Host, URL and cookies are " + total + " bytes together, over the 20480 bytes CloudFront"
                            + " accepts for a whole request (its quota \"Maximum length of a request\"): send fewer or"
                            + " smaller cookies, or a shorter URL");
        }
        return null;
    }

    /** The policy size, once the request is parsed: as {@link #check}. */
    static Exceeded checkPolicy(SignedRequest s) {
        String policy = s.value(SigningParameter.POLICY);
        if (policy != null && policy.length() > POLICY_SIZE.max) {
            return new Exceeded(
                    POLICY_SIZE,
                    s.name(SigningParameter.POLICY) + " is " + policy.length() + " characters, over"
                            + " the verifier's limit of 8192 (the most a CloudFront URL can carry, about 6,100 bytes of"
                            + " policy JSON): write a shorter Resource, for example with a wildcard");
        }
        return null;
    }

    /** The UTF-8 length of {@code s} (a surrogate pair is 4 bytes). */
    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** A limit a request exceeded and the sentence saying by how much. */
    record Exceeded(RequestLimit limit, String reason) {

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Exceeded other && limit == other.limit && reason.equals(other.reason);
        }

        @Override
        public int hashCode() {
            return 31 * limit.hashCode() + reason.hashCode();
        }

        @Override
        public String toString() {
            return "Exceeded[limit=" + limit + ", reason=" + reason + "]";
        }
    }
}
