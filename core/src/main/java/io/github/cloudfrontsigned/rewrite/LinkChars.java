package io.github.cloudfrontsigned.rewrite;

/**
 * The byte classes the scanner looks up while it walks a link: what ends a link, what needs a closer look inside
 * one, and what a browser percent-encodes (tables of 256 entries indexed by {@code byte & 0xFF}, built once,
 * immutable after class initialisation); and the byte comparisons the markup syntax needs ({@link #regionMatches},
 * {@link #tagEnd}).
 */
final class LinkChars {

    /** Ends a link: controls, space, DEL, quotes, backtick, angle brackets. */
    static final boolean[] TERMINATOR = new boolean[256];
    /** Needs a closer look inside a link: terminators and \ &amp; # , { } $ ). */
    static final boolean[] BODY_SPECIAL = new boolean[256];
    /** The same inside an HTML comment (also -). */
    static final boolean[] BODY_SPECIAL_COMMENT = new boolean[256];
    /** The same inside a CDATA section (also ]). */
    static final boolean[] BODY_SPECIAL_CDATA = new boolean[256];
    /** Characters a browser percent-encodes in a path (0-127). */
    static final boolean[] ENCODE_PATH = new boolean[128];
    /** Characters a browser percent-encodes in a query of a special scheme (0-127). */
    static final boolean[] ENCODE_QUERY = new boolean[128];

    static {
        for (int c = 0; c <= 0x20; c++) {
            TERMINATOR[c] = true;
        }
        for (char c : "\"'`<>\u007f".toCharArray()) {
            TERMINATOR[c] = true;
        }
        System.arraycopy(TERMINATOR, 0, BODY_SPECIAL, 0, 256);
        for (char c : "\\&#,{}$)".toCharArray()) {
            BODY_SPECIAL[c] = true;
        }
        System.arraycopy(BODY_SPECIAL, 0, BODY_SPECIAL_COMMENT, 0, 256);
        System.arraycopy(BODY_SPECIAL, 0, BODY_SPECIAL_CDATA, 0, 256);
        BODY_SPECIAL_COMMENT['-'] = true;
        BODY_SPECIAL_CDATA[']'] = true;
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

    private LinkChars() {}

    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    static boolean isLetter(int c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a decoded character ends a link: a quote, an angle bracket, a space or a control. */
    static boolean isQuoteOrSpace(int c) {
        return c == '"' || c == '\'' || c == '<' || c == '>' || (c >= 0 && c <= 0x20);
    }

    /**
     * Compares {@code s[pos...]} with {@code text}: 1 if equal, 0 if not, {@link LinkScanner#NEED} if the bytes so far match
     * but more are needed.
     */
    static int regionMatches(byte[] s, int pos, String text, boolean ignoreCase, int to, boolean eof) {
        for (int k = 0; k < text.length(); k++) {
            if (pos + k >= to) {
                return eof ? 0 : LinkScanner.NEED;
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

    /**
     * Whether {@code s[pos...]} is the tag name {@code name} (any case) followed by a byte that ends a tag name: 1
     * if so, 0 if not, {@link LinkScanner#NEED} if more bytes are needed to tell.
     */
    static int tagEnd(byte[] s, int pos, String name, int to, boolean eof) {
        int m = regionMatches(s, pos, name, true, to, eof);
        if (m != 1) {
            return m;
        }
        int end = pos + name.length();
        if (end >= to) {
            return eof ? 1 : LinkScanner.NEED;
        }
        int c = s[end];
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' ? 1 : 0;
    }
}
