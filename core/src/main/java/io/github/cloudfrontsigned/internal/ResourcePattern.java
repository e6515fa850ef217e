package io.github.cloudfrontsigned.internal;

/**
 * A custom policy's {@code Resource} as CloudFront matches it against a requested URL.
 *
 * <p>The rules, from "Values that you specify in the Resource" in
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html">
 * Create a signed URL using a custom policy</a>:
 * <ul>
 *   <li>{@code *} matches zero or more characters and {@code ?} exactly one; every other character matches
 *       itself, byte for byte (no decoding, no case folding).</li>
 *   <li>A URL has four sections, {@code [protocol]://[domain]/[path]?[query]}, and a {@code *} matches only
 *       inside one: it never consumes the {@code ://}, the {@code /} that starts the path or the {@code ?} that
 *       starts the query.</li>
 *   <li>Except a trailing {@code *}: it matches the rest of the URL. So {@code http://example.com/hello*} also
 *       matches any query ({@code hello*\?*}) and {@code http://example.com*} any path and query.</li>
 *   <li>A Resource without a protocol that starts with {@code *} has an implied {@code *://}, and a root path
 *       when it has none: {@code *example.com} is {@code *://*example.com/}. {@code *} alone matches any URL.</li>
 *   <li>A backslash makes the next character literal (the 2023 guide wrote the query's {@code ?} as
 *       {@code \?}).</li>
 * </ul>
 * Matching costs O(URL length &times; Resource length) in the worst case and is linear for a Resource with
 * no wildcard or only a trailing {@code *}. Thread safety: immutable.
 */
public final class ResourcePattern {

    private static final int ANY_ONE = -1;
    private static final int STAR = -2;

    private final String resource;
    /** A character, {@link #ANY_ONE} or {@link #STAR}, per token. */
    private final int[] tokens;
    /** The offset in {@link #resource} each token comes from (for marking a mismatch). */
    private final int[] offsets;
    private final boolean everything;
    /** Non-null when the Resource is literal text followed by at most one trailing {@code *}. */
    private final String literalPrefix;
    private final boolean trailingStar;

