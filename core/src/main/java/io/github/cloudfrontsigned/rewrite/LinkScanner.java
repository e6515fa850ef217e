package io.github.cloudfrontsigned.rewrite;

import io.github.cloudfrontsigned.LogText;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The streaming scanner shared by every wrapper. It reads a "shadow" byte array in which ASCII characters are
 * themselves and every non-ASCII unit is some byte {@code >= 0x80} (for ASCII-compatible byte streams the shadow
 * is the body itself), finds links under the protected prefixes and reports the output as runs of the input
 * ({@link #emitRun}) and inserted signing parameters ({@link #emitInsertion}). A link's own text is never
 * changed: the parameters are inserted where its URL ends (before a {@code #fragment}).
 *
 * <p>{@link #scan} is restartable: it returns the index from which the caller must present the bytes again,
 * with more appended, because a candidate could not be decided yet. That retained region is never longer than
 * {@link #maxRetained(int)}; everything before it has been emitted. Not thread-safe: one instance per stream.
 */
abstract class LinkScanner {

    /** How many already emitted bytes are kept to look back at a link's scheme and context. */
    static final int TAIL = 64;
    /** Bytes past a link's maximum length that a decision may need (escape and entity look-ahead). */
    static final int LOOKAHEAD = 16;

    static final int SNIFF = 0;
    static final int HTML = 1;
    static final int XML = 2;
    static final int TEXT = 3;

    private static final int NORMAL = 0;
    private static final int SCRIPT_TAG = 1;
    private static final int STYLE_TAG = 2;
    private static final int SCRIPT_RAW = 3;
    private static final int STYLE_RAW = 4;
    private static final int COMMENT = 5;
    private static final int CDATA = 6;

    private static final int PLAIN = 0;
    private static final int ENTITY = 1;
    private static final int UNICODE_ESCAPE = 2;

    /** {@link #get} for a position before the start of the stream. */
    private static final int BOS = -1;
    /** {@link #get} for a position further back than the kept tail. */
    private static final int UNKNOWN = -2;
    /** Result of a reference or escape parse that needs more bytes. */
    private static final int NEED = -1;
    /** {@link #entityValue} of a named reference this scanner does not know. */
    private static final int UNKNOWN_ENTITY = -1;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long CASE = 0x2020202020202020L;
    private static final long LT = '<' * ONES;
    private static final long GT = '>' * ONES;

    private static final byte[] SEPARATOR_PLAIN = {'&'};
    private static final byte[] SEPARATOR_ENTITY = {'&', 'a', 'm', 'p', ';'};
    private static final byte[] SEPARATOR_UNICODE = {'\\', 'u', '0', '0', '2', '6'};
    private static final String[] SIGNING_PARAMETERS = {"Expires", "Policy", "Signature", "Key-Pair-Id",
        "Hash-Algorithm"};
    private static final String[] QUOTE_REFERENCES = {"&quot", "&apos", "&#34", "&#39", "&#x22", "&#x27"};

    /** Ends a link: controls, space, DEL, quotes, backtick, angle brackets. */
    private static final boolean[] TERMINATOR = new boolean[256];
    /** Needs a closer look inside a link: terminators and \ & # , { } $ ). */
    private static final boolean[] BODY_SPECIAL = new boolean[256];
    /** The same inside an HTML comment (also -) and a CDATA section (also ]). */
    private static final boolean[] BODY_SPECIAL_COMMENT = new boolean[256];
    private static final boolean[] BODY_SPECIAL_CDATA = new boolean[256];
    /** What a signer may return: {@code [A-Za-z0-9-_~=&]}. */
    private static final boolean[] PARAMETER_CHAR = new boolean[256];
    /**
     * Parameter strings already checked against {@link #PARAMETER_CHAR}, by identity: a link signer that remembers
     * its links ({@code CloudFrontSigner.linkSigner}) returns the same instance for a link for minutes, so each
     * is checked once, not on every page. Direct-mapped by identity hash and shared by all streams; races only
     * cost a check (reference writes are atomic). Holds at most 1024 strings (about 0.5 MB of RSA parameters).
     */
    private static final String[] CHECKED = new String[1024];
    /** Characters a browser percent-encodes in a path, and in a query (special schemes). */
    private static final boolean[] ENCODE_PATH = new boolean[128];
    private static final boolean[] ENCODE_QUERY = new boolean[128];

    static {
        for (int c = 0; c <= 0x20; c++) {
            TERMINATOR[c] = true;
        }
        for (char c : "\"'`<>\u007f".toCharArray()) {
            TERMINATOR[c] = true;
        }
        for (int c = 0; c < 256; c++) {
            BODY_SPECIAL[c] = TERMINATOR[c];
        }
        for (char c : "\\&#,{}$)".toCharArray()) {
            BODY_SPECIAL[c] = true;
        }
        System.arraycopy(BODY_SPECIAL, 0, BODY_SPECIAL_COMMENT, 0, 256);
        System.arraycopy(BODY_SPECIAL, 0, BODY_SPECIAL_CDATA, 0, 256);
        BODY_SPECIAL_COMMENT['-'] = true;
        BODY_SPECIAL_CDATA[']'] = true;
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~=&".toCharArray()) {
            PARAMETER_CHAR[c] = true;
        }
        for (int c = 0; c <= 0x20; c++) {
            ENCODE_PATH[c] = true;
            ENCODE_QUERY[c] = true;
        }
        ENCODE_PATH[0x7f] = true;
        ENCODE_QUERY[0x7f] = true;
        for (char c : "\"<>`{}".toCharArray()) {
            ENCODE_PATH[c] = true;
        }
        for (char c : "\"<>'".toCharArray()) {
            ENCODE_QUERY[c] = true;
        }
    }

    private static final System.Logger LOG = System.getLogger(LinkRewriter.class.getName());

    private final LinkMatcher matcher;
    private final LinkSigner signer;
    private final String streamScheme;
    private final int maxLinkLength;

    private int mode;
    private int state = NORMAL;
    private boolean skipping;
    private boolean skipCss;
    private final byte[] tail = new byte[TAIL];
    private int tailLen;
    private boolean signerFailureReported;

    // valid during one scan() call
    private byte[] s;
    private int from;
    /** Everything before this index of the current array has been handed to emitRun. */
    int emitted;
    private int floor;
    private int needMore;

    // results of the last entity() / escape() parse
    private int entityValue;

    private final UrlBuilder url = new UrlBuilder();
    private byte[] insertion = new byte[512];
    /** The parameters {@link #insertion} holds, with their syntax and query flag, and its length. */
    private String lastParameters;
    private int lastKey;
    private int lastLength;

    LinkScanner(LinkMatcher matcher, LinkSigner signer, int mode, String streamScheme, int maxLinkLength) {
        this.matcher = matcher;
        this.signer = signer;
        this.mode = mode;
        this.streamScheme = streamScheme;
        this.maxLinkLength = maxLinkLength;
    }

    /** The longest region {@link #scan} may ask to present again. */
    static int maxRetained(int maxLinkLength) {
        return maxLinkLength + LOOKAHEAD;
    }

    /** Writes {@code s[from, to)} unchanged. */
    abstract void emitRun(byte[] s, int from, int to) throws IOException;

    /** Writes {@code len} ASCII bytes of inserted signing parameters. */
    abstract void emitInsertion(byte[] ascii, int len) throws IOException;

    /**
     * Appends the characters at the non-ASCII positions {@code s[from, to)} to a URL, percent-encoded as UTF-8.
     */
    abstract void appendNonAscii(byte[] s, int from, int to, UrlBuilder url);

    /**
     * Scans {@code s[from, to)}, emitting everything that is decided.
     *
     * @param eof whether no more input follows
     * @return the index from which the bytes are retained: the caller presents {@code s[return, to)} again, with
     *     more input appended, on the next call; {@code to} when nothing is retained (always when {@code eof})
     */
    final int scan(byte[] s, int from, int to, boolean eof) throws IOException {
        this.s = s;
        this.from = from;
        this.emitted = from;
        this.floor = from;
        this.needMore = -1;
        int i = from;
        while (true) {
            if (skipping) {
                i = skip(i, to);
                if (skipping) {
                    break;
                }
            }
            if (mode == SNIFF) {
                i = sniff(i, to, eof);
                if (mode == SNIFF) {
                    break;
                }
            }
            int p = find(i, to);
            if (p >= to) {
                break;
            }
            i = dispatch(p, to, eof);
            if (needMore >= 0) {
                break;
            }
        }
        int r = needMore >= 0 ? needMore : to;
        if (needMore < 0 && !eof && !skipping) {
            r = partialHostStart(to);
        }
        emitTo(r);
        keepTail(from, r);
        this.s = null;
        return r;
    }

    private void emitTo(int end) throws IOException {
        if (end > emitted) {
            emitRun(s, emitted, end);
            emitted = end;
        }
    }

    private void keepTail(int start, int end) {
        int n = end - start;
        if (n >= TAIL) {
            System.arraycopy(s, end - TAIL, tail, 0, TAIL);
            tailLen = TAIL;
        } else if (n > 0) {
            int keep = Math.min(tailLen, TAIL - n);
            System.arraycopy(tail, tailLen - keep, tail, 0, keep);
            System.arraycopy(s, start, tail, keep, n);
            tailLen = keep + n;
        }
    }

    /** The byte at {@code idx} (may lie before {@link #from}, in the tail), or {@link #BOS} / {@link #UNKNOWN}. */
    private int get(int idx) {
        if (idx >= from) {
            return s[idx] & 0xFF;
        }
        int back = from - idx;
        if (back <= tailLen) {
            return tail[tailLen - back] & 0xFF;
        }
        return tailLen < TAIL ? BOS : UNKNOWN;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding the next event: an anchor byte of a host, or a markup construct that changes the syntax of links.

    /**
     * The high bit of every lane of {@code x} that is zero, and possibly of lanes above a zero lane (a borrow):
     * callers verify every hit, so that is only a little wasted work.
     */
    private static long zeros(long x) {
        return (x - ONES) & ~x & HIGH;
    }

    private int find(int i, int to) {
        if (mode == TEXT) {
            return findAnchor(i, to);
        }
        switch (state) {
            case NORMAL:
                return findPair(i, to, mode == HTML ? 's' : '!');
            case SCRIPT_RAW:
            case STYLE_RAW:
                return findPair(i, to, '/');
            default:
                return findSingle(i, to);
        }
    }

    private static long pattern(String text) {
        long v = 0;
        for (int k = 0; k < text.length(); k++) {
            v |= (long) ((text.charAt(k) | 0x20) & 0xFF) << (8 * k);
        }
        return v;
    }

    private static final long MASK2 = 0xFFFFL;
    private static final long MASK6 = 0xFFFF_FFFF_FFFFL;
    private static final long MASK7 = 0xFF_FFFF_FFFF_FFFFL;
    private static final long OPEN_SCRIPT = pattern("<script");
    private static final long OPEN_STYLE = pattern("<style");
    private static final long OPEN_BANG = pattern("<!");
    private static final long CLOSE_SCRIPT = pattern("</script");
    private static final long CLOSE_STYLE = pattern("</style");

    /**
     * A quick look at an anchor byte: false only if it certainly does not belong to a link (with a single host,
     * the first eight bytes of the host name must be there).
     */
    private boolean acceptAnchor(int q, int to) {
        LinkMatcher m = matcher;
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

    /** A quick look at {@code <}: false only if it certainly does not change the markup state. */
    private boolean acceptTag(int q, int to) {
        if (q + 8 > to) {
            return true;
        }
        long w = (long) LONG.get(s, q) | CASE;
        if (state == NORMAL) {
            return mode == HTML ? (w & MASK7) == OPEN_SCRIPT || (w & MASK6) == OPEN_STYLE : (w & MASK2) == OPEN_BANG;
        }
        return state == SCRIPT_RAW ? w == CLOSE_SCRIPT : (w & MASK7) == CLOSE_STYLE;
    }

    /** Lanes of {@code wc} where an anchor pair starts ({@code next}: the word one byte further). */
    private long anchorHits(long wc, long next) {
        LinkMatcher m = matcher;
        long hits = zeros((wc ^ m.a0) | (next ^ m.b0));
        if (m.anchorCount > 1) {
            hits |= zeros((wc ^ m.a1) | (next ^ m.b1)) | zeros((wc ^ m.a2) | (next ^ m.b2))
                    | zeros((wc ^ m.a3) | (next ^ m.b3));
        }
        return hits;
    }

    /** Whether {@code s[i]} may start an anchor pair (the second byte is not known at the end of the input). */
    private boolean isAnchor(int i, int to) {
        return i + 1 < to ? matcher.isAnchor(s[i], s[i + 1]) : matcher.isAnchor(s[i]);
    }

    private int findAnchor(int i, int to) {
        byte[] s = this.s;
        if (matcher.anchorCount <= 4) {
            for (int limit = to - 9; i <= limit; i += 8) {
                long hits = anchorHits((long) LONG.get(s, i) | CASE, (long) LONG.get(s, i + 1) | CASE);
                while (hits != 0) {
                    int q = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (acceptAnchor(q, to)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        for (; i < to; i++) {
            if (isAnchor(i, to) && acceptAnchor(i, to)) {
                return i;
            }
        }
        return to;
    }

    /** Next anchor, or {@code <} followed by {@code second} (case-insensitive). */
    private int findPair(int i, int to, int second) {
        byte[] s = this.s;
        if (matcher.anchorCount <= 4) {
            long pair = second * ONES;
            for (int limit = to - 9; i <= limit; i += 8) {
                long wc = (long) LONG.get(s, i) | CASE;
                long next = (long) LONG.get(s, i + 1) | CASE;
                long hits = anchorHits(wc, next) | zeros((wc ^ LT) | (next ^ pair));
                while (hits != 0) {
                    int q = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (s[q] == '<' ? acceptTag(q, to) : acceptAnchor(q, to)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        for (; i < to; i++) {
            int c = s[i];
            if (c == '<') {
                if (i + 1 >= to || (s[i + 1] | 0x20) == second && acceptTag(i, to)) {
                    return i;
                }
            } else if (isAnchor(i, to) && acceptAnchor(i, to)) {
                return i;
            }
        }
        return to;
    }

    /** Next anchor or {@code >}. */
    private int findSingle(int i, int to) {
        byte[] s = this.s;
        if (matcher.anchorCount <= 4) {
            for (int limit = to - 9; i <= limit; i += 8) {
                long wc = (long) LONG.get(s, i) | CASE;
                long hits = anchorHits(wc, (long) LONG.get(s, i + 1) | CASE) | zeros(wc ^ GT);
                while (hits != 0) {
                    int q = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                    if (s[q] == '>' || acceptAnchor(q, to)) {
                        return q;
                    }
                    hits &= hits - 1;
                }
            }
        }
        for (; i < to; i++) {
            int c = s[i];
            if (c == '>' || isAnchor(i, to) && acceptAnchor(i, to)) {
                return i;
            }
        }
        return to;
    }

    private int dispatch(int p, int to, boolean eof) throws IOException {
        int c = s[p] & 0xFF;
        if (matcher.isAnchor(c)) {
            return anchor(p, to, eof);
        }
        if (mode != TEXT) {
            return markup(p, to, eof);
        }
        return p + 1;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stream syntax: sniffing and the few markup constructs that change how a link is escaped.

    private int sniff(int i, int to, boolean eof) {
        for (; i < to; i++) {
            int c = s[i] & 0xFF;
            if (c >= 0x80 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                continue;
            }
            if (c == '<') {
                int m = regionMatches(i + 1, "?xml", false, to, eof);
                if (m == NEED) {
                    needMore = i;
                    return i;
                }
                mode = m == 1 ? XML : HTML;
            } else {
                mode = TEXT;
            }
            return i;
        }
        return i;
    }

    /**
     * Compares {@code s[pos...]} with {@code text}: 1 if equal, 0 if not, {@link #NEED} if the bytes so far match
     * but more are needed.
     */
    private int regionMatches(int pos, String text, boolean ignoreCase, int to, boolean eof) {
        for (int k = 0; k < text.length(); k++) {
            if (pos + k >= to) {
                return eof ? 0 : NEED;
            }
            int c = s[pos + k];
            if (ignoreCase) {
                c |= 0x20;
            }
            if (c != text.charAt(k)) {
                return 0;
            }
        }
        return 1;
    }

    private int tagEnd(int pos, String name, int to, boolean eof) {
        int m = regionMatches(pos, name, true, to, eof);
        if (m != 1) {
            return m;
        }
        int end = pos + name.length();
        if (end >= to) {
            return eof ? 1 : NEED;
        }
        int c = s[end];
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' ? 1 : 0;
    }

    private int markup(int p, int to, boolean eof) {
        int c = s[p];
        switch (state) {
            case NORMAL: {
                if (c != '<') {
                    return p + 1;
                }
                if (mode == HTML) {
                    int m = tagEnd(p + 1, "script", to, eof);
                    if (m == 1) {
                        state = SCRIPT_TAG;
                        return p + 7;
                    }
                    int n = tagEnd(p + 1, "style", to, eof);
                    if (n == 1) {
                        state = STYLE_TAG;
                        return p + 6;
                    }
                    if (m == NEED || n == NEED) {
                        needMore = p;
                        return p;
                    }
                    return p + 1; // comments are not tracked in HTML: a <script> in one is only harmless noise
                }
                int m = regionMatches(p + 1, "!--", false, to, eof);
                if (m == 1) {
                    state = COMMENT;
                    return p + 4;
                }
                int n = regionMatches(p + 1, "![CDATA[", false, to, eof);
                if (n == 1) {
                    state = CDATA;
                    return p + 9;
                }
                if (m == NEED || n == NEED) {
                    needMore = p;
                    return p;
                }
                return p + 1;
            }
            case SCRIPT_TAG:
            case STYLE_TAG:
                if (c == '>') {
                    state = state == SCRIPT_TAG ? SCRIPT_RAW : STYLE_RAW;
                }
                return p + 1;
            case SCRIPT_RAW:
            case STYLE_RAW: {
                if (c != '<') {
                    return p + 1;
                }
                if (p + 1 >= to) {
                    if (eof) {
                        return p + 1;
                    }
                    needMore = p;
                    return p;
                }
                if (s[p + 1] != '/') {
                    return p + 1;
                }
                int m = tagEnd(p + 2, state == SCRIPT_RAW ? "script" : "style", to, eof);
                if (m == NEED) {
                    needMore = p;
                    return p;
                }
                if (m == 1) {
                    state = NORMAL;
                }
                return p + 2;
            }
            case COMMENT:
                if (c == '>' && get(p - 1) == '-' && get(p - 2) == '-') {
                    state = NORMAL;
                }
                return p + 1;
            case CDATA:
                if (c == '>' && get(p - 1) == ']' && get(p - 2) == ']') {
                    state = NORMAL;
                }
                return p + 1;
            default:
                return p + 1;
        }
    }

    /** The separator syntax of a link that shows no escapes of its own. */
    private int defaultSyntax() {
        if (mode == TEXT || state == SCRIPT_RAW || state == STYLE_RAW || state == CDATA) {
            return PLAIN;
        }
        return ENTITY;
    }

    private int skip(int i, int to) {
        for (; i < to; i++) {
            int c = s[i] & 0xFF;
            if (TERMINATOR[c] || c == '\\' || (skipCss && c == ')')) {
                skipping = false;
                return i;
            }
        }
        return to;
    }

    /**
     * At the end of a scan, where a host name may have begun but not all of it has arrived: the start of the
     * longest suffix that is the start of a host name right after a {@code /}.
     */
    private int partialHostStart(int to) {
        int r = to;
        for (LinkMatcher.Host host : matcher.hosts) {
            int max = Math.min(host.lower.length - 1, to - floor);
            for (int len = max; len >= 1; len--) {
                int start = to - len;
                if (start < r && get(start - 1) == '/' && host.matches(s, start, to)) {
                    r = start;
                    break;
                }
            }
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Links

    private int anchor(int p, int to, boolean eof) throws IOException {
        LinkMatcher.Host[] candidates = matcher.byAnchor[(s[p] | 0x20) & 0xFF];
        for (LinkMatcher.Host host : candidates) {
            int hostStart = p - host.anchorOffset;
            if (hostStart < floor) {
                continue;
            }
            int hostEnd = hostStart + host.lower.length;
            if (!host.matches(s, hostStart, Math.min(hostEnd, to))) {
                continue;
            }
            if (hostEnd > to) {
                if (!eof && get(hostStart - 1) == '/') {
                    needMore = hostStart;
                    return hostStart;
                }
                continue;
            }
            if (!mayStartPath(host.commonPath, hostEnd, to)) {
                continue;
            }
            int r = link(host, hostStart, hostEnd, to, eof);
            if (r >= 0) {
                return r;
            }
        }
        return p + 1;
    }

    /**
     * A quick check of the path after a host (the usual, unescaped form): false if it certainly does not start
     * with the prefixes' common path.
     */
    private boolean mayStartPath(byte[] path, int at, int to) {
        int n = Math.min(path.length, to - at);
        if (n > 0 && s[at] == '\\') {
            return true; // JSON-escaped: the full check decides
        }
        for (int k = 0; k < n; k++) {
            if (s[at + k] != path[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(int c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether the byte before a link makes it a link of its own rather than part of a longer token or of
     * another URL (as in {@code ?next=https://...}).
     */
    private boolean startsLink(int before, int beforePos, boolean absolute) {
        if (before == BOS || before == UNKNOWN || isWhitespace(before)) {
            return true;
        }
        switch (before) {
            case '"': case '\'': case '`': case '(': case ',': case '>': case '[':
                return true;
            case '=':
                return isAttributeValue(beforePos);
            case ';':
                return endsQuoteReference(beforePos);
            default:
                return absolute && !isLetter(before) && !isDigit(before) && "/?&#%.-+_~@:\\;".indexOf(before) < 0;
        }
    }

    /** Whether the {@code ;} at {@code semi} ends a quote written as a character reference ({@code &quot;}). */
    private boolean endsQuoteReference(int semi) {
        for (String ref : QUOTE_REFERENCES) {
            int start = semi - ref.length();
            boolean match = true;
            for (int k = 0; k < ref.length() && match; k++) {
                int c = get(start + k);
                match = c >= 0 && (c | (k > 1 ? 0x20 : 0)) == ref.charAt(k);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@code =} at {@code eq} follows an attribute name (after whitespace), not a query name. */
    private boolean isAttributeValue(int eq) {
        int k = eq - 1;
        int n = 0;
        while (n < 40) {
            int c = get(k);
            if (c == BOS || c == UNKNOWN) {
                return n > 0;
            }
            if (isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == ':' || c == '.') {
                k--;
                n++;
                continue;
            }
            return n > 0 && (isWhitespace(c) || c == '"' || c == '\'');
        }
        return false;
    }

    /** Whether the link starting at {@code start} was introduced by CSS {@code url(} without a quote. */
    private boolean inCssUrl(int start) {
        int k = start - 1;
        int c = get(k);
        for (int n = 0; n < 16 && isWhitespace(c); n++) {
            c = get(--k);
        }
        return c == '(' && (get(k - 1) | 0x20) == 'l' && (get(k - 2) | 0x20) == 'r' && (get(k - 3) | 0x20) == 'u';
    }

    /**
     * Examines the candidate whose host occupies {@code s[hostStart, hostEnd)}.
     *
     * @return the index to continue scanning at, or -1 if this is not a link of this host
     */
    private int link(LinkMatcher.Host host, int hostStart, int hostEnd, int to, boolean eof) throws IOException {
        int q;
        if (get(hostStart - 1) != '/') {
            return -1;
        }
        int c2 = get(hostStart - 2);
        if (c2 == '/') {
            q = hostStart - 2;
        } else if (c2 == '\\' && get(hostStart - 3) == '/' && get(hostStart - 4) == '\\') {
            q = hostStart - 4;
        } else {
            return -1;
        }
        String scheme;
        int linkStart;
        if (get(q - 1) == ':') {
            int k = q - 2;
            int n = 0;
            while (n < 6 && isLetter(get(k))) {
                k--;
                n++;
            }
            if (n == 5 && (get(k + 1) | 0x20) == 'h' && (get(k + 2) | 0x20) == 't' && (get(k + 3) | 0x20) == 't'
                    && (get(k + 4) | 0x20) == 'p' && (get(k + 5) | 0x20) == 's') {
                scheme = "https";
            } else if (n == 4 && (get(k + 1) | 0x20) == 'h' && (get(k + 2) | 0x20) == 't'
                    && (get(k + 3) | 0x20) == 't' && (get(k + 4) | 0x20) == 'p') {
                scheme = "http";
            } else {
                return -1;
            }
            if (!startsLink(get(k), k, true)) {
                return -1;
            }
            linkStart = k + 1;
        } else {
            if (!startsLink(get(q - 1), q - 1, false)) {
                return -1;
            }
            scheme = null;
            linkStart = q;
        }

        // the path prefix, longest first; each '/' may be written as JSON's "\/"
        LinkMatcher.Prefix prefix = null;
        int bodyStart = -1;
        for (LinkMatcher.Prefix candidate : host.prefixes) {
            if (scheme != null && !scheme.equals(candidate.scheme)) {
                continue;
            }
            int j = hostEnd;
            int k = 0;
            byte[] path = candidate.path;
            while (k < path.length && j < to) {
                int c = s[j];
                if (c == path[k]) {
                    j++;
                    k++;
                } else if (c == '\\' && path[k] == '/' && (j + 1 >= to || s[j + 1] == '/')) {
                    if (j + 1 >= to) {
                        break;
                    }
                    j += 2;
                    k++;
                } else {
                    k = -1;
                    break;
                }
            }
            if (k == path.length) {
                prefix = candidate;
                bodyStart = j;
                break;
            }
            if (k >= 0 && !eof && to - linkStart <= maxLinkLength) {
                needMore = hostStart; // this longer prefix may still match once more bytes arrive
                return hostStart;
            }
        }
        if (prefix == null) {
            return -1;
        }
        boolean css = inCssUrl(linkStart);
        return body(host, prefix, scheme, linkStart, hostStart, hostEnd, bodyStart, css, to, eof);
    }

    private int body(LinkMatcher.Host host, LinkMatcher.Prefix prefix, String scheme, int linkStart, int hostStart,
            int hostEnd, int bodyStart, boolean css, int to, boolean eof) throws IOException {
        boolean entityAmp = false;
        boolean unicodeAmp = false;
        boolean unsignable = false;
        boolean fragment = false;
        int end;
        int j = bodyStart;
        byte[] s = this.s;
        boolean[] special = state == COMMENT ? BODY_SPECIAL_COMMENT : state == CDATA ? BODY_SPECIAL_CDATA
                : BODY_SPECIAL;
        int before = get(linkStart - 1);
        int quote = before == '"' || before == '\'' ? before : 0;
        while (true) {
            if (j - linkStart >= maxLinkLength) {
                return overlong(j, css);
            }
            if (j >= to) {
                if (!eof) {
                    needMore = hostStart;
                    return hostStart;
                }
                end = to;
                break;
            }
            int c = s[j] & 0xFF;
            if (!special[c]) {
                j++;
                continue;
            }
            if (TERMINATOR[c] || (c == ')' && css)) {
                if (quote != 0 && isWhitespace(c)) {
                    int m = whitespaceInQuotes(j, to, eof, quote);
                    if (m == NEED) {
                        needMore = hostStart;
                        return hostStart;
                    }
                    if (m == 1) {
                        unsignable |= c != ' '; // browsers drop tabs and newlines from URLs: leave such a link alone
                        j++;
                        continue;
                    }
                }
                end = j;
                break;
            }
            if (c == '\\') {
                int n = escape(j, to, eof);
                if (n == NEED) {
                    needMore = hostStart;
                    return hostStart;
                }
                if (n == 0 || isQuoteOrSpace(entityValue)) {
                    end = j;
                    break;
                }
                if (entityValue == '&' && s[j + 1] == 'u') {
                    unicodeAmp = true;
                }
                j += n;
            } else if (c == '&') {
                int n = entity(j, to, eof);
                if (n == NEED) {
                    needMore = hostStart;
                    return hostStart;
                }
                if (n == 0) {
                    j++;
                    continue;
                }
                if (isQuoteOrSpace(entityValue)) {
                    end = j;
                    break;
                }
                if (entityValue == '&') {
                    entityAmp = true;
                } else if (entityValue == UNKNOWN_ENTITY) {
                    unsignable = true;
                }
                j += n;
            } else if (c == '#') {
                end = j;
                fragment = true;
                break;
            } else if (c == ',') {
                int k = j;
                while (k < to && s[k] == ',') {
                    k++;
                }
                if (k - linkStart >= maxLinkLength) {
                    return overlong(j, css);
                }
                if (k >= to && !eof) {
                    needMore = hostStart;
                    return hostStart;
                }
                if (k >= to || isWhitespace(s[k])) {
                    end = j; // srcset: commas before whitespace separate candidates
                    break;
                }
                j = k;
            } else if (c == '-' && state == COMMENT || c == ']' && state == CDATA) {
                int m = regionMatches(j + 1, c == '-' ? "->" : "]>", false, to, eof);
                if (m == NEED) {
                    needMore = hostStart;
                    return hostStart;
                }
                if (m == 1) {
                    end = j;
                    break;
                }
                j++;
            } else { // { } $ ) : a URI template (RFC 6570, JavaScript, DASH) or a parenthesis of the URL
                if (c != ')') {
                    unsignable = true;
                }
                j++;
            }
        }

        floor = end;
        int next = fragment ? end + 1 : end;
        if (fragment) {
            skipping = true;
            skipCss = css;
        }
        if (unsignable || end == bodyStart) {
            return next; // a template, an unknown reference, or the bare prefix (a base URL for concatenation)
        }
        int syntax = unicodeAmp ? UNICODE_ESCAPE : entityAmp ? ENTITY : defaultSyntax();
        String target = buildUrl(host, prefix, scheme, hostEnd, end);
        if (target == null) {
            return next;
        }
        int queryAt = target.indexOf('?');
        if (queryAt >= 0 && alreadySigned(target, queryAt)) {
            return next;
        }
        String parameters;
        try {
            parameters = signer.signingParameters(target);
        } catch (Exception e) {
            reportSignerFailure(e.toString(), target);
            return next;
        }
        if (parameters == null || parameters.isEmpty()) {
            return next;
        }
        int len;
        int key = syntax << 1 | (queryAt >= 0 ? 1 : 0);
        if (parameters == lastParameters && key == lastKey) {
            len = lastLength; // the same string again (a constant or a cached signature): already checked
        } else {
            len = insertion(parameters, queryAt >= 0, syntax);
            lastParameters = len < 0 ? null : parameters;
            lastKey = key;
            lastLength = len;
        }
        if (len < 0) {
            reportSignerFailure("parameters with characters outside [A-Za-z0-9-_~=&]", target);
            return next;
        }
        emitTo(end);
        emitInsertion(insertion, len);
        return next;
    }

    /**
     * Whether whitespace at {@code s[j]} inside a link that follows a quote is part of the URL (a raw space in a
     * file name, which browsers percent-encode) rather than its end: it ends the link before the closing quote,
     * a comma, a {@code srcset} descriptor such as {@code 2x} or {@code 480w}, or another URL.
     *
     * @return 1 if part of the URL, 0 if the end, or {@link #NEED}
     */
    private int whitespaceInQuotes(int j, int to, boolean eof, int quote) {
        int k = j;
        while (k < to && isWhitespace(s[k])) {
            k++;
        }
        if (k >= to) {
            return eof ? 0 : NEED;
        }
        int c = s[k];
        if (c == quote || c == ',' || c == '/' || TERMINATOR[c & 0xFF]) {
            return 0;
        }
        if (isDigit(c)) {
            int m = k;
            while (m < to && (isDigit(s[m]) || s[m] == '.')) {
                m++;
            }
            if (m + 1 >= to) {
                return eof ? 1 : NEED;
            }
            int unit = s[m] | 0x20;
            int after = s[m + 1];
            if ((unit == 'w' || unit == 'x' || unit == 'h')
                    && (isWhitespace(after) || after == ',' || after == quote)) {
                return 0;
            }
        }
        if ((c | 0x20) == 'h') {
            int m = regionMatches(k, "http", true, to, eof);
            return m == NEED ? NEED : 1 - m;
        }
        return 1;
    }

    private static boolean isQuoteOrSpace(int c) {
        return c == '"' || c == '\'' || c == '<' || c == '>' || (c >= 0 && c <= 0x20);
    }

    private int overlong(int j, boolean css) {
        floor = j;
        skipping = true;
        skipCss = css;
        return j;
    }

    private void reportSignerFailure(String what, String target) {
        if (!signerFailureReported) {
            signerFailureReported = true;
            LOG.log(System.Logger.Level.WARNING, () -> "CFS-4101 The link signer failed (" + what + ") for "
                    + LogText.of(withoutQuery(target)) + "; such links are left unchanged. Further failures on this response"
                    + " are not logged.");
        }
    }

    private static String withoutQuery(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q) + "?...";
    }

    /**
     * Parses a JSON/JavaScript escape at {@code s[j] == '\\'}: {@code \/} or {@code \\uXXXX}.
     *
     * @return its length with the character in {@link #entityValue}, 0 if it is not one (the backslash ends the
     *     link), or {@link #NEED}
     */
    private int escape(int j, int to, boolean eof) {
        if (j + 1 >= to) {
            return eof ? 0 : NEED;
        }
        int c = s[j + 1];
        if (c == '/') {
            entityValue = '/';
            return 2;
        }
        if (c != 'u') {
            return 0;
        }
        int v = 0;
        for (int k = j + 2; k < j + 6; k++) {
            if (k >= to) {
                return eof ? 0 : NEED;
            }
            int d = Character.digit(s[k], 16);
            if (d < 0) {
                return 0;
            }
            v = v << 4 | d;
        }
        entityValue = v;
        return 6;
    }

    /**
     * Parses an HTML/XML character reference at {@code s[j] == '&'}.
     *
     * @return its length with the character in {@link #entityValue} ({@link #UNKNOWN_ENTITY} for a named
     *     reference other than amp, lt, gt, quot, apos), 0 if it is not a reference (a plain {@code &}), or
     *     {@link #NEED}
     */
    private int entity(int j, int to, boolean eof) {
        int k = j + 1;
        if (k >= to) {
            return eof ? 0 : NEED;
        }
        if (s[k] == '#') {
            k++;
            boolean hex = false;
            if (k < to && (s[k] | 0x20) == 'x') {
                hex = true;
                k++;
            }
            int v = 0;
            int digits = 0;
            while (true) {
                if (k >= to) {
                    return eof ? 0 : NEED;
                }
                int d = Character.digit(s[k], hex ? 16 : 10);
                if (d < 0 || digits > 7) {
                    break;
                }
                v = v * (hex ? 16 : 10) + d;
                digits++;
                k++;
            }
            if (digits == 0 || s[k] != ';' || v > 0x10FFFF) {
                return 0;
            }
            entityValue = v;
            return k + 1 - j;
        }
        int nameStart = k;
        while (true) {
            if (k >= to) {
                return eof ? 0 : NEED;
            }
            int c = s[k];
            if (!isLetter(c) && !isDigit(c)) {
                break;
            }
            if (k - nameStart > 10) {
                return 0;
            }
            k++;
        }
        if (k == nameStart || s[k] != ';') {
            return 0;
        }
        entityValue = namedEntity(nameStart, k);
        return k + 1 - j;
    }

    private int namedEntity(int start, int end) {
        switch (end - start) {
            case 2:
                if (s[start + 1] == 't') {
                    if (s[start] == 'l') {
                        return '<';
                    }
                    if (s[start] == 'g') {
                        return '>';
                    }
                }
                return UNKNOWN_ENTITY;
            case 3:
                return s[start] == 'a' && s[start + 1] == 'm' && s[start + 2] == 'p' ? '&' : UNKNOWN_ENTITY;
            case 4:
                if (s[start] == 'q' && s[start + 1] == 'u' && s[start + 2] == 'o' && s[start + 3] == 't') {
                    return '"';
                }
                if (s[start] == 'a' && s[start + 1] == 'p' && s[start + 2] == 'o' && s[start + 3] == 's') {
                    return '\'';
                }
                return UNKNOWN_ENTITY;
            default:
                return UNKNOWN_ENTITY;
        }
    }

    /**
     * The URL the browser will request for the link, or {@code null} if it cannot be known exactly (a decoded
     * {@code #} or {@code \}, or a {@code .}/{@code ..} path segment that the browser would remove).
     */
    private String buildUrl(LinkMatcher.Host host, LinkMatcher.Prefix prefix, String scheme, int hostEnd, int end) {
        UrlBuilder u = url;
        u.clear();
        u.ascii(scheme != null ? scheme : streamScheme != null ? streamScheme : prefix.scheme).ascii("://")
                .ascii(host.lower);
        int pathStart = u.length();
        boolean query = false;
        byte[] s = this.s;
        int j = hostEnd;
        while (j < end) {
            int c = s[j] & 0xFF;
            if (c >= 0x80) {
                int k = j + 1;
                while (k < end && s[k] < 0) {
                    k++;
                }
                appendNonAscii(s, j, k, u);
                j = k;
                continue;
            }
            int cp;
            if (c == '\\') {
                j += escape(j, end, true);
                cp = entityValue;
                if (cp >= 0xD800 && cp <= 0xDBFF && j < end && s[j] == '\\' && escape(j, end, true) == 6
                        && entityValue >= 0xDC00 && entityValue <= 0xDFFF) {
                    cp = Character.toCodePoint((char) cp, (char) entityValue);
                    j += 6;
                } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
            } else if (c == '&') {
                int n = entity(j, end, true);
                if (n == 0) {
                    cp = '&';
                    j++;
                } else {
                    cp = entityValue;
                    j += n;
                }
            } else {
                cp = c;
                j++;
                if (c == '?') {
                    query = true;
                }
                if (ENCODE_PATH[c] && !query || ENCODE_QUERY[c] && query) {
                    u.percentByte(c);
                } else {
                    u.ascii(c);
                }
                continue;
            }
            // a character that was escaped in the markup or the string
            if (cp == '#' || cp == '\\' || cp == 0) {
                return null;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            if (cp == '?') {
                query = true;
            }
            if (cp >= 0x80 || (query ? ENCODE_QUERY[cp] : ENCODE_PATH[cp])) {
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
    private static boolean hasDotSegment(String u, int pathStart) {
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
            } else if (i + 3 <= end && u.charAt(i) == '%' && u.charAt(i + 1) == '2'
                    && (u.charAt(i + 2) | 0x20) == 'e') {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }

    private static boolean alreadySigned(String target, int queryAt) {
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

    /**
     * Writes {@code ?} or the separator, then the parameters with every {@code &} in the link's syntax, into
     * {@link #insertion}.
     *
     * @return the length, or -1 if the parameters hold a character that a signer never returns
     */
    private int insertion(String parameters, boolean hasQuery, int syntax) {
        byte[] separator = syntax == ENTITY ? SEPARATOR_ENTITY : syntax == UNICODE_ESCAPE ? SEPARATOR_UNICODE
                : SEPARATOR_PLAIN;
        byte[] in = parameters.getBytes(StandardCharsets.ISO_8859_1); // anything else becomes '?': rejected below
        int n = in.length;
        int max = (n + 1) * separator.length;
        if (insertion.length < max) {
            insertion = new byte[max];
        }
        byte[] out = insertion;
        int len;
        if (hasQuery) {
            System.arraycopy(separator, 0, out, 0, separator.length);
            len = separator.length;
        } else {
            out[0] = '?';
            len = 1;
        }
        if (in[0] == '&') {
            return -1;
        }
        int slot = System.identityHashCode(parameters) & (CHECKED.length - 1);
        if (CHECKED[slot] != parameters) {
            boolean valid = true;
            for (byte c : in) {
                valid &= PARAMETER_CHAR[c & 0xFF];
            }
            if (!valid) {
                return -1;
            }
            CHECKED[slot] = parameters;
        }
        int run = 0; // start of the current run without '&'
        for (int amp = parameters.indexOf('&'); amp >= 0; amp = parameters.indexOf('&', run)) {
            System.arraycopy(in, run, out, len, amp - run);
            len += amp - run;
            System.arraycopy(separator, 0, out, len, separator.length);
            len += separator.length;
            run = amp + 1;
        }
        System.arraycopy(in, run, out, len, n - run);
        return len + n - run;
    }
}
