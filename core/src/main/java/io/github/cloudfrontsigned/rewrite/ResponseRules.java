package io.github.cloudfrontsigned.rewrite;

import java.util.Locale;

/**
 * When a response's body may go through the {@link LinkRewriter}, and what that does to its headers: the one
 * copy of these rules, used by the servlet filter and the JAX-RS interceptor alike, so the same response gets the
 * same headers from both. Stateless and thread-safe.
 *
 * <p>An adapter asks {@link #body(String, int, Headers)} once, when it must decide (the servlet filter when the
 * body is first written or the response commits, the JAX-RS interceptor before the entity is written), and only
 * when its own conditions hold too: a media type to rewrite, a charset it can encode, a request whose links are
 * signed. Then:
 * <ul>
 *   <li>{@link Body#PASS}: body and headers go out as the application made them;</li>
 *   <li>{@link Body#REWRITE}: {@link #bodyChanged(Headers)} adjusts the headers, the body goes through the
 *       rewriter;</li>
 *   <li>{@link Body#HEADERS_ONLY} (a HEAD request): {@link #bodyChanged(Headers)} adjusts the headers as for the
 *       GET, no body is sent.</li>
 * </ul>
 * Every 304 goes through {@link #notModified(Headers, String)}, whatever the media type.
 *
 * <p>Why, facing CloudFront and browsers (RFC 9110): a rewritten body is a different representation, so a
 * strong {@code ETag} becomes weak (§8.8.1: a strong validator promises byte-identical bodies; CloudFront and
 * browsers revalidate with it) and a 304 confirming it repeats the weak form the client holds (§15.4.5); the
 * application's {@code Content-Length} counts the unsigned bytes, so it is dropped (the container counts the
 * signed ones or chunks); byte ranges of the unsigned body cannot be served for the signed one, so an
 * {@code Accept-Ranges} becomes {@code none} and a partial response (206, or any with {@code Content-Range})
 * passes untouched; a body already compressed ({@code Content-Encoding} other than {@code identity}) passes
 * untouched, as links in compressed bytes cannot be found (compress after signing: in the container, a proxy or
 * CloudFront). Statuses without a body (1xx, 204, 205, 304) pass; other statuses, errors included, carry a
 * complete body that may be rewritten.
 */
public final class ResponseRules {

    /** What happens to a response's body. */
    public enum Body {
        /** The body and the headers pass untouched. */
        PASS,
        /** The body goes through the link rewriter; the headers get {@link #bodyChanged(Headers)}. */
        REWRITE,
        /**
         * A HEAD request whose GET would be rewritten: the headers get {@link #bodyChanged(Headers)}, so they are
         * those of the GET; there is no body to rewrite.
         */
        HEADERS_ONLY
    }

    /**
     * A response's headers as an adapter holds them (the servlet response, the JAX-RS header map). Header names
     * are the ones of this class's rules, as written here ({@code ETag}, {@code Content-Length}, ...); an adapter
     * compares them ignoring case as HTTP does.
     */
    public interface Headers {

        /**
         * @param name a header name
         * @return the header's value as sent (its first value when there are several), or {@code null} if absent
         */
        String get(String name);

        /**
         * Replaces the header's values with one.
         *
         * @param name a header name
         * @param value the value, or {@code null} to remove the header
         */
        void set(String name, String value);
    }

    private static final String[] CHANGED_BODY_HEADERS = {"Content-Length", "ETag", "Accept-Ranges"};

    private ResponseRules() {}

    /**
     * Whether a response's body may be rewritten, from its request method, status and headers.
     *
     * @param method the request method ({@code GET}, {@code HEAD}, ...)
     * @param status the response status
     * @param headers the response's headers ({@code Content-Encoding} and {@code Content-Range} are read)
     * @return {@link Body#PASS}, {@link Body#REWRITE}, or {@link Body#HEADERS_ONLY} for a HEAD request
     */
    public static Body body(String method, int status, Headers headers) {
        if (!hasCompleteBody(status)
                || headers.get("Content-Range") != null
                || isEncoded(headers.get("Content-Encoding"))) {
            return Body.PASS;
        }
        return "HEAD".equalsIgnoreCase(method) ? Body.HEADERS_ONLY : Body.REWRITE;
    }

    /**
     * Whether a response of this status carries a complete body: not an interim response (1xx), not 204, 205 or
     * 304 (no body), not 206 (a part).
     *
     * @param status the response status
     * @return whether the body may be rewritten as far as the status goes
     */
    public static boolean hasCompleteBody(int status) {
        return status >= 200 && status <= 599 && status != 204 && status != 205 && status != 206 && status != 304;
    }

    /**
     * Whether a {@code Content-Encoding} value says the body is encoded (compressed): any coding other than
     * {@code identity}, in a list or alone, ignoring case and spaces.
     *
     * @param contentEncoding the header's value, or {@code null}
     * @return {@code false} for {@code null}, blank and {@code identity}
     */
    public static boolean isEncoded(String contentEncoding) {
        if (contentEncoding == null) {
            return false;
        }
        for (String coding : contentEncoding.split(",", -1)) {
            String c = coding.trim();
            if (!c.isEmpty() && !c.toLowerCase(Locale.ROOT).equals("identity")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adjusts the headers of a response whose body is rewritten (or, for HEAD, would be): {@code Content-Length}
     * removed, a strong {@code ETag} made weak ({@link #weakETag}), an {@code Accept-Ranges} set to
     * {@code none}.
     *
     * @param headers the response's headers
     */
    public static void bodyChanged(Headers headers) {
        for (String name : CHANGED_BODY_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                String changed = headerOfChangedBody(name, value);
                if (!value.equals(changed)) {
                    headers.set(name, changed);
                }
            }
        }
    }

    /**
     * The value a header must have on a response whose body is rewritten, also when the application sets it
     * after the body started: {@code Content-Length} none, {@code ETag} weak ({@link #weakETag}),
     * {@code Accept-Ranges} {@code none}; any other header as given.
     *
     * @param name a header name, any case
     * @param value the value the application sets, or {@code null}
     * @return the value to send; {@code null} to send none
     */
    public static String headerOfChangedBody(String name, String value) {
        if (value == null) {
            return null;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-length":
                return null;
            case "etag":
                return weakETag(value);
            case "accept-ranges":
                return "none";
            default:
                return value;
        }
    }

    /**
     * The {@code ETag} of a rewritten body: a strong entity tag ({@code "v1"}) becomes weak ({@code W/"v1"}); a
     * weak one, or a value that is not an entity tag, stays as it is.
     *
     * @param etag an {@code ETag} value, or {@code null}
     * @return the value for the rewritten body; {@code null} for {@code null}
     */
    public static String weakETag(String etag) {
        if (etag == null) {
            return null;
        }
        String t = etag.trim();
        return t.startsWith("\"") ? "W/" + t : etag;
    }

    /**
     * Adjusts a 304 (Not Modified): its body and other headers pass, but when the client's {@code If-None-Match}
     * holds the weak form of the application's strong {@code ETag} (the validator a rewritten 200 carried), the
     * 304 repeats that weak form, as RFC 9110 §15.4.5 requires; otherwise the {@code ETag} stays.
     *
     * @param headers the 304's headers
     * @param ifNoneMatch the request's {@code If-None-Match}, or {@code null}
     */
    public static void notModified(Headers headers, String ifNoneMatch) {
        String etag = headers.get("ETag");
        String weak = weakETag(etag);
        if (ifNoneMatch != null && weak != null && !weak.equals(etag) && ifNoneMatch.contains(weak)) {
            headers.set("ETag", weak);
        }
    }
}
