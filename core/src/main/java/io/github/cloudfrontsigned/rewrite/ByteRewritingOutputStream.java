package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CoderMalfunctionError;
import java.nio.charset.StandardCharsets;

/**
 * The byte-level wrapper for ASCII-compatible charsets. Writes are copied into a carry window and scanned there
 * (where {@link AnchorSearch#flag} can mark them in a second array at the same index): small writes are gathered
 * until it fills or {@link #flush()} is called, larger ones are scanned one window at a time; a candidate link that
 * is not complete yet is kept in the same window. What the scans of one {@code write} emit, runs of unchanged
 * bytes and inserted parameters, is gathered in a second buffer of {@value #GATHERED} bytes and written downstream
 * when that buffer is full or the {@code write} returns (a run of {@value #DIRECT} bytes or more is written straight
 * from the array scanned), so a 100 KB page of 50 links written at once costs about four writes to the container
 * (each larger than the container's aggregation size, so each goes to the network as it is) instead of two per
 * link, or one per 8 KiB window. Nothing stays gathered once a {@code write} returns. The buffers (window, marks,
 * gathered output) come from {@link CarryPool} on first use and go back at {@link #close()}. Not thread-safe.
 */
final class ByteRewritingOutputStream extends OutputStream {

    /** Writes at least this long are scanned at once rather than gathered until the window fills. */
    private static final int GATHER_BELOW = 1024;
    /** Room for new bytes next to a retained candidate. */
    private static final int CHUNK = 8192;
    /** The size of the gathered output: a servlet container's usual output buffer (Jetty 32 KiB, Tomcat 8 KiB). */
    static final int GATHERED = 32768;
    /** Runs at least this long are written from the scanned array instead of being gathered. */
    static final int DIRECT = 8192;

    private final OutputStream out;
    private final Scanner scanner;
    /** Taken from {@link CarryPool} on first use, given back at close. */
    private byte[] carry;

    private final int capacity;
    private int carryLen;
    /** The gathered output, taken from {@link CarryPool} on first use, given back at close. */
    private byte[] gathered;

    private int gatheredLen;
    private final WrapperState state = new WrapperState();

    ByteRewritingOutputStream(
            OutputStream out,
            Charset charset,
            LinkMatcher matcher,
            LinkSigner signer,
            int mode,
            String scheme,
            int maxLinkLength) {
        this.out = out;
        this.scanner = new Scanner(matcher, signer, mode, scheme, maxLinkLength, charset);
        this.capacity = LinkScanner.maxRetained(maxLinkLength) + CHUNK;
    }

    private final class Scanner extends LinkScanner {
        private final Charset charset;
        private final boolean utf8;

        Scanner(LinkMatcher matcher, LinkSigner signer, int mode, String scheme, int maxLinkLength, Charset charset) {
            super(matcher, signer, mode, scheme, maxLinkLength);
            this.charset = charset;
            this.utf8 = charset.equals(StandardCharsets.UTF_8);
        }

        @Override
        void emitRun(byte[] s, int from, int to) throws IOException {
            gather(s, from, to - from);
        }

        @Override
        void emitInsertion(byte[] ascii, int len) throws IOException {
            gather(ascii, 0, len);
        }

        @Override
        void appendNonAscii(byte[] s, int from, int to, UrlBuilder url) {
            if (utf8) {
                for (int i = from; i < to; i++) {
                    url.percentByte(s[i] & 0xFF);
                }
            } else {
                new String(s, from, to - from, charset).codePoints().forEach(url::percentEncoded);
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (state.passThrough) {
            out.write(b);
            return;
        }
        state.ensureOpen();
        if (carryLen == capacity) {
            process(false);
            drain();
            if (state.passThrough) {
                out.write(b);
                return;
            }
        }
        carry()[carryLen++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (state.passThrough) {
            out.write(b, off, len);
            return;
        }
        state.ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len < GATHER_BELOW) {
            if (capacity - carryLen < len) {
                process(false);
                drain();
                if (state.passThrough) {
                    out.write(b, off, len);
                    return;
                }
            }
            if (capacity - carryLen >= len) {
                System.arraycopy(b, off, carry(), carryLen, len);
                carryLen += len;
                return;
            }
        }
        // copied into the carry window, whose bytes the search marks at the same index (see AnchorSearch.flag)
        while (len > 0) {
            int n = Math.min(len, capacity - carryLen);
            System.arraycopy(b, off, carry(), carryLen, n);
            carryLen += n;
            off += n;
            len -= n;
            process(false);
            if (state.passThrough) {
                out.write(b, off, len);
                return;
            }
        }
        drain();
    }

    /** Adds to the gathered output; writes it first when {@code b} does not fit. */
    private void gather(byte[] b, int off, int len) throws IOException {
        byte[] g = gathered;
        if (g == null) {
            g = gathered = CarryPool.acquire(GATHERED);
        }
        if (len > GATHERED - gatheredLen) {
            drain();
        }
        if (len >= DIRECT) {
            drain();
            state.downstream = true;
            out.write(b, off, len);
            state.downstream = false;
            return;
        }
        System.arraycopy(b, off, g, gatheredLen, len);
        gatheredLen += len;
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

    private byte[] carry() {
        if (carry == null) {
            carry = CarryPool.acquire(capacity);
            scanner.flags = AnchorSearch.FLAGGED ? CarryPool.acquire(capacity) : null;
        }
        return carry;
    }

    private void processAndDrain(boolean eof) throws IOException {
        process(eof);
        drain();
    }

    /** Scans the window; what it emits stays gathered (up to {@value #GATHERED} bytes) until the caller drains. */
    private void process(boolean eof) throws IOException {
        if (carryLen == 0) {
            return;
        }
        int r = scan(carry, 0, carryLen, eof);
        if (state.passThrough) {
            carryLen = 0;
            return;
        }
        System.arraycopy(carry, r, carry, 0, carryLen - r);
        carryLen -= r;
    }

    /**
     * Scans; if the scanner fails (a bug, or a charset's decoder malfunctioning; never the signer: its failures
     * are handled per link), writes the rest
     * of {@code s[from, to)} unchanged and passes everything after it through.
     */
    private int scan(byte[] s, int from, int to, boolean eof) throws IOException {
        int r;
        try {
            r = scanner.scan(s, from, to, eof);
        } catch (RuntimeException | CoderMalfunctionError e) {
            state.failed(e);
            drain(); // everything before scanner.emitted
            int done = Math.max(from, Math.min(scanner.emitted, to));
            out.write(s, done, to - done);
            return to;
        }
        return r;
    }

    @Override
    public void flush() throws IOException {
        state.flush(carryLen > 0, this::processAndDrain, out);
        scanner.flushed();
    }

    @Override
    public void close() throws IOException {
        try {
            state.close(this::processAndDrain, out);
        } finally {
            if (state.closed) {
                byte[] done = carry;
                carry = null;
                carryLen = 0;
                CarryPool.release(done);
                byte[] marks = scanner.flags;
                scanner.flags = null;
                CarryPool.release(marks);
                byte[] g = gathered;
                gathered = null;
                gatheredLen = 0;
                CarryPool.release(g);
            }
        }
    }
}
