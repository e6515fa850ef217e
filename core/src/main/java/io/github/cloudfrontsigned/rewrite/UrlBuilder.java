package io.github.cloudfrontsigned.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A reusable ASCII buffer for the URL given to the signer; cheaper than a StringBuilder. Not thread-safe. */
final class UrlBuilder {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] EMPTY = new byte[0];

    /** Allocated on the first link that needs its URL built (a link the memo knows does not). */
    private byte[] buf = EMPTY;

    private int len;

    void clear() {
        len = 0;
    }

    int length() {
        return len;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(Math.max(buf.length * 2, 256), len + more));
        }
    }

    UrlBuilder ascii(int c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    UrlBuilder ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    UrlBuilder ascii(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** Appends {@code %XX} for one byte. */
    void percentByte(int b) {
        ensure(3);
        buf[len] = '%';
        buf[len + 1] = HEX[b >> 4 & 0xF];
        buf[len + 2] = HEX[b & 0xF];
        len += 3;
    }

    /** Appends a code point percent-encoded as UTF-8. */
    void percentEncoded(int cp) {
        if (cp < 0x80) {
            percentByte(cp);
        } else if (cp < 0x800) {
            percentByte(0xC0 | cp >> 6);
            percentByte(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            percentByte(0xE0 | cp >> 12);
            percentByte(0x80 | cp >> 6 & 0x3F);
            percentByte(0x80 | cp & 0x3F);
        } else {
            percentByte(0xF0 | cp >> 18);
            percentByte(0x80 | cp >> 12 & 0x3F);
            percentByte(0x80 | cp >> 6 & 0x3F);
            percentByte(0x80 | cp & 0x3F);
        }
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    }
}
