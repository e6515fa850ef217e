package io.github.cloudfrontsigned.rewrite;

/**
 * Parses the two ways a character can be written escaped inside a link: an HTML/XML character reference
 * ({@code &amp;amp;}, {@code &amp;#38;}, {@code &amp;#x26;}) and a JSON/JavaScript escape ({@code \/},
 * {@code \}{@code u0026}). Static and allocation-free: a result packs the parsed length (low 32 bits) and the
 * character (high 32 bits) into one {@code long}, read with {@link #length(long)} and {@link #value(long)}.
 * {@link #inLink} applies a parse to the link being measured. Thread-safe (no state).
 */
final class References {

    /** A parse that needs more bytes than are present (and more may come). */
    static final long NEED = -1;
    /** The {@link #value} of a named reference this parser does not know. */
    static final int UNKNOWN_ENTITY = -1;

    private References() {}

    /** The parsed length: 0 if the bytes are not a reference or escape. */
    static int length(long result) {
        return (int) result;
    }

    /** The parsed character ({@link #UNKNOWN_ENTITY} for an unknown named reference). */
    static int value(long result) {
        return (int) (result >> 32);
    }

    private static long found(int value, int length) {
        return (long) value << 32 | length;
    }

    /**
     * Parses a JSON/JavaScript escape at {@code s[j] == '\\'}: {@code \/} or {@code \\uXXXX}.
     *
     * @return its length and character, length 0 if it is not one (the backslash ends the link), or {@link #NEED}
     */
    static long escape(byte[] s, int j, int to, boolean eof) {
        if (j + 1 >= to) {
            return eof ? 0 : NEED;
        }
        int c = s[j + 1];
        if (c == '/') {
            return found('/', 2);
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
        return found(v, 6);
    }

    /**
     * Parses an HTML/XML character reference at {@code s[j] == '&'}.
     *
     * @return its length and character ({@link #UNKNOWN_ENTITY} for a named reference other than amp, lt, gt,
     *     quot, apos), length 0 if it is not a reference (a plain {@code &}), or {@link #NEED}
     */
    static long entity(byte[] s, int j, int to, boolean eof) {
        int k = j + 1;
        if (k >= to) {
            return eof ? 0 : NEED;
        }
        if (s[k] == '#') {
            return numeric(s, j, k + 1, to, eof);
        }
        int nameStart = k;
        while (true) {
            if (k >= to) {
                return eof ? 0 : NEED;
            }
            int c = s[k];
            if (!LinkChars.isLetter(c) && !LinkChars.isDigit(c)) {
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
        return found(namedEntity(s, nameStart, k), k + 1 - j);
    }

    /** A numeric reference {@code &#...;} at {@code s[j]}, its digits (or {@code x}) starting at {@code k}. */
    private static long numeric(byte[] s, int j, int k, int to, boolean eof) {
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
        return found(v, k + 1 - j);
    }

    private static int namedEntity(byte[] s, int start, int end) {
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
     * A {@code \} or {@code &} inside a link at {@code s[j]}: parses it and notes on the candidate how the link
     * writes {@code &} ({@link ScannedLink#entityAmp}, {@link ScannedLink#unicodeAmp}) and whether an unknown named
     * reference makes it unsignable. Reads at most the reference's bytes; allocation-free.
     *
     * @return how many bytes it takes, 0 if it ends the link, or {@link LinkScanner#NEED}
     */
    static int inLink(ScannedLink c, byte[] s, int j, int to, boolean eof) {
        boolean backslash = s[j] == '\\';
        long r = backslash ? escape(s, j, to, eof) : entity(s, j, to, eof);
        if (r == NEED) {
            return LinkScanner.NEED;
        }
        int n = length(r);
        int value = value(r);
        if (n == 0) {
            return backslash ? 0 : 1; // a backslash that is no escape ends the link; a plain & is part of it
        }
        if (LinkChars.isQuoteOrSpace(value)) {
            return 0;
        }
        if (value == '&') {
            if (backslash) {
                c.unicodeAmp |= s[j + 1] == 'u';
            } else {
                c.entityAmp = true;
            }
        } else if (value == UNKNOWN_ENTITY && !backslash) {
            c.unsignable = true;
        }
        return n;
    }
}
