package io.github.cloudfrontsigned.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CloudFront's URL-safe base64 variant: standard base64 with padding, then {@code +} to {@code -},
 * {@code =} to {@code _} and {@code /} to {@code ~}. This is not RFC 4648 base64url.
 *
 * <p>Source: "Replace characters that are invalid in a URL query string" in
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html">
 * Create a signed URL using a canned policy</a>. Thread safety: stateless.
 */
public final class CloudFrontBase64 {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-~".getBytes(StandardCharsets.US_ASCII);
    private static final byte PAD = '_';

    private CloudFrontBase64() {}

    /** Encodes bytes in CloudFront's alphabet, with {@code _} padding. */
    public static String encode(byte[] data) {
        int len = data.length;
        byte[] out = new byte[4 * ((len + 2) / 3)];
        int i = 0;
        int o = 0;
        int full = len - len % 3;
        while (i < full) {
            int bits = (data[i++] & 0xff) << 16 | (data[i++] & 0xff) << 8 | (data[i++] & 0xff);
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[(bits >>> 12) & 0x3f];
            out[o++] = ALPHABET[(bits >>> 6) & 0x3f];
            out[o++] = ALPHABET[bits & 0x3f];
        }
        int rest = len - full;
        if (rest == 1) {
            int bits = (data[i] & 0xff) << 16;
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[(bits >>> 12) & 0x3f];
            out[o++] = PAD;
            out[o] = PAD;
        } else if (rest == 2) {
            int bits = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8;
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[(bits >>> 12) & 0x3f];
            out[o++] = ALPHABET[(bits >>> 6) & 0x3f];
            out[o] = PAD;
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes a value in CloudFront's alphabet. Missing padding is tolerated (AWS's own documentation
     * example of a {@code Policy} value is unpadded).
     *
     * @throws IllegalArgumentException if the text holds a character outside the alphabet, naming it and
     *     its position, or is not a valid base64 length
     */
    public static byte[] decode(CharSequence text) {
        int len = text.length();
        int end = len;
        while (end > 0 && (text.charAt(end - 1) == '_' || text.charAt(end - 1) == '=')) {
            end--;
        }
        if (len - end > 2) {
            throw new IllegalArgumentException("too much padding at position " + end);
        }
        char[] standard = new char[end + (4 - end % 4) % 4];
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            char mapped;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                mapped = c;
            } else if (c == '-' || c == '+') {
                mapped = '+';
            } else if (c == '~' || c == '/') {
                mapped = '/';
            } else {
                throw new IllegalArgumentException("character " + describe(c) + " at position " + i
                        + " is not in CloudFront's base64 alphabet [A-Za-z0-9-~_]");
            }
            standard[i] = mapped;
        }
        if (end % 4 == 1) {
            throw new IllegalArgumentException("length " + end + " is not a valid base64 length");
        }
        for (int i = end; i < standard.length; i++) {
            standard[i] = '=';
        }
        return Base64.getDecoder().decode(new String(standard).getBytes(StandardCharsets.US_ASCII));
    }

    public static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        if (c < 0x20 || c == 0x7f) {
            return code + " (a control character)";
        }
        return "'" + c + "' (" + code + ")";
    }
}
