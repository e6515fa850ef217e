package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.internal.PercentEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The URLs a viewer's URL may have been before something changed it after signing: decoded or re-encoded in
 * the styles browsers, proxies, HTTP libraries and frameworks use ({@code %20} or {@code +}, {@code %7E} or
 * {@code ~}, upper- or lower-case hex, raw UTF-8 or escapes), another scheme, another host spelling, a query
 * parameter fewer, a trailing slash more or fewer. The verifier tries each against the signature (canned
 * policy) or the Resource (custom policy) to explain a 403 ("the URL was re-encoded after signing").
 * The list is bounded (at most {@value #MAX} variants). Thread safety: stateless.
 */
final class UrlVariants {

    static final int MAX = 200;

    /** What changed between the variant (as signed) and the request. */
    enum Change {
        ENCODING, SCHEME, HOST, QUERY_ADDED, TRAILING_SLASH
    }

    /**
     * One candidate.
     *
     * @param url the URL as it may have been signed
     * @param change the kind of change
     * @param detail for {@link Change#QUERY_ADDED}, the parameter that was added; else empty
     */
    record Variant(String url, Change change, String detail) {
    }

    private UrlVariants() {
    }

    /**
     * @param query the query without signing parameters, or {@code null} for none
     * @return the variants, most likely first, none equal to the request URL itself
     */
    static List<Variant> of(String scheme, String host, String path, String query) {
        String actual = ViewerRequest.url(scheme, host, path, query);
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (String p : pathVariants(path)) {
            for (String q : queryVariants(query)) {
                add(variants, actual, new Variant(ViewerRequest.url(scheme, host, p, q), Change.ENCODING, ""));
            }
        }
        String otherScheme = scheme.equalsIgnoreCase("https") ? "http" : scheme.equalsIgnoreCase("http") ? "https" : null;
        if (otherScheme != null) {
            add(variants, actual, new Variant(ViewerRequest.url(otherScheme, host, path, query), Change.SCHEME, ""));
        }
        String lower = host.toLowerCase(Locale.ROOT);
        add(variants, actual, new Variant(ViewerRequest.url(scheme, lower, path, query), Change.HOST, ""));
        for (String port : new String[] {":443", ":80"}) {
            if (lower.endsWith(port)) {
                String bare = host.substring(0, host.length() - port.length());
                add(variants, actual, new Variant(ViewerRequest.url(scheme, bare, path, query), Change.HOST, ""));
            }
        }
        if (query != null) {
            String[] parameters = query.split("&", -1);
            if (parameters.length > 1) {
                for (int i = 0; i < parameters.length && variants.size() < MAX; i++) {
                    List<String> rest = new ArrayList<>(List.of(parameters));
                    rest.remove(i);
                    add(variants, actual, new Variant(ViewerRequest.url(scheme, host, path, String.join("&", rest)),
                            Change.QUERY_ADDED, parameters[i]));
                }
            }
            add(variants, actual, new Variant(ViewerRequest.url(scheme, host, path, null), Change.QUERY_ADDED,
                    "?" + query));
        }
        String slashed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        add(variants, actual, new Variant(ViewerRequest.url(scheme, host, slashed, query), Change.TRAILING_SLASH, ""));
        return new ArrayList<>(variants.values());
    }

    private static void add(Map<String, Variant> variants, String actual, Variant v) {
        if (variants.size() < MAX && !v.url().equals(actual)) {
            variants.putIfAbsent(v.url(), v);
        }
    }

    private static Set<String> pathVariants(String raw) {
        Set<String> set = new LinkedHashSet<>();
        String decoded = PercentEncoding.decode(raw, false);
        set.add(raw);
        set.add(decoded);
        set.add(PercentEncoding.encodeUnsafe(raw));
        set.add(PercentEncoding.encodeUnsafe(decoded));
        set.add(PercentEncoding.encode(decoded, "/", false));
        set.add(PercentEncoding.encode(decoded, "/:@!$&'()*+,;=", false));
        set.add(PercentEncoding.hexCase(raw, true));
        set.add(PercentEncoding.hexCase(raw, false));
        // a space form-encoded as + in a path by a tool that treated the path like a query
        set.add(PercentEncoding.encode(PercentEncoding.decode(raw, true), "/", false));
        return set;
    }

    private static Set<String> queryVariants(String raw) {
        Set<String> set = new LinkedHashSet<>();
        set.add(raw);
        if (raw == null) {
            return set;
        }
        String decoded = PercentEncoding.decode(raw, false);
        String formDecoded = PercentEncoding.decode(raw, true);
        set.add(decoded);
        set.add(formDecoded);
        set.add(PercentEncoding.encodeUnsafe(raw));
        set.add(PercentEncoding.encodeUnsafe(decoded));
        set.add(PercentEncoding.encode(decoded, "&=", false));
        set.add(PercentEncoding.encode(formDecoded, "&=", true));
        set.add(PercentEncoding.encode(decoded, "&=:@!$'()*+,;/?", false));
        set.add(PercentEncoding.hexCase(raw, true));
        set.add(PercentEncoding.hexCase(raw, false));
        set.add(raw.replace("+", "%20"));
        set.add(raw.replace("%20", "+"));
        return set;
    }

    /**
     * A sentence saying what changed, for a verdict's reason.
     *
     * @param custom whether the URL was checked against a custom policy's Resource rather than a signature
     */
    static String explain(Variant v, String requested, boolean custom) {
        String signedAs = custom ? "the Resource covers " + v.url() : "the signature matches " + v.url();
        switch (v.change()) {
            case ENCODING:
                return "the URL was re-encoded after signing: " + signedAs + " but CloudFront received "
                        + requested + "; send the URL byte for byte as signed (no decoding, re-encoding or change"
                        + " of %XX case)";
            case SCHEME:
                return signedAs + ", so the URL was signed for "
                        + v.url().substring(0, v.url().indexOf("://") + 3) + " but requested over "
                        + requested.substring(0, requested.indexOf("://") + 3)
                        + "; sign the URL with the scheme viewers use";
            case HOST:
                return signedAs + ", so the host was written differently when signing; sign the URL with the host"
                        + " exactly as viewers send it";
            case QUERY_ADDED:
                String what = v.detail().startsWith("?") ? "the query string " + v.detail()
                        : "the query parameter " + v.detail();
                return custom
                        ? what + " is not covered: " + signedAs + ", and a Resource covers a query only when it"
                            + " spells it out or ends in *"
                        : what + " was added after signing (" + signedAs + "); a canned policy covers exactly the"
                            + " query it was signed with: sign the URL with it, or use a custom policy whose"
                            + " Resource ends in *";
            case TRAILING_SLASH:
            default:
                return "a trailing slash was " + (v.url().length() > requested.length() ? "removed" : "added")
                        + " after signing: " + signedAs;
        }
    }
}
