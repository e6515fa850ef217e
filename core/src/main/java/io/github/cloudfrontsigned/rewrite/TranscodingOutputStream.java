package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderMalfunctionError;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * The wrapper for charsets that are not ASCII-compatible (UTF-16, UTF-32, Shift_JIS, GBK, EBCDIC ...): decodes
 * the bytes one character at a time, remembering where each character's bytes start, scans an ASCII shadow of
 * the characters and writes the <em>original bytes</em>; only the inserted signing parameters are encoded. So
 * the body stays byte-identical even where decoding and encoding would not round-trip (byte-order marks,
 * unpaired surrogates, malformed input, duplicate mappings). A character split across writes is completed by
 * the next write. Not thread-safe.
 */
final class TranscodingOutputStream extends OutputStream {

    private static final int CHUNK = 8192;

    private final OutputStream out;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final Scanner scanner;

    private final byte[] raw;
    private int rawLen;
    /** Where the decoder continues in {@link #raw}. */
    private int decodePos;

    private final ByteBuffer in;
    private final CharBuffer one = CharBuffer.allocate(2);

    private final char[] chars;
    private final byte[] shadow;
    /** offsets[k]: where the bytes of character k start in {@link #raw}; offsets[count]: where the next would. */
    private final int[] offsets;

    private int count;
    /** Bytes of {@link #raw} before this have been written (valid during {@link #process}). */
    private int rawEmitted;

    private final byte[] head = new byte[4];
    private int headLen;
    private int unitOrder = -1;
    private CharsetEncoder encoder;
    private byte[] encoded = new byte[1024];

    private final WrapperState state = new WrapperState();

    TranscodingOutputStream(
            OutputStream out,
            Charset charset,
            LinkMatcher matcher,
            LinkSigner signer,
            int mode,
            String scheme,
            int maxLinkLength) {
        this.out = out;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.scanner = new Scanner(matcher, signer, mode, scheme, maxLinkLength);
        int capacity = LinkScanner.maxRetained(maxLinkLength) + CHUNK;
        this.chars = new char[capacity];
        this.shadow = new byte[capacity];
        this.offsets = new int[capacity + 1];
        int maxBytes = (int) Math.ceil(charset.newEncoder().maxBytesPerChar());
        this.raw = new byte[(capacity + 16) * Math.max(4, maxBytes)];
        this.in = ByteBuffer.wrap(raw);
    }

    private final class Scanner extends LinkScanner {
        Scanner(LinkMatcher matcher, LinkSigner signer, int mode, String scheme, int maxLinkLength) {
            super(matcher, signer, mode, scheme, maxLinkLength);
        }

        @Override
        void emitRun(byte[] s, int from, int to) throws IOException {
            emitRaw(offsets[from], offsets[to]);
        }

        @Override
        void emitInsertion(byte[] ascii, int len) throws IOException {
            int n = encode(ascii, len);
            state.downstream = true;
            out.write(encoded, 0, n);
            state.downstream = false;
        }

        @Override
        void appendNonAscii(byte[] s, int from, int to, UrlBuilder url) {
            CharRewritingWriter.appendCodePoints(chars, from, to, url);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (state.passThrough) {
            out.write(b, off, len);
            return;
        }
        state.ensureOpen();
        while (headLen < head.length && len > 0) {
            head[headLen++] = b[off];
            raw[rawLen++] = b[off++];
            len--;
        }
        while (len > 0) {
            if (rawLen == raw.length) {
                process(false);
                if (state.passThrough) {
                    out.write(b, off, len);
                    return;
                }
            }
            int k = Math.min(len, raw.length - rawLen);
            System.arraycopy(b, off, raw, rawLen, k);
            rawLen += k;
            off += k;
            len -= k;
        }
    }

    private void process(boolean eof) throws IOException {
        rawEmitted = 0;
        try {
            boolean full;
            do {
                full = decode(eof);
                boolean allDecoded = decodePos == rawLen;
                compact(scanner.scan(shadow, 0, count, eof && allDecoded && !full));
            } while (full);
            if (eof) {
                emitRaw(0, rawLen); // bytes the decoder consumed without producing a character
                rawLen = 0;
                decodePos = 0;
                offsets[0] = 0;
            } else if (rawLen == raw.length) {
                throw new IllegalStateException("CFS-4104 no progress decoding " + charset.name());
            }
        } catch (RuntimeException | CoderMalfunctionError e) {
            state.failed(e);
            emitRaw(rawEmitted, rawLen);
            rawLen = 0;
            count = 0;
        }
    }

