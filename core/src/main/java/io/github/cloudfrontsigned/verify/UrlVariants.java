package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.internal.PercentEncoding;
import io.github.cloudfrontsigned.internal.VerificationCost;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The URLs a viewer's URL may have been before something changed it after signing: decoded or re-encoded in
 * the styles browsers, proxies, HTTP libraries and frameworks use ({@code %20} or {@code +}, {@code %7E} or
 * {@code ~}, upper- or lower-case hex, raw UTF-8 or escapes), another scheme, another host spelling, a query
 * parameter fewer, a trailing slash more or fewer. The verifier tries each against the signature (canned
 * policy) or the Resource (custom policy) to explain a 403 ("the URL was re-encoded after signing").
 *
 * <p>The search is lazy and bounded: variants are made one at a time, most likely first, and every character
 * built or tested is charged to the request's {@link VerificationCost}; when its diagnosis budget is spent the
 * search stops, so the work is at most {@link VerificationCost#DIAGNOSIS_BUDGET} characters whatever the input
 * (duplicates are charged too: they cannot make the search longer). Thread safety: stateless.
 */
final class UrlVariants {

    /** What changed between the variant (as signed) and the request. */
    enum Change {
        ENCODING,
        SCHEME,
        HOST,
        QUERY_ADDED,
        TRAILING_SLASH
    }

    /**
     * One candidate.
     *
     * @param url the URL as it may have been signed
     * @param change the kind of change
     * @param detail for {@link Change#QUERY_ADDED}, the parameter that was added; else empty
     */
    record Variant(String url, Change change, String detail) {

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Variant)) {
                return false;
            }
            Variant other = (Variant) o;
            return java.util.Objects.equals(url, other.url)
                    && java.util.Objects.equals(change, other.change)
                    && java.util.Objects.equals(detail, other.detail);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(url, change, detail);
        }

        @Override
        public String toString() {
            return "Variant[url=" + url + ", change=" + change + ", detail=" + detail + "]";
        }
    }

    private static final int PATH_FORMS = 9;
    private static final int QUERY_FORMS = 12;

    private UrlVariants() {}

    /**
     * The first variant, most likely first and none equal to the request URL itself, that passes {@code test}.
     *
     * @param query the query without signing parameters, or {@code null} for none
     * @param cost charged for every variant built; the search stops when it is exhausted
     * @param test whether the variant explains the denial; it charges its own work to {@code cost}
     * @return the variant, or {@code null} when none passes or the budget ran out ({@code cost.cutShort()})
     */
    static Variant find(
            String scheme, String host, String path, String query, VerificationCost cost, Predicate<Variant> test) {
        Search search = new Search(ViewerRequest.url(scheme, host, path, query), cost, test);
        Forms paths = new Forms(path, false, cost);
        Forms queries = new Forms(query, true, cost);
        for (int i = 0; i < PATH_FORMS; i++) {
            String p = paths.get(i);
            if (paths.out) {
                return null;
            }
            for (int j = 0; p != null && j < (query == null ? 1 : QUERY_FORMS); j++) {
                String q = query == null ? null : queries.get(j);
                if (queries.out) {
                    return null;
                }
                if ((query == null || q != null) && search.offer(scheme, host, p, q, Change.ENCODING, "")) {
                    return search.found;
                }
            }
        }
        String otherScheme =
                scheme.equalsIgnoreCase("https") ? "http" : scheme.equalsIgnoreCase("http") ? "https" : null;
        if (otherScheme != null && search.offer(otherScheme, host, path, query, Change.SCHEME, "")) {
            return search.found;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (search.offer(scheme, lower, path, query, Change.HOST, "")) {
            return search.found;
        }
        for (String port : new String[] {":443", ":80"}) {
            if (lower.endsWith(port)
                    && search.offer(
                            scheme, host.substring(0, host.length() - port.length()), path, query, Change.HOST, "")) {
                return search.found;
            }
        }
        if (query != null) {
            if (query.indexOf('&') >= 0) {
                int start = 0;
                while (start <= query.length()) {
                    int amp = query.indexOf('&', start);
                    int end = amp < 0 ? query.length() : amp;
                    String rest = amp < 0
                            ? query.substring(0, Math.max(0, start - 1))
                            : query.substring(0, start) + query.substring(end + 1);
                    if (search.offer(scheme, host, path, rest, Change.QUERY_ADDED, query.substring(start, end))) {
                        return search.found;
                    }
                    start = end + 1;
                }
            }
            if (search.offer(scheme, host, path, null, Change.QUERY_ADDED, "?" + query)) {
                return search.found;
            }
        }
        String slashed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        search.offer(scheme, host, slashed, query, Change.TRAILING_SLASH, "");
        return search.found;
    }

    /** The candidates tried so far and the one that passed. */
    private static final class Search {
        private final String actual;
        private final VerificationCost cost;
        private final Predicate<Variant> test;
        private final Set<String> seen = new HashSet<>();
        Variant found;

        Search(String actual, VerificationCost cost, Predicate<Variant> test) {
            this.actual = actual;
            this.cost = cost;
            this.test = test;
        }

        /** @return whether the search is over: a variant passed, or the budget is spent */
        boolean offer(String scheme, String host, String path, String query, Change change, String detail) {
            long length =
                    scheme.length() + host.length() + path.length() + (query == null ? 0 : query.length() + 1) + 3;
            if (!cost.diagnose(length)) {
                return true;
            }
            String url = ViewerRequest.url(scheme, host, path, query);
            if (url.equals(actual) || !seen.add(url)) {
                return false;
            }
            Variant v = new Variant(url, change, detail);
            if (test.test(v)) {
                found = v;
                return true;
            }
            return cost.exhausted();
        }
    }

    /**
     * The distinct re-encodings of a path or a query, made on first use, each charged to the cost. {@code get}
     * gives {@code null} for a form equal to an earlier one, past the last form, or once the budget is spent
     * ({@link #out}).
     */
    private static final class Forms {
        private final String raw;
        private final boolean query;
        private final VerificationCost cost;
        private final String[] forms;
        private final Set<String> distinct = new HashSet<>();
        private int made;
        private String decoded;
        private String formDecoded;
        boolean out;

        Forms(String raw, boolean query, VerificationCost cost) {
            this.raw = raw;
            this.query = query;
            this.cost = cost;
            this.forms = new String[query ? QUERY_FORMS : PATH_FORMS];
        }

        String get(int i) {
            if (raw == null || i >= forms.length) {
                return null;
            }
            while (made <= i) {
                if (!cost.diagnose(4L * raw.length() + 1)) {
                    out = true;
                    return null;
                }
                String form = query ? queryForm(made) : pathForm(made);
                forms[made++] = distinct.add(form) ? form : null;
            }
            return forms[i];
        }

        private String decoded() {
            if (decoded == null) {
                decoded = PercentEncoding.decode(raw, false);
            }
            return decoded;
        }

        private String formDecoded() {
            if (formDecoded == null) {
                formDecoded = PercentEncoding.decode(raw, true);
            }
            return formDecoded;
        }

        private String pathForm(int i) {
            switch (i) {
                case 0:
                    return raw;
                case 1:
                    return decoded();
                case 2:
                    return PercentEncoding.encodeUnsafe(raw);
                case 3:
                    return PercentEncoding.encodeUnsafe(decoded());
                case 4:
                    return PercentEncoding.encode(decoded(), "/", false);
                case 5:
                    return PercentEncoding.encode(decoded(), "/:@!$&'()*+,;=", false);
                case 6:
                    return PercentEncoding.hexCase(raw, true);
                case 7:
                    return PercentEncoding.hexCase(raw, false);
                // a space form-encoded as + in a path by a tool that treated the path like a query
                default:
                    return PercentEncoding.encode(formDecoded(), "/", false);
            }
        }

        private String queryForm(int i) {
            switch (i) {
                case 0:
                    return raw;
                case 1:
                    return decoded();
                case 2:
                    return formDecoded();
                case 3:
                    return PercentEncoding.encodeUnsafe(raw);
                case 4:
                    return PercentEncoding.encodeUnsafe(decoded());
                case 5:
                    return PercentEncoding.encode(decoded(), "&=", false);
                case 6:
                    return PercentEncoding.encode(formDecoded(), "&=", true);
                case 7:
                    return PercentEncoding.encode(decoded(), "&=:@!$'()*+,;/?", false);
                case 8:
                    return PercentEncoding.hexCase(raw, true);
                case 9:
                    return PercentEncoding.hexCase(raw, false);
                case 10:
                    return raw.replace("+", "%20");
                default:
                    return raw.replace("%20", "+");
            }
        }
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
                String what = v.detail().startsWith("?")
                        ? "the query string " + v.detail()
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
