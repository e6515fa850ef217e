package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.LogText;
import io.github.cloudfrontsigned.internal.PercentEncoding;
import java.net.IDN;
import java.util.Objects;

/**
 * Builds correctly percent-encoded CloudFront URLs from raw parts, before signing.
 *
 * <p>CloudFront compares a canned policy with the URL exactly as the viewer sends it, so a URL must be
 * encoded <em>before</em> it is signed and sent exactly as signed. Unencoded spaces, non-ASCII file names,
 * {@code +} and {@code '} are the most common cause of 403 answers for every AWS SDK's users. This class
 * encodes every byte outside RFC 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}) as UTF-8 {@code %XX}
 * with upper-case hex, which every browser sends unchanged:
 *
 * <pre>{@code
 * ResourceUrls.of("https://d111111abcdef8.cloudfront.net/media", "Summer 2026", "Café + friends's #1.jpg")
 *   // https://d111111abcdef8.cloudfront.net/media/Summer%202026/Caf%C3%A9%20%2B%20friends%27s%20%231.jpg
 * }</pre>
 *
 * <p>Source: "make sure you include [query strings] in the portion of the URL that you sign" and the
 * encoding advice in
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-signed-urls.html">
 * Use signed URLs</a>. Thread safety: stateless.
 */
public final class ResourceUrls {

    private ResourceUrls() {}

    /**
     * Joins a base URL and raw path segments, percent-encoding each segment. A {@code /} inside a segment is
     * encoded ({@code %2F}); to keep slashes, split the path first or use {@link #fromPath(String, String)}.
     * A non-ASCII host in the base is converted to punycode.
     *
     * @param baseUrl an absolute {@code http}/{@code https} URL, with or without a trailing {@code /}, already
     *     encoded, without query or fragment
     * @param rawSegments path segments as plain text (not encoded)
     * @return the URL
     * @throws IllegalArgumentException if the base is not an absolute http(s) URL or holds a query or fragment
     */
    public static String of(String baseUrl, String... rawSegments) {
        StringBuilder sb = new StringBuilder(base(baseUrl));
        for (String segment : rawSegments) {
            Objects.requireNonNull(segment, "segment");
            if (sb.charAt(sb.length() - 1) != '/') {
                sb.append('/');
            }
            appendEncoded(sb, segment);
        }
        return sb.toString();
    }

    /**
     * Joins a base URL and a raw path whose {@code /} separate segments, percent-encoding each segment, for
     * example an S3 object key such as {@code photos/2026/Beach day.jpg}.
     *
     * @param baseUrl as for {@link #of(String, String...)}
     * @param rawPath the path as plain text; a leading {@code /} is ignored
     * @return the URL
     * @throws IllegalArgumentException as for {@link #of(String, String...)}
     */
    public static String fromPath(String baseUrl, String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return of(baseUrl, path.split("/", -1));
    }

    /**
     * Percent-encodes one path segment or query component: every UTF-8 byte outside {@code A-Z a-z 0-9 - . _ ~}
     * becomes {@code %XX} (a space is {@code %20}, never {@code +}).
     *
     * @param raw plain text
     * @return the encoded text
     */
    public static String encode(String raw) {
        StringBuilder sb = new StringBuilder(raw.length() + 16);
        appendEncoded(sb, raw);
        return sb.toString();
    }

    /**
     * Encodes a value that must become exactly one path segment of a policy resource, such as a user name or
     * a path parameter in {@code https://cdn.example.com/users/{user}/*}: every UTF-8 byte outside
     * {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX} ({@code /}, {@code \}, {@code *}, {@code ?}, {@code %}
     * and control characters included), so the value can neither add a wildcard nor a segment. A value that
     * would name the folder itself or its parent is refused: empty, {@code .}, {@code ..}, and values that
     * percent-decode to them, once or repeatedly ({@code %2e%2e}, {@code .%2E}, {@code %252e%252e}): behind
     * an origin that normalizes paths (the edge filter, most web servers) a resource such as
     * {@code https://cdn.example.com/users/../*} reads every user's files. Linear in the value's length
     * (at most four decoding passes).
     *
     * @param value the raw value, such as the authenticated user's name
     * @return the encoded segment, never {@code .} or {@code ..}
     * @throws IllegalArgumentException naming the rule when the value is empty or a dot-segment
     */
    public static String pathSegment(String value) {
        Objects.requireNonNull(value, "value");
        String decoded = value;
        for (int pass = 0; pass < 4 && decoded.indexOf('%') >= 0; pass++) {
            decoded = PercentEncoding.decode(decoded, false);
        }
        if (value.isEmpty() || decoded.isEmpty() || decoded.equals(".") || decoded.equals("..")) {
            throw new IllegalArgumentException("\"" + LogText.of(value) + "\" cannot be a path segment: empty"
                    + " names, \".\" and \"..\" (also percent-encoded, as %2e%2e) would name the folder itself or its"
                    + " parent, so a resource built with it would leave its folder");
        }
        return encode(value);
    }

    /**
     * Appends {@code name=value} to a URL's query string, both percent-encoded, with {@code ?} or {@code &}.
     * Use it for your own parameters (for example S3's {@code response-content-disposition}) before signing.
     *
     * @param url the URL built so far
     * @param name the raw parameter name
     * @param value the raw parameter value
     * @return the URL with the parameter
     */
    public static String withQueryParameter(String url, String name, String value) {
        StringBuilder sb = new StringBuilder(url).append(url.indexOf('?') >= 0 ? '&' : '?');
        appendEncoded(sb, name);
        sb.append('=');
        appendEncoded(sb, value);
        return sb.toString();
    }

    private static String base(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        int schemeEnd = baseUrl.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : baseUrl.substring(0, schemeEnd);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("base URL \"" + baseUrl + "\" must start with http:// or https://");
        }
        int hostStart = schemeEnd + 3;
        int pathStart = baseUrl.indexOf('/', hostStart);
        if (pathStart < 0) {
            pathStart = baseUrl.length();
        }
        String host = baseUrl.substring(hostStart, pathStart);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("base URL \"" + baseUrl + "\" has no host");
        }
        String path = baseUrl.substring(pathStart);
        int bad = indexOfAny(path, "?#");
        if (bad >= 0) {
            throw new IllegalArgumentException("base URL \"" + baseUrl + "\" holds '" + path.charAt(bad)
                    + "' at position " + (pathStart + bad) + "; give the base without query or fragment and add"
                    + " parameters with withQueryParameter");
        }
        return scheme + "://" + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + path;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static void appendEncoded(StringBuilder sb, String raw) {
        PercentEncoding.append(sb, raw, "", false);
    }
}
