package io.github.cloudfrontsigned.rewrite;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The scanner's hot loop: finds the next byte that may matter, eight bytes at a time (SWAR on {@code long}
 * words read little-endian). What matters is an anchor (the rarest pair of adjacent bytes of a protected host
 * name, case-insensitive) and, depending on the markup state, a {@code <} that may open or close a
 * {@code script}/{@code style} element or an XML comment or CDATA section, or the {@code >} that may end one.
 * Static and allocation-free, so the JIT inlines it into the scanner.
 *
 * <p>Two searches. The word search ({@link #findPair}, {@link #findAnchor}, {@link #findSingle}) tests the pairs
 * on every word of the bytes. The flagged search, used where the scanner spends most of its time (markup outside
 * {@code script}/{@code style}, plain text) with a single anchor pair and a marks array from the wrapper, first
 * marks the bytes that may start or end a pair ({@link #flag}: a loop HotSpot's C2 compiles to SIMD code), then
 * tests pairs of marks, 32 bytes per step ({@link #findFlagged}): about twice as fast on a page without links.
 * Both do work linear in the bytes searched; every hit is verified.
 */
final class AnchorSearch {

    /** In HTML text: {@code <script} or {@code <style}. */
    static final int OPEN_HTML = 0;
    /** In XML text: {@code <!} (a comment or CDATA section). */
    static final int OPEN_XML = 1;
    /** Inside a script element: {@code </script}. */
    static final int CLOSE_SCRIPT = 2;
    /** Inside a style element: {@code </style}. */
    static final int CLOSE_STYLE = 3;
    /** Plain text: anchors only ({@link #flag} and {@link #findFlagged}). */
    static final int TEXT = 4;

    /**
     * Whether scanners use the flagged search: on HotSpot's server compiler (C2), which compiles {@link #flag}
     * to SIMD instructions; elsewhere (OpenJ9, for example) that loop may stay scalar and the word search is
     * faster. The system property {@value #FLAGGED_PROPERTY} ({@code true} or {@code false}) overrides it.
     */
    static final boolean FLAGGED;
    /** The system property that turns the flagged search on or off. */
    static final String FLAGGED_PROPERTY = "io.github.cloudfrontsigned.rewrite.flaggedSearch";

    static {
        FLAGGED = flaggedSearch(System.getProperty("java.vm.name", ""), System.getProperty(FLAGGED_PROPERTY));
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long CASE = 0x2020202020202020L;
    private static final long LT = '<' * ONES;
    private static final long GT = '>' * ONES;

    private static final long MASK2 = 0xFFFFL;
    private static final long MASK6 = 0xFFFF_FFFF_FFFFL;
    private static final long MASK7 = 0xFF_FFFF_FFFF_FFFFL;
    private static final long PATTERN_SCRIPT = pattern("<script");
    private static final long PATTERN_STYLE = pattern("<style");
    private static final long PATTERN_BANG = pattern("<!");
    private static final long PATTERN_CLOSE_SCRIPT = pattern("</script");
    private static final long PATTERN_CLOSE_STYLE = pattern("</style");
    /** The byte after {@code <} of each tag kind, lower case. */
    private static final int[] SECOND = {'s', '!', '/', '/'};

    private AnchorSearch() {}

    /** Whether to use the flagged search on the VM named {@code vmName}, given the property's value or null. */
    static boolean flaggedSearch(String vmName, String property) {
        return property != null ? Boolean.parseBoolean(property) : vmName.contains("Server VM");
    }

    private static long pattern(String text) {
        long v = 0;
        for (int k = 0; k < text.length(); k++) {
            v |= (long) ((text.charAt(k) | 0x20) & 0xFF) << (8 * k);
        }
        return v;
    }

    /**
     * The high bit of every lane of {@code x} that is zero, and possibly of lanes above a zero lane (a borrow):
     * callers verify every hit, so that is only a little wasted work.
     */
    private static long zeros(long x) {
        return (x - ONES) & ~x & HIGH;
    }

    /** The eight bytes at {@code s[i]}, little-endian, with bit 0x20 set in each (ASCII lower case). */
    private static long lowered(byte[] s, int i) {
        return (long) LONG.get(s, i) | CASE;
    }

    /** Lanes of {@code wc} where an anchor pair starts ({@code next}: the word one byte further). */
    private static long anchorHits(LinkMatcher m, long wc, long next) {
        long hits = zeros((wc ^ m.a0) | (next ^ m.b0));
        if (m.anchorCount > 1) {
            hits |= zeros((wc ^ m.a1) | (next ^ m.b1))
                    | zeros((wc ^ m.a2) | (next ^ m.b2))
                    | zeros((wc ^ m.a3) | (next ^ m.b3));
        }
        return hits;
    }

    /**
     * A quick look at an anchor byte: false only if it certainly does not belong to a link (with a single host,
     * the host name and common path must be there; nothing before {@code floor} may start a host).
     */
    static boolean acceptAnchor(byte[] s, int q, int to, LinkMatcher m, int floor) {
        if (!m.singleHost) {
            return true;
        }
        int hostStart = q - m.filterOffset;
        if (hostStart < floor) {
            return false;
        }
        int hostEnd = hostStart + m.hostLength;
        if (hostEnd < to && s[hostEnd] == '\\') {
            return true; // a JSON-escaped path: the full check decides
        }
        int[] offsets = m.chunkOffsets;
        for (int c = 0; c < offsets.length; c++) {
            int at = hostStart + offsets[c];
            if (at + 8 > to) {
                return true; // the rest is not here yet
            }
            if ((((long) LONG.get(s, at) | m.chunkCases[c]) & m.chunkMasks[c]) != m.chunkPatterns[c]) {
                return false;
            }
        }
        return true;
    }

    /** A quick look at {@code <}: false only if it certainly is not the start of a tag of this kind. */
    static boolean acceptTag(byte[] s, int q, int to, int tags) {
        if (q + 8 > to) {
            return true;
        }
        long w = lowered(s, q);
        switch (tags) {
            case OPEN_HTML:
                return (w & MASK7) == PATTERN_SCRIPT || (w & MASK6) == PATTERN_STYLE;
            case OPEN_XML:
                return (w & MASK2) == PATTERN_BANG;
            case CLOSE_SCRIPT:
                return w == PATTERN_CLOSE_SCRIPT;
            default:
                return (w & MASK7) == PATTERN_CLOSE_STYLE;
        }
    }

    /** Whether {@code s[i]} may start an anchor pair (the second byte is not known at the end of the input). */
    private static boolean isAnchor(byte[] s, int i, int to, LinkMatcher m) {
        return i + 1 < to ? m.isAnchor(s[i], s[i + 1]) : m.isAnchor(s[i]);
    }

    /** The next anchor in {@code s[i, to)}, or {@code to}. */
    static int findAnchor(byte[] s, int i, int to, LinkMatcher m, int floor) {
        if (m.anchorCount <= 4) {
            for (int limit = to - 9; i <= limit; i += 8) {
                long hits = anchorHits(m, lowered(s, i), lowered(s, i + 1));
                while (hits != 0) {
                    int q = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (acceptAnchor(s, q, to, m, floor)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        for (; i < to; i++) {
            if (isAnchor(s, i, to, m) && acceptAnchor(s, i, to, m, floor)) {
                return i;
            }
        }
        return to;
    }

    /** The next anchor, or {@code <} that may start a tag of the kind {@code tags}, or {@code to}. */
    static int findPair(byte[] s, int i, int to, LinkMatcher m, int floor, int tags) {
        int second = SECOND[tags];
        if (m.anchorCount <= 4) {
            long pair = second * ONES;
            for (int limit = to - 9; i <= limit; i += 8) {
                long wc = lowered(s, i);
                long next = lowered(s, i + 1);
                long hits = anchorHits(m, wc, next) | zeros((wc ^ LT) | (next ^ pair));
                while (hits != 0) {
                    int q = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (s[q] == '<' ? acceptTag(s, q, to, tags) : acceptAnchor(s, q, to, m, floor)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        for (; i < to; i++) {
            if (s[i] == '<') {
                if (i + 1 >= to || (s[i + 1] | 0x20) == second && acceptTag(s, i, to, tags)) {
                    return i;
                }
            } else if (isAnchor(s, i, to, m) && acceptAnchor(s, i, to, m, floor)) {
                return i;
            }
        }
        return to;
    }

    /** The second byte of {@code <} in {@link #flag}'s marks for {@code tags}, or the anchor's for {@link #TEXT}. */
    static int flagSecond(LinkMatcher m, int tags) {
        return tags == TEXT ? m.anchorSecond : SECOND[tags];
    }

    /**
     * Pass one of the flagged search: marks each byte of {@code s[from, to)} in {@code f} at the same index, bit 7
     * if it (ASCII lower case) may start a pair, bit 6 if it may end one: the anchor's first and second byte and,
     * unless {@code tags} is {@link #TEXT}, {@code <} and the byte after it for {@code tags}. Bit 6 is also set for
     * those second bytes with bit 7 flipped (non-ASCII, so never a real hit: callers verify every hit). The loop
     * reads and writes the same index of two arrays with only and, or, xor and subtraction, the shape C2
     * compiles to SIMD instructions (16 to 64 bytes per step) on Java 17; with a different index for each array
     * it would stay scalar.
     */
    static void flag(byte[] s, byte[] f, int from, int to, LinkMatcher m, int tags) {
        int a = m.anchorFirst;
        int b = m.anchorSecond;
        int lt = tags == TEXT ? a : '<';
        int t = flagSecond(m, tags);
        for (int j = from; j < to; j++) {
            int c = s[j] | 0x20;
            int x = c ^ a;
            int y = c ^ lt;
            int u = c ^ b;
            int v = c ^ t;
            // the low byte of (x - 1) & ~x has bit 7 set iff x's low byte is 0, bit 6 iff it is 0 or 0x80
            f[j] = (byte) (((x - 1) & ~x | (y - 1) & ~y) & 0x80 | ((u - 1) & ~u | (v - 1) & ~v) & 0x40);
        }
    }

    /**
     * Pass two of the flagged search, over marks {@link #flag} made for {@code s[i, to)} with the same
     * {@code tags}: the next anchor or {@code <} that may start a tag of the kind {@code tags} ({@link #TEXT}:
     * anchors only), or {@code to}. Finds the anchors and tags {@link #findPair} ({@link #findAnchor} for
     * {@link #TEXT}) finds, in about half the time; for one anchor pair only ({@code m.anchorCount == 1}).
     */
    static int findFlagged(byte[] s, byte[] f, int i, int to, LinkMatcher m, int floor, int tags) {
        for (int limit = to - 9 - 24; i <= limit; i += 32) {
            long h0 = (long) LONG.get(f, i) & (long) LONG.get(f, i + 1) << 1;
            long h1 = (long) LONG.get(f, i + 8) & (long) LONG.get(f, i + 9) << 1;
            long h2 = (long) LONG.get(f, i + 16) & (long) LONG.get(f, i + 17) << 1;
            long h3 = (long) LONG.get(f, i + 24) & (long) LONG.get(f, i + 25) << 1;
            if (((h0 | h1 | h2 | h3) & HIGH) == 0) {
                continue;
            }
            for (int k = 0; k < 32; k += 8) {
                long hits = (k == 0 ? h0 : k == 8 ? h1 : k == 16 ? h2 : h3) & HIGH;
                while (hits != 0) {
                    int q = i + k + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (acceptFlagged(s, q, to, m, floor, tags)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        return tags == TEXT ? findAnchor(s, i, to, m, floor) : findPair(s, i, to, m, floor, tags);
    }

    /** Whether a mark of {@link #flag} at {@code s[q]} ({@code q + 1 < to}) is what the SWAR searches accept. */
    private static boolean acceptFlagged(byte[] s, int q, int to, LinkMatcher m, int floor, int tags) {
        if (tags != TEXT && s[q] == '<') {
            return (s[q + 1] | 0x20) == SECOND[tags] && acceptTag(s, q, to, tags);
        }
        return m.isAnchor(s[q], s[q + 1]) && acceptAnchor(s, q, to, m, floor);
    }

    /** The next anchor or {@code >}, or {@code to}. */
    static int findSingle(byte[] s, int i, int to, LinkMatcher m, int floor) {
        if (m.anchorCount <= 4) {
            for (int limit = to - 9; i <= limit; i += 8) {
                long wc = lowered(s, i);
                long hits = anchorHits(m, wc, lowered(s, i + 1)) | zeros(wc ^ GT);
                while (hits != 0) {
                    int q = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (s[q] == '>' || acceptAnchor(s, q, to, m, floor)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        for (; i < to; i++) {
            if (s[i] == '>' || isAnchor(s, i, to, m) && acceptAnchor(s, i, to, m, floor)) {
                return i;
            }
        }
        return to;
    }
}