    private void emitRaw(int from, int to) throws IOException {
        if (to > from) {
            state.downstream = true;
            out.write(raw, from, to - from);
            state.downstream = false;
            rawEmitted = to;
        }
    }

    /**
     * Decodes as many characters as fit, one at a time, recording where each one's bytes start.
     *
     * @return whether it stopped because the character window is full
     */
    private boolean decode(boolean eof) {
        in.limit(rawLen).position(decodePos);
        int charStart = offsets[count];
        while (count < chars.length - 2) {
            int before = in.position();
            one.clear().limit(1);
            CoderResult result = decoder.decode(in, one, eof);
            if (one.position() == 0 && result.isOverflow()) {
                one.limit(2); // a surrogate pair
                result = decoder.decode(in, one, eof);
            }
            int produced = one.position();
            if (produced > 0) {
                for (int k = 0; k < produced; k++) {
                    char c = one.get(k);
                    chars[count] = c;
                    shadow[count] = c < 0x80 ? (byte) c : (byte) 0x80;
                    offsets[count] = k == 0 ? charStart : charStart + (in.position() - charStart) / 2;
                    count++;
                }
                charStart = in.position();
                continue;
            }
            if (result.isError()) {
                chars[count] = '\uFFFD';
                shadow[count] = (byte) 0x80;
                offsets[count] = charStart;
                count++;
                in.position(in.position() + result.length());
                charStart = in.position();
                continue;
            }
            if (in.position() == before) {
                break; // needs more input
            }
            // bytes consumed without a character (a byte-order mark, a shift sequence): they go with the next one
        }
        decodePos = in.position();
        offsets[count] = charStart;
        return count >= chars.length - 2;
    }

    private void compact(int r) {
        int shift = offsets[r];
        System.arraycopy(raw, shift, raw, 0, rawLen - shift);
        rawEmitted -= shift;
        rawLen -= shift;
        decodePos -= shift;
        int left = count - r;
        System.arraycopy(chars, r, chars, 0, left);
        System.arraycopy(shadow, r, shadow, 0, left);
        for (int k = 0; k <= left; k++) {
            offsets[k] = offsets[k + r] - shift;
        }
        count = left;
    }

    /** Encodes ASCII parameters in the stream's charset and byte order, without a byte-order mark. */
    private int encode(byte[] ascii, int len) {
        if (unitOrder < 0) {
            unitOrder = unitOrder();
        }
        int unit = unitOrder == 0 ? 0 : unitOrder <= 2 ? 2 : 4;
        if (unit > 0) {
            if (encoded.length < len * unit) {
                encoded = new byte[len * unit];
            }
            boolean big = unitOrder == 1 || unitOrder == 3;
            java.util.Arrays.fill(encoded, 0, len * unit, (byte) 0);
            for (int i = 0; i < len; i++) {
                encoded[i * unit + (big ? unit - 1 : 0)] = ascii[i];
            }
            return len * unit;
        }
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = (char) ascii[i];
        }
        ByteBuffer bb = ByteBuffer.allocate(len * 8 + 16);
        encoder.encode(CharBuffer.wrap(c), bb, false);
        if (encoded.length < bb.position()) {
            encoded = new byte[bb.position()];
        }
        bb.flip();
        int n = bb.remaining();
        bb.get(encoded, 0, n);
        return n;
    }

    /** 1/2: UTF-16 big/little endian, 3/4: UTF-32 big/little endian, 0: anything else (then sets the encoder). */
    private int unitOrder() {
        String name = charset.name().toUpperCase(java.util.Locale.ROOT);
        int b0 = headLen > 0 ? head[0] & 0xFF : -1;
        int b1 = headLen > 1 ? head[1] & 0xFF : -1;
        switch (name) {
            case "UTF-16":
                return b0 == 0xFF && b1 == 0xFE ? 2 : 1;
            case "UTF-16BE":
                return 1;
            case "UTF-16LE":
            case "X-UTF-16LE-BOM":
                return 2;
            case "UTF-32":
                return b0 == 0xFF && b1 == 0xFE ? 4 : 3;
            case "UTF-32BE":
            case "X-UTF-32BE-BOM":
                return 3;
            case "UTF-32LE":
            case "X-UTF-32LE-BOM":
                return 4;
            default:
                encoder = charset.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                encoder.encode(CharBuffer.wrap("a"), ByteBuffer.allocate(64), false); // past any initial mark
                return 0;
        }
    }

    @Override
    public void flush() throws IOException {
        state.flush(rawLen > 0, this::process, out);
        scanner.flushed();
    }

    @Override
    public void close() throws IOException {
        state.close(this::process, out);
    }
}
