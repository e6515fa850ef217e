package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderMalfunctionError;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The character-level wrapper: gathers characters in a bounded window, scans a byte shadow of them (ASCII stays
 * itself, every other character, surrogates included, becomes one byte {@code >= 0x80}; made once per window with
 * the JDK's ISO-8859-1 encoder, see {@link #shadeNew}) and writes the original characters.
 * Characters leave when the window fills or on {@link #flush()}, except a candidate link that is not complete yet.
 * What a scan emits, runs of the window and inserted parameters, is gathered in an output buffer and written
 * downstream once per scan (or when that buffer is full), not twice per link. The window, its shadow and the output
 * buffer of a standard-size writer (and the shadow's marks, see {@link AnchorSearch#flag}) come from
 * {@link CarryPool} on first write and go back at {@link #close()}, so a response allocates the same few hundred
 * bytes whatever its size. Not thread-safe.
 */
final class CharRewritingWriter extends Writer {

    private static final int CHUNK = 8192;
    /** Characters shaded one by one after one the encoder stops at (above U+00FF). */
    private static final int SCALAR_RUN = 64;

    private final Writer out;
    private final Scanner scanner;
    private final int capacity;
    /** Whether the buffers are the pooled standard size (else allocated for one small rewrite). */
    private final boolean pooled;
    /** The window and its ASCII shadow: {@code null} until the first write and after close. */
    private char[] chars;

    private byte[] shadow;
    private int len;
    /** {@code shadow[0, shaded)} is made; {@code chars[shaded, len)} still needs its shadow. */
    private int shaded;
    /** The ISO-8859-1 encoder that makes the shadow, over views of the pooled window (see {@link #shadeNew}). */
    private CharsetEncoder latin1;

    private CharBuffer charView;
    private ByteBuffer shadowView;
    /** The gathered output ({@code null} when not pooled: then emitted pieces are written as they come). */
    private char[] gathered;

    private int gatheredLen;
    private final WrapperState state = new WrapperState();

    /**
     * @param capacity the window size, 0 for the default; a smaller one only for a single write followed by
     *     {@link #close()}
     */
    CharRewritingWriter(
            Writer out,
            LinkMatcher matcher,
            LinkSigner signer,
            int mode,
            String scheme,
            int maxLinkLength,
            int capacity) {
        this.out = out;
        this.scanner = new Scanner(matcher, signer, mode, scheme, maxLinkLength);
        int standard = LinkScanner.maxRetained(maxLinkLength) + CHUNK;
        this.pooled = capacity <= 0 || capacity >= standard;
        this.capacity = pooled ? standard : capacity;
    }

    /** Takes the window (pooled at the standard size) on first use. */
    private void window() {
        if (pooled) {
            chars = CarryPool.acquireChars(capacity);
            shadow = CarryPool.acquire(capacity);
            scanner.flags = AnchorSearch.FLAGGED ? CarryPool.acquire(capacity) : null;
            gathered = CarryPool.acquireChars(capacity);
            latin1 = StandardCharsets.ISO_8859_1.newEncoder();
            charView = CharBuffer.wrap(chars);
            shadowView = ByteBuffer.wrap(shadow);
        } else {
            chars = new char[capacity];
            shadow = new byte[capacity];
        }
    }

    private final class Scanner extends LinkScanner {
        Scanner(LinkMatcher matcher, LinkSigner signer, int mode, String scheme, int maxLinkLength) {
            super(matcher, signer, mode, scheme, maxLinkLength);
        }

        @Override
        void emitRun(byte[] s, int from, int to) throws IOException {
            int n = to - from;
            if (gathered != null && n > gathered.length - gatheredLen) {
                drain();
            }
            if (gathered == null || n > gathered.length) {
                state.downstream = true;
                out.write(chars, from, n);
                state.downstream = false;
                return;
            }
            System.arraycopy(chars, from, gathered, gatheredLen, n);
            gatheredLen += n;
        }

        @Override
        void emitInsertion(byte[] ascii, int n) throws IOException {
            if (gathered == null || n > gathered.length - gatheredLen) {
                drain();
                if (gathered == null || n > gathered.length) {
                    state.downstream = true;
                    out.write(new String(ascii, 0, n, StandardCharsets.ISO_8859_1));
                    state.downstream = false;
                    return;
                }
            }
            char[] g = gathered;
            int at = gatheredLen;
            for (int i = 0; i < n; i++) {
                g[at + i] = (char) ascii[i];
            }
            gatheredLen = at + n;
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

    /** Writes the gathered output downstream. */
    private void drain() throws IOException {
        if (gatheredLen > 0) {
            int n = gatheredLen;
            gatheredLen = 0;
            state.downstream = true;
            out.write(gathered, 0, n);
            state.downstream = false;
        }
    }

    @Override
    public void write(int c) throws IOException {
        if (state.passThrough) {
            out.write(c);
            return;
        }
        state.ensureOpen();
        if (chars == null) {
            window();
        }
        if (len == chars.length) {
            process(false);
            if (state.passThrough) {
                out.write(c);
                return;
            }
        }
        chars[len++] = (char) c;
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

    /** Appends from {@code cbuf} or else {@code str}; the shadow is made before the scan ({@link #shadeNew}). */
    private void append(char[] cbuf, String str, int off, int n) throws IOException {
        state.ensureOpen();
        if (chars == null && n > 0 && !state.passThrough) {
            window();
        }
        while (n > 0) {
            if (len == chars.length) {
                process(false);
            }
            if (state.passThrough) {
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
            len += k;
            off += k;
            n -= k;
        }
    }

    /**
     * Makes the shadow of {@code chars[shaded, len)}: each character up to U+00FF becomes its ISO-8859-1 byte (so
     * ASCII stays itself and every other one is a byte {@code >= 0x80}, as {@link LinkScanner} expects), each
     * above it (surrogates included) the byte {@code 0x80}. The JDK's ISO-8859-1 encoder does the bulk of it
     * with its intrinsic (SIMD on HotSpot) once per window, not a loop per character per write; after a
     * character it stops at, the next {@value #SCALAR_RUN} go through the per-character loop, so text with
     * many such characters (CJK) costs one encoder call per {@value #SCALAR_RUN} characters at most.
     */
    private void shadeNew() {
        int at = shaded;
        int end = len;
        if (latin1 == null) {
            shade(at, end);
        } else {
            CharBuffer in = charView;
            ByteBuffer to = shadowView;
            while (at < end) {
                in.limit(end).position(at);
                to.limit(end).position(at);
                latin1.encode(in, to, false);
                at = in.position();
                if (at < end) {
                    int stop = Math.min(end, at + SCALAR_RUN);
                    shade(at, stop);
                    at = stop;
                }
            }
        }
        shaded = end;
    }

    /** The per-character shadow of {@code chars[start, end)}. */
    private void shade(int start, int end) {
        char[] c = chars;
        byte[] sh = shadow;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            sh[i] = ch <= 0xFF ? (byte) ch : (byte) 0x80;
        }
    }

    private void process(boolean eof) throws IOException {
        if (len == 0) {
            return;
        }
        shadeNew();
        int r;
        try {
            r = scanner.scan(shadow, 0, len, eof);
        } catch (RuntimeException | CoderMalfunctionError e) {
            state.failed(e);
            drain(); // everything before scanner.emitted
            int done = Math.max(0, Math.min(scanner.emitted, len));
            out.write(chars, done, len - done);
            len = 0;
            shaded = 0;
            return;
        }
        drain();
        System.arraycopy(chars, r, chars, 0, len - r);
        System.arraycopy(shadow, r, shadow, 0, len - r);
        len -= r;
        shaded = len;
    }

    @Override
    public void flush() throws IOException {
        state.flush(len > 0, this::process, out);
        scanner.flushed();
    }

    @Override
    public void close() throws IOException {
        try {
            state.close(this::process, out);
        } finally {
            if (state.closed && chars != null) {
                char[] c = chars;
                byte[] sh = shadow;
                char[] g = gathered;
                byte[] marks = scanner.flags;
                chars = null;
                shadow = null;
                gathered = null;
                scanner.flags = null;
                charView = null;
                shadowView = null;
                len = 0;
                shaded = 0;
                gatheredLen = 0;
                if (pooled) {
                    CarryPool.release(c);
                    CarryPool.release(sh);
                    CarryPool.release(marks);
                    CarryPool.release(g);
                }
            }
        }
    }
}
