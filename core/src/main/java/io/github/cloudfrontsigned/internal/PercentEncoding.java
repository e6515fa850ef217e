package io.github.cloudfrontsigned.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding and decoding of URL parts, in the several styles that tools apply to URLs: the verifier
 * tries them to tell a viewer that a URL was re-encoded after signing, and decodes signing values that a
 * tool escaped. Thread safety: stateless.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /**
     * Decodes every valid {@code %XX} as a UTF-8 byte (and {@code +} as a space when asked); other characters and
     * malformed escapes stay as they are. Invalid UTF-8 becomes U+FFFD.
     */
    public static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && isEscape(s, i)) {
                bytes.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * Encodes every UTF-8 byte outside RFC 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}) and {@code keep}
     * as {@code %XX} with upper-case hex.
     *
     * @param keep characters left as they are, such as {@code /} for a path
     * @param form HTML form style, as Java's {@code URLEncoder}: a space becomes {@code +}, {@code ~} is encoded
     *     and {@code *} kept
     */
    public static String encode(String s, String keep, boolean form) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        append(sb, s, keep, form);
        return sb.toString();
    }

    /** {@link #encode(String, String, boolean)} into a builder. */
    public static void append(StringBuilder sb, String s, String keep, boolean form) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || (c == '~' && !form)
                    || (c == '*' && form)
                    || (c < 0x80 && keep.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else if (c == ' ' && form) {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    /**
     * Encodes only what a browser encodes when given a raw URL: spaces, control characters, non-ASCII and
     * {@code " < > ` { } | \ ^}; existing escapes and everything else stay.
     */
    public static String encodeUnsafe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = c <= 0x20 || c >= 0x7f || "\"<>`{}|\\^".indexOf(c) >= 0;
            if (unsafe && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (unsafe) {
                    int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                    append(sb, s.substring(i, end), "", false);
                    i = end - 1;
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Rewrites the hex digits of every valid {@code %XX} in upper or lower case. */
    public static String hexCase(String s, boolean upper) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i + 2 < sb.length(); i++) {
            if (sb.charAt(i) == '%' && isEscape(sb, i)) {
                for (int j = i + 1; j <= i + 2; j++) {
                    char h = sb.charAt(j);
                    sb.setCharAt(j, upper ? Character.toUpperCase(h) : Character.toLowerCase(h));
                }
                i += 2;
            }
        }
        return sb.toString();
    }

    /** Whether {@code s} holds {@code %} and two ASCII hex digits at {@code i}. */
    private static boolean isEscape(CharSequence s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
