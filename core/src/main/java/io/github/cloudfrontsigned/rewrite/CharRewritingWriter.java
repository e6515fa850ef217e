package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CoderMalfunctionError;
import java.util.Objects;

/**
 * The character-level wrapper: gathers characters in a bounded window, scans an ASCII shadow of them (every
 * non-ASCII character, surrogates included, becomes one byte {@code 0x80}) and writes the original characters.
 * Characters leave when the window fills or on {@link #flush()}, except a candidate link that is not complete
 * yet. Not thread-safe.
 */
final class CharRewritingWriter extends Writer {

    private static final int CHUNK = 8192;

    private final Writer out;
    private final Scanner scanner;
    private final char[] chars;
    private final byte[] shadow;
    private int len;
    private final Lifecycle life = new Lifecycle();
    private char[] insertionChars = new char[512];

    /**
     * @param capacity the window size, 0 for the default; a smaller one only for a single write followed by
     *     {@link #close()}
     */
    CharRewritingWriter(Writer out, LinkMatcher matcher, LinkSigner signer, int mode, String scheme,
            int maxLinkLength, int capacity) {
        this.out = out;
        this.scanner = new Scanner(matcher, signer, mode, scheme, maxLinkLength);
        int standard = LinkScanner.maxRetained(maxLinkLength) + CHUNK;
        capacity = capacity <= 0 ? standard : Math.min(capacity, standard);
        this.chars = new char[capacity];
        this.shadow = new byte[capacity];
    }

    private final class Scanner extends LinkScanner {
        Scanner(LinkMatcher matcher, LinkSigner signer, int mode, String scheme, int maxLinkLength) {
            super(matcher, signer, mode, scheme, maxLinkLength);
        }

        @Override
        void emitRun(byte[] s, int from, int to) throws IOException {
            life.downstream = true;
            out.write(chars, from, to - from);
            life.downstream = false;
        }

        @Override
        void emitInsertion(byte[] ascii, int n) throws IOException {
            if (insertionChars.length < n) {
                insertionChars = new char[n];
            }
            for (int i = 0; i < n; i++) {
                insertionChars[i] = (char) ascii[i];
            }
            life.downstream = true;
            out.write(insertionChars, 0, n);
            life.downstream = false;
        }

        @Override
        void appendNonAscii(byte[] s, int from, int to, UrlBuilder url) {
            appendCodePoints(chars, from, to, url);
        }
    }

    /** Percent-encodes {@code c[from, to)} as UTF-8; an unpaired surrogate counts as U+FFFD, as in browsers. */
    static void appendCodePoints(char[] c, int from, int to, UrlBuilder url) {
        for (int i = from; i < to; i++) {
            int cp = c[i];
            if (Character.isHighSurrogate(c[i]) && i + 1 < to && Character.isLowSurrogate(c[i + 1])) {
                cp = Character.toCodePoint(c[i], c[i + 1]);
                i++;
            } else if (Character.isSurrogate(c[i])) {
                cp = 0xFFFD;
            }
            url.percentEncoded(cp);
        }
    }

    @Override
    public void write(int c) throws IOException {
        if (life.passThrough) {
            out.write(c);
            return;
        }
        life.ensureOpen();
        if (len == chars.length) {
            process(false);
        }
        chars[len] = (char) c;
        shadow[len] = c < 0x80 ? (byte) c : (byte) 0x80;
        len++;
    }

    @Override
    public void write(char[] cbuf, int off, int n) throws IOException {
        Objects.checkFromIndexSize(off, n, cbuf.length);
        append(cbuf, null, off, n);
    }

    @Override
    public void write(String str, int off, int n) throws IOException {
        Objects.checkFromIndexSize(off, n, str.length());
        append(null, str, off, n);
    }

    /** Appends from {@code cbuf} or else {@code str}. */
    private void append(char[] cbuf, String str, int off, int n) throws IOException {
        life.ensureOpen();
        while (n > 0) {
            if (len == chars.length) {
                process(false);
            }
            if (life.passThrough) {
                if (cbuf != null) {
                    out.write(cbuf, off, n);
                } else {
                    out.write(str, off, n);
                }
                return;
            }
            int k = Math.min(n, chars.length - len);
            if (cbuf != null) {
                System.arraycopy(cbuf, off, chars, len, k);
            } else {
                str.getChars(off, off + k, chars, len);
            }
            shade(len, k);
            len += k;
            off += k;
            n -= k;
        }
    }

    private void shade(int start, int n) {
        for (int i = start, end = start + n; i < end; i++) {
            char c = chars[i];
            shadow[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
    }

    private void process(boolean eof) throws IOException {
        if (len == 0) {
            return;
        }
        int r;
        try {
            r = scanner.scan(shadow, 0, len, eof);
        } catch (RuntimeException | CoderMalfunctionError e) {
            life.failed(e);
            int done = Math.max(0, Math.min(scanner.emitted, len));
            out.write(chars, done, len - done);
            len = 0;
            return;
        }
        System.arraycopy(chars, r, chars, 0, len - r);
        System.arraycopy(shadow, r, shadow, 0, len - r);
        len -= r;
    }

    @Override
    public void flush() throws IOException {
        life.flush(len > 0, this::process, out);
    }

    @Override
    public void close() throws IOException {
        life.close(this::process, out);
    }
}
