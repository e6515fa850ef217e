package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.LogText;
import io.github.cloudfrontsigned.internal.SummarizingLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The container-neutral decision of a local CloudFront edge (the servlet module's {@code CloudFrontEdgeFilter},
 * the command line's {@code cloudfront-signed edge}): given the viewer's request as it arrived, answer
 * {@code 400}, {@code 403} with CloudFront's error body, or let it through to the origin without the signing
 * query parameters. An adapter reads the request, calls {@link #decide(ViewerRequest)} and writes the
 * {@link Decision}.
 *
 * <pre>{@code
 * EdgeAccess edge = EdgeAccess.builder(verifier).publicUrl("https://d111111abcdef8.cloudfront.net").build();
 * EdgeAccess.Decision d = edge.decide(ViewerRequest.builder()
 *         .scheme("http").host(hostHeader).rawPath(rawPath).rawQuery(rawQuery)
 *         .cookieHeader(cookieHeader).clientIp(remoteAddress).build());
 * if (!d.isAllowed()) {
 *     respond(d.status(), d.contentType(), d.headers(), d.body());     // 400 or 403
 * } else {
 *     forward(d.originPath(), d.originQuery());     // the path that was checked; no Expires, Signature, ...
 * }
 * }</pre>
 *
 * <h2>The path it decides on is the path that is served</h2>
 * Every request is decided, also one for a path that needs no signature (see
 * {@link Builder#pathPatterns(List)}), in this order: the path check below ({@code 400}); then the path is
 * {@link #normalizedPath normalized} (escapes of unreserved characters decoded, {@code /%70rivate} is
 * {@code /private}); then the path patterns are matched against the normalized path; then, for a protected
 * path, the signature is verified against the path exactly as the viewer sent it (CloudFront compares the
 * bytes that were signed). The path to serve or forward is {@link Decision#originPath()}: the normalized path,
 * the one that was checked. So no spelling of a protected path reaches the origin unsigned.
 *
 * <p>A signature is checked against the path as the viewer sent it, but containers and file servers serve a
 * normalized path: they resolve {@code .} and {@code ..} segments (also written {@code %2e}), Tomcat merges
 * {@code //}, both drop {@code ;parameters}, some treat {@code \} or {@code %5c} as {@code /}, some decode
 * {@code %2f} to {@code /}. A request for {@code /public/..%2fprivate/report.pdf} would then match a policy
 * for {@code /public/*} as text and be served {@code /private/report.pdf}. This class therefore <b>refuses</b>
 * ({@code 400}, before any cryptography) every path that a container could serve as another path: a
 * dot-segment ({@code .} or {@code ..}, raw or percent-encoded in any mix), an empty segment ({@code //}),
 * {@code ;}, {@code \}, an encoded {@code /} or {@code \} ({@code %2f}, {@code %5c}), an encoded control
 * character ({@code %00}), a double-encoded escape ({@code %252e}, {@code %252f}: {@code %25} followed by two
 * hexadecimal digits, which an origin that decodes twice reads as {@code .} or {@code /}), malformed
 * percent-encoding, or a path that does not start with {@code /}. It does
 * not verify against a normalized path instead, because which normalization applies depends on the container
 * and its settings, while CloudFront's own treatment of dot-segments is undocumented: refusing is right for
 * every origin. Browsers resolve dot-segments before sending, so ordinary requests never contain them; a signed
 * link that does was built wrong and must be fixed where it is signed.
 *
 * <h2>The URL it verifies</h2>
 * By default the viewer's scheme and {@code Host} plus the raw path and query. With
 * {@link Builder#publicUrl(String)} (property {@code cloudfront.edge.public-url}) it is the public URL, such as
 * {@code https://d111111abcdef8.cloudfront.net}, plus the raw path and query, so that links and policies signed
 * for the real distribution match, and the edge can run behind a reverse proxy that changes the scheme or host.
 *
 * <h2>Logs</h2>
 * Each refusal and denial is logged on one line at {@code DEBUG} ({@code FINE}), with the path and reason
 * bounded and escaped by {@link LogText}; at most once a minute (see {@link Builder#summaryInterval(Duration)})
 * a summary at {@code INFO} gives the counts per reason and the latest denial (see {@link SummarizingLog}).
 * Logger name: this class. A signature or policy is never logged.
 *
 * <p>Reference: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateContent.html">Serve
 * private content with signed URLs and signed cookies</a>. Thread safety: immutable apart from the log counts;
 * one instance serves all requests concurrently.
 */
public final class EdgeAccess {

    /** The query parameters CloudFront reads for a signed URL and removes before forwarding to the origin. */
    private static final Set<String> SIGNING_PARAMETERS = SigningParameter.queryNames();

    private static final System.Logger LOG = System.getLogger(EdgeAccess.class.getName());
    private static final String BAD_PATH = "BadPath";
    private static final Map<String, String> ERROR_HEADERS =
            Map.of("server", "CloudFront", "x-cache", "Error from cloudfront");

    private final CloudFrontVerifier verifier;
    private final String publicScheme;
    private final String publicHost;
    private final PathPatterns pathPatterns;
    private final SummarizingLog denials;

    private EdgeAccess(Builder b) {
        this.verifier = b.verifier;
        this.pathPatterns = b.pathPatterns;
        this.publicScheme = b.publicScheme;
        this.publicHost = b.publicHost;
        this.denials = new SummarizingLog(
                LOG, System.Logger.Level.INFO, "requests refused or denied", verifier.clock(), b.summaryInterval);
    }

    /**
     * @param verifier the trusted key group (and clock) that decides signed URLs and cookies
     * @return a new builder
     */
    public static Builder builder(CloudFrontVerifier verifier) {
        return new Builder(verifier);
    }

    /** @return the verifier in use */
    public CloudFrontVerifier verifier() {
        return verifier;
    }

    /** @return the public URL ({@code scheme://host[:port]}) verified instead of the viewer's, or {@code null} */
    public String publicUrl() {
        return publicScheme == null ? null : publicScheme + "://" + publicHost;
    }

    /**
     * @return the path patterns whose requests must be signed, normalized ({@link #normalizedPath}), in order;
     *     {@code [*]} (every path) unless {@link Builder#pathPatterns(List)} was given
     */
    public List<String> pathPatterns() {
        return pathPatterns.patterns();
    }

    /**
     * Decides one request: the path check (for every path), the path patterns on the normalized path, then (with
     * the public URL applied) {@link CloudFrontVerifier#verify}. Logs refusals and denials as described above.
     * Work: linear in the request's size (times the longest path pattern) plus the verifier's bound.
     *
     * @param viewer the request as received: scheme, {@code Host}, raw path and raw query exactly as in the request
     *     line (never decoded), cookies and the client IP
     * @return the decision; never {@code null}
     */
    public Decision decide(ViewerRequest viewer) {
        Objects.requireNonNull(viewer, "viewer");
        String problem = pathProblem(viewer.rawPath());
        if (problem != null) {
            denials.record(BAD_PATH, () -> "400 " + LogText.of(viewer.rawPath()) + ": " + problem);
            return new Decision(
                    400,
                    null,
                    null,
                    null,
                    "Bad request: the path " + problem + ". An origin would"
                            + " serve it as another path, so this edge refuses it; request the path exactly as signed.\n");
        }
        String originPath = normalizedPath(viewer.rawPath());
        if (!pathPatterns.matches(originPath)) {
            return new Decision(200, null, viewer.rawQuery(), originPath, null);
        }
        ViewerRequest verified = publicScheme == null
                ? viewer
                : viewer.toBuilder().scheme(publicScheme).host(publicHost).build();
        Verdict verdict = verifier.verify(verified);
        if (!verdict.isAllowed()) {
            // the reason (the verifier's diagnosis) is computed only for a line that is written
            String reason = verdict.exceededLimit() != null
                    ? verdict.exceededLimit().code()
                    : verdict.code().code();
            denials.record(
                    reason,
                    () -> "403 " + LogText.of(viewer.rawPath()) + ": "
                            + verdict.code().code() + ": " + LogText.oneLine(verdict.reason()));
            return new Decision(403, verdict, null, null, verdict.toErrorXml());
        }
        if (LOG.isLoggable(System.Logger.Level.TRACE)) {
            LOG.log(
                    System.Logger.Level.TRACE,
                    "allowed " + LogText.of(viewer.rawPath()) + ": " + LogText.oneLine(verdict.reason()));
        }
        return new Decision(200, verdict, withoutSigningParameters(viewer.rawQuery()), originPath, null);
    }

    /**
     * Why a raw request path would be served as another path by some container, or {@code null} when it would
     * not: see the class description for the rules. Linear in the path's length.
     *
     * @param rawPath the path as in the request line, still percent-encoded
     * @return a description with the position, such as {@code has a dot-segment ".." at position 8}, or
     *     {@code null}
     */
    public static String pathProblem(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "does not start with /";
        }
        int segmentStart = 1;
        int dots = 0;
        int length = 0;
        for (int i = 1; i <= rawPath.length(); i++) {
            char c = i < rawPath.length() ? rawPath.charAt(i) : '/';
            int position = i;
            if (c == '/') {
                if (length == 0 && i < rawPath.length()) {
                    return "has an empty segment (//) at position " + (i - 1);
                }
                if (length > 0 && length <= 2 && dots == length) {
                    return "has a dot-segment \"" + rawPath.substring(segmentStart, i) + "\" at position "
                            + segmentStart;
                }
                segmentStart = i + 1;
                dots = 0;
                length = 0;
                continue;
            }
            if (c == '%') {
                int decoded = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return "has a % at position " + i + " that is not followed by two hexadecimal digits";
                }
                c = (char) decoded;
                i += 2;
                if (c == '%' && startsWithTwoHexDigits(rawPath, i + 1)) {
                    return "has a double-encoded escape (\"%25\" followed by two hexadecimal digits, plain or"
                            + " encoded) at position " + position + ", which an origin that decodes twice reads as"
                            + " an escape";
                }
                if (c == '/' || c == '\\') {
                    return "has an encoded " + (c == '/' ? "slash" : "backslash") + " \""
                            + rawPath.substring(position, position + 3) + "\" at position " + position;
                }
            } else if (c == '\\' || c == ';') {
                return "has \"" + c + "\" at position " + position
                        + (c == ';' ? " (a path parameter, which containers drop)" : " (which some servers read as /)");
            }
            if (c < 0x20 || c == 0x7f) {
                return "has the control character " + CloudFrontBase64.describe(c) + " at position " + position;
            }
            length++;
            if (c == '.') {
                dots++;
            }
        }
        return null;
    }

    /**
     * The path as an origin serves it, for a path without a {@link #pathProblem}: each escape of an unreserved
     * character ({@code A-Z a-z 0-9 - . _ ~}, RFC 3986 section 2.3) decoded, as file servers and containers decode
     * it ({@code /%70rivate/a%2Ejpg} is {@code /private/a.jpg}); every other escape kept, its hexadecimal digits in
     * upper case ({@code %c3%a9} is {@code %C3%A9}); everything else unchanged. This is the path the path patterns
     * are matched against and the path to serve or forward ({@link Decision#originPath()}). Linear in the path's
     * length.
     *
     * @param rawPath the path as in the request line, still percent-encoded
     * @return the normalized path, or {@code null} if it has a {@code %} not followed by two hexadecimal digits
     */
    public static String normalizedPath(String rawPath) {
        int firstEscape = rawPath.indexOf('%');
        if (firstEscape < 0) {
            return rawPath;
        }
        StringBuilder path = new StringBuilder(rawPath.length()).append(rawPath, 0, firstEscape);
        for (int i = firstEscape; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                path.append(c);
                continue;
            }
            int decoded = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
            if (decoded < 0) {
                return null;
            }
            if (isUnreserved(decoded)) {
                path.append((char) decoded);
            } else {
                path.append('%')
                        .append(Character.toUpperCase(rawPath.charAt(i + 1)))
                        .append(Character.toUpperCase(rawPath.charAt(i + 2)));
            }
            i += 2;
        }
        return path.toString();
    }

    /** Whether the text at {@code from}, each character plain or percent-encoded, starts with two hex digits. */
    private static boolean startsWithTwoHexDigits(String rawPath, int from) {
        int i = from;
        for (int digit = 0; digit < 2; digit++) {
            if (i >= rawPath.length()) {
                return false;
            }
            int c = rawPath.charAt(i);
            if (c == '%') {
                c = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                i += 3;
            } else {
                i++;
            }
            if (c < 0 || hexDigit(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static int hex(char high, char low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /** An ASCII hexadecimal digit's value, or -1 (also for other scripts' digits, which Character.digit takes). */
    private static int hexDigit(int c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Checks a public URL for {@link Builder#publicUrl(String)}.
     *
     * @param publicUrl {@code http} or {@code https}, a host and optionally a port, such as
     *     {@code https://d111111abcdef8.cloudfront.net}; surrounding whitespace and a trailing {@code /} are ignored
     * @return {@code scheme://host[:port]}
     * @throws IllegalArgumentException if it is not such a URL, saying what is wrong (a path, a query, ...)
     */
    public static String checkPublicUrl(String publicUrl) {
        String url = publicUrl.trim();
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        int separator = url.indexOf("://");
        String scheme = separator < 0 ? "" : url.substring(0, separator);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("public URL \"" + LogText.of(publicUrl) + "\" must start with"
                    + " https:// or http://, for example https://d111111abcdef8.cloudfront.net");
        }
        String host = url.substring(separator + 3);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("public URL \"" + LogText.of(publicUrl) + "\" has no host");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c < 0x80 && Character.isLetterOrDigit(c))
                    && c != '.'
                    && c != '-'
                    && c != ':'
                    && c != '['
                    && c != ']') {
                throw new IllegalArgumentException("public URL \"" + LogText.of(publicUrl) + "\": character "
                        + CloudFrontBase64.describe(c) + " at position " + (publicUrl.indexOf(url) + separator + 3 + i)
                        + " is not allowed; give only the scheme, the host and optionally a port, without a path or"
                        + " query");
            }
        }
        return url;
    }

    /**
     * The query CloudFront forwards to the origin: the raw query without the signing parameters ({@link SigningParameter#queryNames()}), the
     * other parameters unchanged and in order.
     *
     * @param rawQuery the query as in the request line, without {@code ?}, or {@code null}
     * @return the remaining query, or {@code null} when nothing remains
     */
    public static String withoutSigningParameters(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(rawQuery.length());
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int eq = rawQuery.indexOf('=', start);
            String name = rawQuery.substring(start, eq < 0 || eq > end ? end : eq);
            if (!SIGNING_PARAMETERS.contains(name)) {
                kept.append(kept.length() == 0 ? "" : "&").append(rawQuery, start, end);
            }
            start = end + 1;
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    @Override
    public String toString() {
        return "EdgeAccess{trusted key pair IDs " + verifier.trustedKeyPairIds()
                + (publicScheme == null ? "" : ", public URL " + publicUrl()) + "}";
    }

    /**
     * What to answer: {@code 200} (pass to the origin {@link #originPath()} with {@link #originQuery()}),
     * {@code 400} (a path the origin would serve as another path) or {@code 403} (CloudFront's denial). Thread
     * safety: immutable.
     */
    public static final class Decision {

        private final int status;
        private final Verdict verdict;
        private final String originQuery;
        private final String originPath;
        private final String body;

        private Decision(int status, Verdict verdict, String originQuery, String originPath, String body) {
            this.status = status;
            this.verdict = verdict;
            this.originQuery = originQuery;
            this.originPath = originPath;
            this.body = body;
        }

        /** @return whether the request goes on to the origin */
        public boolean isAllowed() {
            return status == 200;
        }

        /** @return {@code 200} when allowed, {@code 400} for a refused path, {@code 403} when denied */
        public int status() {
            return status;
        }

        /**
         * @return the verifier's verdict (allowed or denied); {@code null} for a refused path (400) and for a path
         *     that no path pattern protects (allowed unsigned)
         */
        public Verdict verdict() {
            return verdict;
        }

        /**
         * @return the path to serve or forward to the origin: the {@link EdgeAccess#normalizedPath normalized}
         *     path, the one the path patterns were matched against (and whose raw spelling was verified);
         *     {@code null} when the request is not allowed
         */
        public String originPath() {
            return originPath;
        }

        /**
         * @return the query to forward to the origin (see {@link EdgeAccess#withoutSigningParameters(String)}; for
         *     a path that no path pattern protects, the raw query unchanged); {@code null} when none remains or the
         *     request is not allowed
         */
        public String originQuery() {
            return originQuery;
        }

        /**
         * @return for 403 CloudFront's XML error body ({@link Verdict#toErrorXml()}), for 400 a short plain-text
         *     explanation (it quotes no part of the request); {@code null} when allowed
         */
        public String body() {
            return body;
        }

        /** @return {@code text/xml} for 403, {@code text/plain; charset=UTF-8} for 400, {@code null} when allowed */
        public String contentType() {
            return status == 403 ? "text/xml" : status == 400 ? "text/plain; charset=UTF-8" : null;
        }

        /**
         * @return the headers CloudFront adds to an error ({@code server: CloudFront},
         *     {@code x-cache: Error from cloudfront}); empty when allowed
         */
        public Map<String, String> headers() {
            return status == 200 ? Map.of() : ERROR_HEADERS;
        }

        /**
         * @return for people (a development page, a CLI): why the request was refused or denied, or what was
         *     granted (for a path no path pattern protects, that it needs no signature); may span several lines
         *     and quote the request, so escape it before writing it anywhere
         */
        public String reason() {
            return verdict != null
                    ? verdict.reason()
                    : body != null ? body.trim() : "no path pattern protects the path: allowed without a signature";
        }

        @Override
        public String toString() {
            return status + ": " + LogText.oneLine(reason());
        }
    }

    /** Builds an {@link EdgeAccess}. Not thread-safe; the result is. */
    public static final class Builder {
        private final CloudFrontVerifier verifier;
        private String publicScheme;
        private String publicHost;
        private PathPatterns pathPatterns = PathPatterns.ALL;
        private Duration summaryInterval = Duration.ofMinutes(1);

        private Builder(CloudFrontVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /**
         * Verifies every request as a request for this URL plus its raw path and query, instead of the viewer's
         * scheme and {@code Host}: the distribution's URL, so that policies written for it match.
         *
         * @param publicUrl {@code http} or {@code https}, a host and optionally a port, such as
         *     {@code https://d111111abcdef8.cloudfront.net}; a trailing {@code /} is ignored; {@code null} to use
         *     the viewer's scheme and {@code Host}
         * @return this builder
         * @throws IllegalArgumentException if it is not such a URL, saying what is wrong (a path, a query, ...)
         */
        public Builder publicUrl(String publicUrl) {
            String url = publicUrl == null ? null : checkPublicUrl(publicUrl);
            publicScheme = url == null ? null : url.substring(0, url.indexOf("://"));
            publicHost = url == null ? null : url.substring(url.indexOf("://") + 3);
            return this;
        }

        /**
         * The paths whose requests must be signed, as the path patterns of the cache behaviors with a trusted key
         * group: {@code *} matches any characters (also {@code /}), {@code ?} exactly one, case-sensitive. They are
         * matched against the {@link EdgeAccess#normalizedPath normalized} path, after the path check that every
         * request gets; a request for another path is allowed unsigned, with its query unchanged. Default: every
         * path. An adapter whose container already selects the requests (a servlet filter's URL pattern) leaves
         * the default.
         *
         * @param patterns such as {@code /private/*} or {@code *.m3u8}; a pattern without a leading {@code /} or
         *     {@code *} gets a {@code /}, as the CloudFront console adds it; escapes are normalized as paths are
         * @return this builder
         * @throws IllegalArgumentException if the list is empty, or a pattern is blank or has a malformed escape
         */
        public Builder pathPatterns(List<String> patterns) {
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException(
                        "give at least one path pattern, such as /private/* (or * for" + " every path)");
            }
            this.pathPatterns = PathPatterns.of(patterns);
            return this;
        }

        /**
         * @param interval the shortest time between two {@code INFO} summaries of refusals and denials (default
         *     one minute)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder summaryInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the summary interval must be positive, not " + interval);
            }
            this.summaryInterval = interval;
            return this;
        }

        /** @return the edge decision */
        public EdgeAccess build() {
            return new EdgeAccess(this);
        }
    }
}
