package io.github.cloudfrontsigned.rewrite;

import static io.github.cloudfrontsigned.rewrite.LinkChars.TERMINATOR;
import static io.github.cloudfrontsigned.rewrite.LinkChars.isDigit;
import static io.github.cloudfrontsigned.rewrite.LinkChars.isLetter;
import static io.github.cloudfrontsigned.rewrite.LinkChars.isWhitespace;
import static io.github.cloudfrontsigned.rewrite.LinkScanner.BOS;
import static io.github.cloudfrontsigned.rewrite.LinkScanner.NEED;
import static io.github.cloudfrontsigned.rewrite.LinkScanner.UNKNOWN;

/**
 * Where a link starts and ends, read from the bytes around it: {@link LinkScanner} finds a protected host and
 * asks here whether the bytes before it (scheme, quote, attribute, CSS {@code url(}) make it a link of its own,
 * and whether whitespace inside a quoted link ends it. Called once per candidate link (whitespace: once per
 * space inside one), never per byte of the stream; each call looks at a bounded number of bytes (at most 40
 * back, or to the end of the whitespace and the word after it). Bytes before the current array come from the
 * scanner's kept tail through {@link LinkScanner#get(int)}. Stateless; called only from the scanner's thread.
 */
final class LinkContext {

    private static final String[] QUOTE_REFERENCES = {"&quot", "&apos", "&#34", "&#39", "&#x22", "&#x27"};

    private LinkContext() {}

    /**
     * The scheme written before the {@code :} at {@code colon}: {@code "https"} or {@code "http"} (in any case)
     * when exactly those letters precede it, otherwise {@code null}.
     */
    static String schemeBefore(LinkScanner scanner, int colon) {
        int k = colon - 1;
        int n = 0;
        while (n < 6 && isLetter(scanner.get(k))) {
            k--;
            n++;
        }
        if (n == 5
                && (scanner.get(k + 1) | 0x20) == 'h'
                && (scanner.get(k + 2) | 0x20) == 't'
                && (scanner.get(k + 3) | 0x20) == 't'
                && (scanner.get(k + 4) | 0x20) == 'p'
                && (scanner.get(k + 5) | 0x20) == 's') {
            return "https";
        }
        if (n == 4
                && (scanner.get(k + 1) | 0x20) == 'h'
                && (scanner.get(k + 2) | 0x20) == 't'
                && (scanner.get(k + 3) | 0x20) == 't'
                && (scanner.get(k + 4) | 0x20) == 'p') {
            return "http";
        }
        return null;
    }

    /**
     * Whether the byte before a link makes it a link of its own rather than part of a longer token or of
     * another URL (as in {@code ?next=https://...}).
     */
    static boolean startsLink(LinkScanner scanner, int before, int beforePos, boolean absolute) {
        if (before == BOS || before == UNKNOWN || isWhitespace(before)) {
            return true;
        }
        switch (before) {
            case '"':
            case '\'':
            case '`':
            case '(':
            case ',':
            case '>':
            case '[':
                return true;
            case '=':
                return isAttributeValue(scanner, beforePos);
            case ';':
                return endsQuoteReference(scanner, beforePos);
            default:
                return absolute && !isLetter(before) && !isDigit(before) && "/?&#%.-+_~@:\\;".indexOf(before) < 0;
        }
    }

    /** Whether the {@code ;} at {@code semi} ends a quote written as a character reference ({@code &quot;}). */
    private static boolean endsQuoteReference(LinkScanner scanner, int semi) {
        for (String ref : QUOTE_REFERENCES) {
            int start = semi - ref.length();
            boolean match = true;
            for (int k = 0; k < ref.length() && match; k++) {
                int c = scanner.get(start + k);
                match = c >= 0 && (c | (k > 1 ? 0x20 : 0)) == ref.charAt(k);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@code =} at {@code eq} follows an attribute name (after whitespace), not a query name. */
    private static boolean isAttributeValue(LinkScanner scanner, int eq) {
        int k = eq - 1;
        int n = 0;
        while (n < 40) {
            int c = scanner.get(k);
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
    static boolean inCssUrl(LinkScanner scanner, int start) {
        int k = start - 1;
        int c = scanner.get(k);
        for (int n = 0; n < 16 && isWhitespace(c); n++) {
            c = scanner.get(--k);
        }
        return c == '('
                && (scanner.get(k - 1) | 0x20) == 'l'
                && (scanner.get(k - 2) | 0x20) == 'r'
                && (scanner.get(k - 3) | 0x20) == 'u';
    }

    /**
     * Whether whitespace at {@code s[j]} inside a link that follows a quote is part of the URL (a raw space in a
     * file name, which browsers percent-encode) rather than its end: it ends the link before the closing quote,
     * a comma, a {@code srcset} descriptor such as {@code 2x} or {@code 480w}, or another URL.
     *
     * @return 1 if part of the URL, 0 if the end, or {@link LinkScanner#NEED}
     */
    static int whitespaceInQuotes(byte[] s, int j, int to, boolean eof, int quote) {
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
            int m = LinkChars.regionMatches(s, k, "http", true, to, eof);
            return m == NEED ? NEED : 1 - m;
        }
        return 1;
    }
}
