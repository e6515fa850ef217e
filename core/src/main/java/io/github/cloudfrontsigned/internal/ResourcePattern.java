package io.github.cloudfrontsigned.internal;

import java.util.Arrays;

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
 * Matching reads each URL character once, with no backtracking: a bit-parallel NFA whose state is one bit per
 * Resource token ({@code **} counts as one {@code *}), touching only the 64-bit words that hold live states, and
 * dropping the states a live {@code *} makes useless (see {@link #prune}). So the {@code *a*a*a...} patterns that
 * made the old matcher take O(URL &times; Resource) steps take a few words per URL character, and a live
 * trailing {@code *} ends the match at once. The bound for any pattern is one step per URL character per 64
 * live tokens: linear in the URL for Resources of up to 63 tokens; a Resource full of {@code ?} in front of a
 * URL section delimiter can keep up to all its tokens live (at most 8,192 &times; 97 word steps within the
 * verifier's limits). Thread safety: immutable.
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
    /** 64-bit words holding one bit per NFA state (tokens and the accepting state). */
    private final int words;
    /** The NFA's masks, built on first use (a benign race builds equal ones). */
    private long[][] masks;

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
        for (int i = 0; i < effective.length(); i++) {
            char c = effective.charAt(i);
            int origin = Math.max(0, Math.min(resource.length(), i - shift));
            if (appendedSlash && i == effective.length() - 1) {
                origin = resource.length();
            }
            if (c == '\\' && i + 1 < effective.length()) {
                t[n] = effective.charAt(++i);
            } else if (c == '*') {
                if (n > 0 && t[n - 1] == STAR) {
                    continue; // ** matches what * matches: one state, not two
                }
                t[n] = STAR;
            } else if (c == '?') {
                t[n] = ANY_ONE;
            } else {
                t[n] = c;
            }
            o[n++] = origin;
        }
        this.tokens = Arrays.copyOf(t, n);
        this.offsets = Arrays.copyOf(o, n);
        this.everything = resource.equals("*");
        this.trailingStar = n > 0 && tokens[n - 1] == STAR;
        boolean literal = true;
        for (int i = 0; i < (trailingStar ? n - 1 : n); i++) {
            literal &= tokens[i] >= 0;
        }
        if (literal) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < (trailingStar ? n - 1 : n); i++) {
                sb.append((char) tokens[i]);
            }
            this.literalPrefix = sb.toString();
        } else {
            this.literalPrefix = null;
        }
        this.words = (n + 1 + 63) >>> 6;
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
        return matches(url, new VerificationCost());
    }

    /** As {@link #matches(String)}, counting the steps taken. */
    public boolean matches(String url, VerificationCost cost) {
        if (everything) {
            return true;
        }
        if (literalPrefix != null) {
            cost.step(Math.min(url.length(), literalPrefix.length()));
            return trailingStar ? url.startsWith(literalPrefix) : url.equals(literalPrefix);
        }
        return simulate(url, cost) == null;
    }

    /**
     * Where the URL stops matching.
     *
     * @return {@code null} if the Resource matches; else the mismatch
     */
    public Mismatch mismatch(String url) {
        return mismatch(url, new VerificationCost());
    }

    /** As {@link #mismatch(String)}, counting the steps taken. */
    public Mismatch mismatch(String url, VerificationCost cost) {
        if (everything || literalPrefix != null && matches(url, cost)) {
            return null;
        }
        return simulate(url, cost);
    }

    /**
     * The steps {@link #matches(String, VerificationCost)} takes at most for a URL of this length: every 64-bit
     * word of state per URL character (usually far fewer are live).
     */
    public long cost(int urlLength) {
        return (long) urlLength * words + tokens.length;
    }

    /**
     * Runs the pattern as a bit-parallel NFA over the URL, reading every character once; counts the words it
     * touches as steps. {@code null} when it accepts.
     */
    private Mismatch simulate(String url, VerificationCost cost) {
        int m = tokens.length;
        Sections sections = Sections.of(url);
        long[][] masks = masks();
        long[] star = masks[STAR_MASK];
        long[] any = masks[ANY_MASK];
        long lastStarBit = trailingStar ? 1L << (m - 1) : 0;
        int lastStarWord = Math.max(0, m - 1) >>> 6;
        long[] cur = new long[words];
        long[] next = new long[words];
        cur[0] = 1L | ((1L & star[0]) << 1);
        int lo = 0;
        int hi = 0;
        long steps = m;
        int delimiter = sections.nextDelimiter(0);
        for (int i = 0; i < url.length(); i++) {
            if ((cur[lastStarWord] & lastStarBit) != 0) {
                cost.step(steps);
                return null; // the trailing * matches the rest of the URL, whatever it is
            }
            char c = url.charAt(i);
            long[] literal = c < ASCII ? masks[c] : masks.length > ASCII + 2 ? otherMask(c) : null;
            long keep = i == delimiter ? 0 : -1L;
            long carry = 0;
            long closureCarry = 0;
            int top = Math.min(words - 1, hi + 1);
            int newLo = -1;
            int newHi = -1;
            for (int w = lo; w <= top; w++) {
                long states = cur[w];
                long consume = states & (literal == null ? any[w] : any[w] | literal[w]);
                long v = (consume << 1) | carry | (states & star[w] & keep) | closureCarry;
                carry = consume >>> 63;
                long starred = v & star[w];
                v |= starred << 1;
                closureCarry = starred >>> 63;
                next[w] = v;
                if (v != 0) {
                    newLo = newLo < 0 ? w : newLo;
                    newHi = w;
                }
            }
            steps += top - lo + 1;
            if (newLo < 0) {
                cost.step(steps);
                return new Mismatch(i, furthest(cur), sections.name(i));
            }
            for (int w = lo; w <= top; w++) {
                cur[w] = 0;
            }
            if (i == delimiter) {
                delimiter = sections.nextDelimiter(i + 1);
            }
            lo = prune(next, newLo, newHi, delimiter < url.length() ? url.charAt(delimiter) : -1, masks);
            hi = newHi;
            long[] swap = cur;
            cur = next;
            next = swap;
        }
        cost.step(steps);
        return (cur[m >>> 6] & (1L << m)) != 0 || (cur[lastStarWord] & lastStarBit) != 0
                ? null
                : new Mismatch(url.length(), furthest(cur), sections.name(url.length()));
    }

    /**
     * Drops the states a live {@code *} makes useless, which keeps the live states few for the patterns that made
     * the matcher slow ({@code *a*a*a...}). With J the highest live star, a state i below it is dominated when no
     * token from i up to J can match the next delimiter character: every way on from i reaches J before that
     * delimiter, and J, consuming the same characters, is already there. Whether the URL matches, where it stops
     * matching and the furthest live state are unchanged.
     *
     * @return the lowest word still holding a live state
     */
    private int prune(long[] states, int lo, int hi, int delimiterChar, long[][] masks) {
        long[] star = masks[STAR_MASK];
        int highestStar = -1;
        for (int w = hi; w >= lo && highestStar < 0; w--) {
            long s = states[w] & star[w];
            if (s != 0) {
                highestStar = (w << 6) + 63 - Long.numberOfLeadingZeros(s);
            }
        }
        if (highestStar <= 0) {
            return lo;
        }
        // the highest token below the star that could consume the delimiter ahead
        int keepUpTo = -1;
        if (delimiterChar >= 0) {
            long[] any = masks[ANY_MASK];
            long[] literal = delimiterChar < ASCII ? masks[delimiterChar] : null;
            for (int w = highestStar >>> 6; w >= lo && keepUpTo < 0; w--) {
                long candidates = any[w] | (literal == null ? 0 : literal[w]);
                if (w == highestStar >>> 6) {
                    candidates &= (1L << (highestStar & 63)) - 1;
                }
                if (candidates != 0) {
                    keepUpTo = (w << 6) + 63 - Long.numberOfLeadingZeros(candidates);
                }
            }
        }
        for (int w = Math.max(lo, (keepUpTo + 1) >>> 6); w <= highestStar >>> 6; w++) {
            long clear = -1L;
            if (w == (keepUpTo + 1) >>> 6) {
                clear &= -1L << ((keepUpTo + 1) & 63);
            }
            if (w == highestStar >>> 6) {
                clear &= (1L << (highestStar & 63)) - 1;
            }
            states[w] &= ~clear;
        }
        int newLo = lo;
        while (newLo < hi && states[newLo] == 0) {
            newLo++;
        }
        return newLo;
    }

    private static final int ASCII = 128;
    private static final int STAR_MASK = ASCII;
    private static final int ANY_MASK = ASCII + 1;

    /**
     * Per character, the tokens it matches literally: index {@code c < 128} for ASCII, then the star and
     * any-one masks, then pairs of (character, mask) for other characters. Built once per pattern.
     */
    private long[][] masks() {
        long[][] m = masks;
        if (m != null) {
            return m;
        }
        int others = 0;
        for (int t : tokens) {
            others += t >= ASCII ? 1 : 0;
        }
        m = new long[ASCII + 2 + 2 * others][];
        m[STAR_MASK] = new long[words];
        m[ANY_MASK] = new long[words];
        int o = ASCII + 2;
        for (int j = 0; j < tokens.length; j++) {
            int t = tokens[j];
            long[] mask;
            if (t == STAR) {
                mask = m[STAR_MASK];
            } else if (t == ANY_ONE) {
                mask = m[ANY_MASK];
            } else if (t < ASCII) {
                mask = m[t] != null ? m[t] : (m[t] = new long[words]);
            } else {
                mask = new long[words];
                m[o++] = new long[] {t};
                m[o++] = mask;
            }
            mask[j >>> 6] |= 1L << j;
        }
        masks = m;
        return m;
    }

    /** The literal mask of a non-ASCII character: the OR of the pattern's masks for it, or {@code null}. */
    private long[] otherMask(char c) {
        long[][] m = masks;
        long[] combined = null;
        for (int o = ASCII + 2; o < m.length; o += 2) {
            if (m[o][0] == c) {
                if (combined == null) {
                    combined = new long[words];
                }
                for (int w = 0; w < words; w++) {
                    combined[w] |= m[o + 1][w];
                }
            }
        }
        return combined;
    }

    /** The Resource offset of the furthest live state: what the Resource expected next. */
    private int furthest(long[] states) {
        for (int w = words - 1; w >= 0; w--) {
            if (states[w] != 0) {
                int j = (w << 6) + 63 - Long.numberOfLeadingZeros(states[w]);
                return j >= tokens.length ? resource.length() : offsets[j];
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

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Mismatch)) {
                return false;
            }
            Mismatch other = (Mismatch) o;
            return urlPosition == other.urlPosition
                    && resourcePosition == other.resourcePosition
                    && java.util.Objects.equals(section, other.section);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(urlPosition, resourcePosition, section);
        }

        @Override
        public String toString() {
            return "Mismatch[urlPosition=" + urlPosition
                    + ", resourcePosition=" + resourcePosition
                    + ", section=" + section + "]";
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

        /** @return the first delimiter position at or after {@code from}, or a position past the URL if none */
        int nextDelimiter(int from) {
            int best = Integer.MAX_VALUE;
            if (schemeSeparator >= 0 && from < schemeSeparator + 3) {
                best = Math.max(from, schemeSeparator);
            }
            if (pathStart >= from) {
                best = Math.min(best, pathStart);
            }
            if (queryStart >= from) {
                best = Math.min(best, queryStart);
            }
            return best;
        }

        boolean isDelimiter(int i) {
            return (schemeSeparator >= 0 && i >= schemeSeparator && i < schemeSeparator + 3)
                    || i == pathStart
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