    private ResourcePattern(String resource) {
        this.resource = resource;
        String effective = resource;
        int shift = 0;
        boolean appendedSlash = false;
        if (resource.indexOf("://") < 0 && resource.startsWith("*") && !resource.equals("*")) {
            effective = "*://" + resource;
            shift = 4;
            if (resource.indexOf('/') < 0) {
                effective += "/";
                appendedSlash = true;
            }
        }
        int[] t = new int[effective.length()];
        int[] o = new int[effective.length()];
        int n = 0;
        boolean literal = true;
        for (int i = 0; i < effective.length(); i++) {
            char c = effective.charAt(i);
            int origin = Math.max(0, Math.min(resource.length(), i - shift));
            if (appendedSlash && i == effective.length() - 1) {
                origin = resource.length();
            }
            if (c == '\\' && i + 1 < effective.length()) {
                t[n] = effective.charAt(++i);
            } else if (c == '*') {
                t[n] = STAR;
                if (i != effective.length() - 1) {
                    literal = false;
                }
            } else if (c == '?') {
                t[n] = ANY_ONE;
                literal = false;
            } else {
                t[n] = c;
            }
            o[n++] = origin;
        }
        this.tokens = java.util.Arrays.copyOf(t, n);
        this.offsets = java.util.Arrays.copyOf(o, n);
        this.everything = resource.equals("*");
        this.trailingStar = n > 0 && tokens[n - 1] == STAR;
        if (literal) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < (trailingStar ? n - 1 : n); i++) {
                sb.append((char) tokens[i]);
            }
            this.literalPrefix = sb.toString();
        } else {
            this.literalPrefix = null;
        }
    }

    /** Compiles a Resource exactly as it appears in the policy. */
    public static ResourcePattern of(String resource) {
        return new ResourcePattern(resource);
    }

    /** @return the Resource as given */
    public String resource() {
        return resource;
    }

    /**
     * @param url the requested URL, {@code scheme://host/path?query}, without signing parameters
     * @return whether CloudFront's rules let this Resource cover the URL
     */
    public boolean matches(String url) {
        if (everything) {
            return true;
        }
        if (literalPrefix != null) {
            return trailingStar ? url.startsWith(literalPrefix) : url.equals(literalPrefix);
        }
        return simulate(url) == null;
    }

    /**
     * Where the URL stops matching.
     *
     * @return {@code null} if the Resource matches; else the mismatch
     */
    public Mismatch mismatch(String url) {
        if (matches(url)) {
            return null;
        }
        return simulate(url);
    }

    /** Runs the pattern as an NFA over the URL; {@code null} when it accepts. */
    private Mismatch simulate(String url) {
        int m = tokens.length;
        Sections sections = Sections.of(url);
        boolean[] cur = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        cur[0] = true;
        closure(cur);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean delimiter = sections.isDelimiter(i);
            java.util.Arrays.fill(next, false);
            boolean alive = false;
            for (int j = 0; j < m; j++) {
                if (!cur[j]) {
                    continue;
                }
                int t = tokens[j];
                if (t == STAR) {
                    if (!delimiter || j == m - 1) {
                        next[j] = true;
                        alive = true;
                    }
                } else if (t == ANY_ONE || t == c) {
                    next[j + 1] = true;
                    alive = true;
                }
            }
            if (!alive) {
                return new Mismatch(i, furthest(cur), sections.name(i));
            }
            closure(next);
            boolean[] swap = cur;
            cur = next;
            next = swap;
        }
        return cur[m] ? null : new Mismatch(url.length(), furthest(cur), sections.name(url.length()));
    }

    private void closure(boolean[] states) {
        for (int j = 0; j < tokens.length; j++) {
            if (states[j] && tokens[j] == STAR) {
                states[j + 1] = true;
            }
        }
    }

    /** The Resource offset of the furthest live state: what the Resource expected next. */
    private int furthest(boolean[] states) {
        for (int j = tokens.length; j >= 0; j--) {
            if (states[j]) {
                return j == tokens.length ? resource.length() : offsets[j];
            }
        }
        return 0;
    }

    /**
     * Where a URL stops matching a Resource.
     *
     * @param urlPosition the first URL character no match can consume, or the URL's length when the URL ended
     *     too early
     * @param resourcePosition the Resource character the longest partial match expected there
     * @param section {@code protocol}, {@code domain}, {@code path} or {@code query}
     */
    public record Mismatch(int urlPosition, int resourcePosition, String section) {

        /** One line: where they part and which characters each has there. */
        public String summary(String resource, String url) {
            if (urlPosition >= url.length()) {
                return "the URL ends at position " + urlPosition + " where the Resource continues with "
                        + TextDiff.charAt(resource, resourcePosition);
            }
            return "they differ in the " + section + " at position " + urlPosition + " of the URL: the URL has "
                    + TextDiff.charAt(url, urlPosition) + " where the Resource has "
                    + TextDiff.charAt(resource, resourcePosition);
        }

        /** The Resource and the URL, one above the other, each with a caret at the difference. */
        public String diagram(String resource, String url) {
            return TextDiff.diagram("Resource", resource, resourcePosition, "URL", url, urlPosition);
        }
    }

    /** The section boundaries of a URL: the {@code ://}, the {@code /} starting the path, the {@code ?}. */
    static final class Sections {
        final int schemeSeparator;
        final int pathStart;
        final int queryStart;

        private Sections(int schemeSeparator, int pathStart, int queryStart) {
            this.schemeSeparator = schemeSeparator;
            this.pathStart = pathStart;
            this.queryStart = queryStart;
        }

        public static Sections of(String url) {
            int separator = url.indexOf("://");
            int hostStart = separator < 0 ? 0 : separator + 3;
            int pathStart = -1;
            int queryStart = -1;
            for (int i = hostStart; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '?') {
                    queryStart = i;
                    break;
                }
                if (c == '/' && pathStart < 0) {
                    pathStart = i;
                }
            }
            return new Sections(separator, pathStart, queryStart);
        }

        boolean isDelimiter(int i) {
            return (schemeSeparator >= 0 && i >= schemeSeparator && i < schemeSeparator + 3) || i == pathStart
                    || i == queryStart;
        }

        String name(int i) {
            if (queryStart >= 0 && i >= queryStart) {
                return "query";
            }
            if (pathStart >= 0 && i >= pathStart) {
                return "path";
            }
            if (schemeSeparator >= 0 && i >= schemeSeparator + 3) {
                return "domain";
            }
            return schemeSeparator >= 0 ? "protocol" : "domain";
        }
    }
}
