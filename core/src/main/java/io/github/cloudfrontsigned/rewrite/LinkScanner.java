package io.github.cloudfrontsigned.rewrite;

import static io.github.cloudfrontsigned.rewrite.LinkChars.TERMINATOR;

import io.github.cloudfrontsigned.internal.LogText;
import java.io.IOException;
import java.util.Arrays;

/**
 * The streaming scanner shared by every wrapper. It reads a "shadow" byte array in which ASCII characters are
 * themselves and every non-ASCII unit is some byte {@code >= 0x80} (for ASCII-compatible byte streams the shadow
 * is the body itself), finds links under the protected prefixes and reports the output as runs of the input
 * ({@link #emitRun}) and inserted signing parameters ({@link #emitInsertion}). A link's own text is never
 * changed: the parameters are inserted where its URL ends (before a {@code #fragment}).
 *
 * <p>The work is split by concern: {@link AnchorSearch} is the hot loop that finds the next byte that matters,
 * this class follows the markup state and decides what is a link and where it ends, {@link LinkContext} reads
 * the bytes around a candidate (its scheme, what precedes it, whitespace inside quotes), {@link References} parses
 * escapes, {@link TargetUrl} builds the URL given to the signer and {@link ParameterInsertion} the bytes
 * inserted.
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

    /** {@link #get} for a position before the start of the stream. */
    static final int BOS = -1;
    /** {@link #get} for a position further back than the kept tail. */
    static final int UNKNOWN = -2;
    /** Result of a look-ahead that needs more bytes. */
    static final int NEED = -1;
    /** {@link #measure} found where the link ends. */
    private static final int ENDED = -1;

    private static final System.Logger LOG = System.getLogger(LinkRewriter.class.getName());

    private final LinkMatcher matcher;
    private final LinkSigner signer;
    /** The signer for this response's links ({@link LinkSigner#forResponse()}), made at the first link. */
    private LinkSigner responseSigner;

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

    /**
     * Where the wrapper lets {@link AnchorSearch#flag} mark the bytes of the array it scans, at the same index
     * (pooled with its window), or {@code null}: then, and for arrays longer than it, the search reads words.
     */
    byte[] flags;
    /** {@link #flags} holds marks for {@code s[flagsFrom, to)} of this scan call, or -1. */
    private int flagsFrom;

    private final ScannedLink scanned = new ScannedLink();
    private final UrlBuilder url = new UrlBuilder();
    private final ParameterInsertion insertion = new ParameterInsertion();

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
        this.flagsFrom = -1;
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
    final int get(int idx) {
        if (idx >= from) {
            return s[idx] & 0xFF;
        }
        int back = from - idx;
        if (back <= tailLen) {
            return tail[tailLen - back] & 0xFF;
        }
        return tailLen < TAIL ? BOS : UNKNOWN;
    }

    /** The next byte that matters in the current syntax: an anchor or a markup construct that changes it. */
    private int find(int i, int to) {
        if ((mode == TEXT || state == NORMAL)
                && flags != null
                && to <= flags.length
                && matcher.anchorCount == 1
                && AnchorSearch.FLAGGED) {
            int tags = mode == TEXT ? AnchorSearch.TEXT : mode == HTML ? AnchorSearch.OPEN_HTML : AnchorSearch.OPEN_XML;
            if (flagsFrom < 0 || i < flagsFrom) {
                AnchorSearch.flag(s, flags, i, to, matcher, tags); // once per call: the mode is fixed once sniffed
                flagsFrom = i;
            }
            return AnchorSearch.findFlagged(s, flags, i, to, matcher, floor, tags);
        }
        if (mode == TEXT) {
            return AnchorSearch.findAnchor(s, i, to, matcher, floor);
        }
        switch (state) {
            case NORMAL:
                return AnchorSearch.findPair(
                        s, i, to, matcher, floor, mode == HTML ? AnchorSearch.OPEN_HTML : AnchorSearch.OPEN_XML);
            case SCRIPT_RAW:
                return AnchorSearch.findPair(s, i, to, matcher, floor, AnchorSearch.CLOSE_SCRIPT);
            case STYLE_RAW:
                return AnchorSearch.findPair(s, i, to, matcher, floor, AnchorSearch.CLOSE_STYLE);
            default:
                return AnchorSearch.findSingle(s, i, to, matcher, floor);
        }
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
                int m = LinkChars.regionMatches(s, i + 1, "?xml", false, to, eof);
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

    private int markup(int p, int to, boolean eof) {
        int c = s[p];
        switch (state) {
            case NORMAL: {
                if (c != '<') {
                    return p + 1;
                }
                if (mode == HTML) {
                    int m = LinkChars.tagEnd(s, p + 1, "script", to, eof);
                    if (m == 1) {
                        state = SCRIPT_TAG;
                        return p + 7;
                    }
                    int n = LinkChars.tagEnd(s, p + 1, "style", to, eof);
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
                int m = LinkChars.regionMatches(s, p + 1, "!--", false, to, eof);
                if (m == 1) {
                    state = COMMENT;
                    return p + 4;
                }
                int n = LinkChars.regionMatches(s, p + 1, "![CDATA[", false, to, eof);
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
                int m = LinkChars.tagEnd(s, p + 2, state == SCRIPT_RAW ? "script" : "style", to, eof);
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
            return ParameterInsertion.PLAIN;
        }
        return ParameterInsertion.ENTITY;
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
            scheme = LinkContext.schemeBefore(this, q - 1);
            if (scheme == null) {
                return -1;
            }
            int k = q - 2 - scheme.length();
            if (!LinkContext.startsLink(this, get(k), k, true)) {
                return -1;
            }
            linkStart = k + 1;
        } else {
            if (!LinkContext.startsLink(this, get(q - 1), q - 1, false)) {
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
        ScannedLink c = scanned;
        c.start(host, prefix, scheme, linkStart, hostStart, hostEnd, bodyStart);
        c.css = LinkContext.inCssUrl(this, linkStart);
        return body(c, to, eof);
    }

    /**
     * Finds where the candidate's URL ends and, if it can be signed, inserts the parameters there.
     *
     * @return the index to continue scanning at
     */
    private int body(ScannedLink c, int to, boolean eof) throws IOException {
        int r = measure(c, to, eof);
        if (r != ENDED) {
            return r;
        }
        floor = c.end;
        int next = c.fragment ? c.end + 1 : c.end;
        if (c.fragment) {
            skipping = true;
            skipCss = c.css;
        }
        if (!c.unsignable && c.end > c.bodyStart) {
            sign(c); // not a template, an unknown reference or the bare prefix (a base URL for concatenation)
        }
        return next;
    }

    /**
     * Walks the link's body from {@code c.bodyStart} to its end, noting how it writes {@code &} and whether it can
     * be signed.
     *
     * @return {@link #ENDED} with {@code c.end} set, or the index to continue at when the link is undecided
     *     ({@code needMore} set) or too long
     */
    private int measure(ScannedLink c, int to, boolean eof) {
        int j = c.bodyStart;
        byte[] s = this.s;
        boolean[] special = state == COMMENT
                ? LinkChars.BODY_SPECIAL_COMMENT
                : state == CDATA ? LinkChars.BODY_SPECIAL_CDATA : LinkChars.BODY_SPECIAL;
        int before = get(c.linkStart - 1);
        int quote = before == '"' || before == '\'' ? before : 0;
        while (true) {
            if (j - c.linkStart >= maxLinkLength) {
                return overlong(j, c.css);
            }
            if (j >= to) {
                if (!eof) {
                    return undecided(c);
                }
                c.end = to;
                return ENDED;
            }
            int ch = s[j] & 0xFF;
            if (!special[ch]) {
                j++;
                continue;
            }
            int n;
            if (LinkChars.TERMINATOR[ch] || (ch == ')' && c.css)) {
                n = quote != 0 && LinkChars.isWhitespace(ch) ? LinkContext.whitespaceInQuotes(s, j, to, eof, quote) : 0;
                if (n == 1) {
                    c.unsignable |= ch != ' '; // browsers drop tabs and newlines from URLs: leave such a link alone
                }
            } else if (ch == '\\' || ch == '&') {
                n = References.inLink(c, s, j, to, eof);
            } else if (ch == '#') {
                c.fragment = true;
                n = 0;
            } else if (ch == ',') {
                int k = j;
                while (k < to && s[k] == ',') {
                    k++;
                }
                if (k - c.linkStart >= maxLinkLength) {
                    return overlong(j, c.css);
                }
                n = k >= to ? (eof ? 0 : NEED) : LinkChars.isWhitespace(s[k]) ? 0 : k - j; // srcset separators
            } else if (ch == '-' && state == COMMENT || ch == ']' && state == CDATA) {
                int m = LinkChars.regionMatches(s, j + 1, ch == '-' ? "->" : "]>", false, to, eof);
                n = m == NEED ? NEED : 1 - m;
            } else { // { } $ ) : a URI template (RFC 6570, JavaScript, DASH) or a parenthesis of the URL
                c.unsignable |= ch != ')';
                n = 1;
            }
            if (n == NEED) {
                return undecided(c);
            }
            if (n == 0) {
                c.end = j;
                return ENDED;
            }
            j += n;
        }
    }

    private int undecided(ScannedLink c) {
        needMore = c.hostStart;
        return c.hostStart;
    }

    /**
     * Asks the signer for the candidate's parameters and inserts them where its URL ends. A link seen before
     * (see {@link LinkMemo}) skips building its URL, and its insertion when the signer returns the same string.
     */
    private void sign(ScannedLink c) throws IOException {
        int syntax = c.unicodeAmp
                ? ParameterInsertion.UNICODE_ESCAPE
                : c.entityAmp ? ParameterInsertion.ENTITY : defaultSyntax();
        String scheme = c.scheme != null ? c.scheme : streamScheme != null ? streamScheme : c.prefix.scheme;
        LinkMemo memo = matcher.memo;
        int hash = LinkMemo.hash(s, c.hostEnd, c.end);
        LinkMemo.Entry known = hash == LinkMemo.NOT_ASCII ? null : memo.find(s, c.hostEnd, c.end, hash, c.host, scheme);
        String target = known != null ? known.target : TargetUrl.toSign(this, s, scheme, c, url);
        if (target == null) {
            return;
        }
        String parameters;
        try {
            LinkSigner links = responseSigner;
            if (links == null) {
                links = signer.forResponse();
                responseSigner = links;
            }
            parameters = links.signingParameters(target);
        } catch (Exception e) {
            reportSignerFailure(e.toString(), target);
            return;
        }
        if (parameters == null || parameters.isEmpty()) {
            return;
        }
        if (known != null && parameters == known.parameters && syntax == known.syntax) {
            emitTo(c.end);
            emitInsertion(known.insertion, known.insertion.length);
            return;
        }
        int len = insertion.prepare(parameters, target.indexOf('?') >= 0, syntax);
        if (len < 0) {
            reportSignerFailure("parameters with characters outside [A-Za-z0-9-_~=&]", target);
            return;
        }
        if (hash != LinkMemo.NOT_ASCII) {
            memo.put(new LinkMemo.Entry(
                    c.host,
                    scheme,
                    Arrays.copyOfRange(s, c.hostEnd, c.end),
                    hash,
                    target,
                    parameters,
                    syntax,
                    Arrays.copyOf(insertion.bytes(), len)));
        }
        emitTo(c.end);
        emitInsertion(insertion.bytes(), len);
    }

    /** Called on {@code flush()}: the next link takes a new {@link LinkSigner#forResponse() response signer}. */
    void flushed() {
        responseSigner = null;
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
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "CFS-4101 The link signer failed (" + what + ") for "
                            + LogText.of(TargetUrl.withoutQuery(target))
                            + "; such links are left unchanged. Further failures on this response"
                            + " are not logged.");
        }
    }
}
