package io.github.cloudfrontsigned.rewrite;

import io.github.cloudfrontsigned.internal.QueryNames;

/**
 * The URL the browser will request for a link, as given to the signer: the link's characters with the markup
 * and string escapes decoded and what a browser percent-encodes percent-encoded. Static helpers.
 */
final class TargetUrl {

    private static final String[] SIGNING_PARAMETERS = QueryNames.ALL.toArray(new String[0]);

    private TargetUrl() {}

    /**
     * Builds the URL of the link whose path (after the host) is {@code s[hostEnd, end)}.
     *
     * @param scanner appends the non-ASCII characters, which only the wrapper knows
     * @return the URL, or {@code null} if it cannot be known exactly (a decoded {@code #} or {@code \}, or a
     *     {@code .}/{@code ..} path segment that the browser would remove)
     */
    static String build(LinkScanner scanner, byte[] s, String scheme, byte[] host, int hostEnd, int end, UrlBuilder u) {
        u.clear();
        u.ascii(scheme).ascii("://").ascii(host);
        int pathStart = u.length();
        boolean query = false;
        int j = hostEnd;
        while (j < end) {
            int c = s[j] & 0xFF;
            if (c >= 0x80) {
                int k = j + 1;
                while (k < end && s[k] < 0) {
                    k++;
                }
                scanner.appendNonAscii(s, j, k, u);
                j = k;
                continue;
            }
            if (c != '\\' && c != '&') {
                j++;
                query |= c == '?';
                if (query ? LinkChars.ENCODE_QUERY[c] : LinkChars.ENCODE_PATH[c]) {
                    u.percentByte(c);
                } else {
                    u.ascii(c);
                }
                continue;
            }
            long r = c == '\\' ? References.escape(s, j, end, true) : References.entity(s, j, end, true);
            int cp;
            if (References.length(r) == 0) {
                cp = c; // a plain '&' (a backslash that is no escape has ended the link before)
                j++;
            } else {
                cp = References.value(r);
                j += References.length(r);
                if (c == '\\' && cp >= 0xD800 && cp <= 0xDBFF) {
                    long low = j < end && s[j] == '\\' ? References.escape(s, j, end, true) : 0;
                    int lv = References.value(low);
                    if (References.length(low) == 6 && lv >= 0xDC00 && lv <= 0xDFFF) {
                        cp = Character.toCodePoint((char) cp, (char) lv);
                        j += 6;
                    }
                }
            }
            // a character that was escaped in the markup or the string
            if (cp == '#' || cp == '\\' || cp == 0) {
                return null;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            query |= cp == '?';
            if (cp >= 0x80 || (query ? LinkChars.ENCODE_QUERY[cp] : LinkChars.ENCODE_PATH[cp])) {
                u.percentEncoded(cp);
            } else {
                u.ascii(cp);
            }
        }
        String target = u.toString();
        if ((target.indexOf("/.", pathStart) >= 0 || target.indexOf('%', pathStart) >= 0)
                && hasDotSegment(target, pathStart)) {
            return null;
        }
        return target;
    }

    /** Whether the path holds a {@code .} or {@code ..} segment (also as {@code %2e}), which browsers resolve. */
    static boolean hasDotSegment(String u, int pathStart) {
        int n = u.length();
        int segment = pathStart + 1;
        for (int i = segment; i <= n; i++) {
            char c = i < n ? u.charAt(i) : '/';
            if (c == '?') {
                c = '/';
                n = i;
            }
            if (c == '/') {
                if (isDots(u, segment, i)) {
                    return true;
                }
                segment = i + 1;
            }
        }
        return false;
    }

    private static boolean isDots(String u, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end) {
            if (u.charAt(i) == '.') {
                i++;
            } else if (i + 3 <= end
                    && u.charAt(i) == '%'
                    && u.charAt(i + 1) == '2'
                    && (u.charAt(i + 2) | 0x20) == 'e') {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }

    /** Whether the query (from {@code queryAt}, the {@code ?}) already holds a signing parameter. */
    static boolean alreadySigned(String target, int queryAt) {
        int i = queryAt + 1;
        int n = target.length();
        while (i < n) {
            int amp = target.indexOf('&', i);
            int end = amp < 0 ? n : amp;
            for (String name : SIGNING_PARAMETERS) {
                int e = i + name.length();
                if (e < end && target.charAt(e) == '=' && target.startsWith(name, i)) {
                    return true;
                }
            }
            i = end + 1;
        }
        return false;
    }

    /** The URL without its query, for a log line: signatures and tokens in a query stay out of logs. */
    static String withoutQuery(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q) + "?...";
    }

    /**
     * The URL the scanner asks the signer for, for the link it is examining; {@code null} if the link cannot be
     * signed (see {@link #build}) or is signed already.
     */
    static String toSign(LinkScanner scanner, byte[] s, String scheme, ScannedLink c, UrlBuilder url) {
        String target = build(scanner, s, scheme, c.host.lower, c.hostEnd, c.end, url);
        if (target == null) {
            return null;
        }
        int queryAt = target.indexOf('?');
        return queryAt >= 0 && alreadySigned(target, queryAt) ? null : target;
    }
}
