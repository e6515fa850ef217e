package io.github.cloudfrontsigned.rewrite;

import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.CDN;
import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.PARAMS;
import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.Q_HTML;
import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.REWRITER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class StreamingTest {

    static final LinkSigner SIGNER = url -> PARAMS;

    /** One body with every kind of link and escape, so that a split lands inside each of them. */
    static final String MIXED = "<!DOCTYPE html><html><head><style>a{background:url(" + CDN + "s.png)}</style>"
            + "<script>var a='" + CDN + "a.js?x=1';var j={\"u\":\"https:\\/\\/cdn.example.com\\/private\\/j"
            + "?a=1\\u0026b=2\"};</script></head><body><!-- " + CDN + "c --><p>Get " + CDN + "t.pdf now</p>"
            + "<a href=\"" + CDN + "a.mp4?x=1&amp;y=2#t=10\">a</a><img src=//cdn.example.com/private/i.jpg alt=x>"
            + "<img srcset=\"" + CDN + "1.jpg 1x, " + CDN + "2.jpg 2x\"><div style=\"background:url(&quot;" + CDN
            + "d.png&quot;)\"></div><a href='https://cdn.example.com/privateer/no'>n</a>"
            + "<a href=\"" + CDN + "signed?Expires=1&amp;Signature=s&amp;Key-Pair-Id=K\">s</a> caf\u00e9 \u65e5\u672c "
            + CDN + "\u00e9\ud83d\ude00 <a href=\"" + CDN + "e\">" + CDN + "end";

    static byte[] oneShot(byte[] body, Charset charset, String contentType) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, charset, contentType, null, SIGNER)) {
            out.write(body);
        }
        return sink.toByteArray();
    }

    static byte[] split(byte[] body, int at, boolean flush, Charset charset, String contentType) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, charset, contentType, null, SIGNER)) {
            out.write(body, 0, at);
            if (flush) {
                out.flush();
            }
            out.write(body, at, body.length - at);
        }
        return sink.toByteArray();
    }

    @Test
    void mixedBody_signsEveryLinkKind() throws IOException {
        String out = new String(
                oneShot(MIXED.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "text/html"),
                StandardCharsets.UTF_8);
        assertEquals(13, out.split("Expires=1767290400", -1).length - 1, out);
        assertTrue(out.endsWith(CDN + "end" + Q_HTML), out);
    }

    @Test
    void linkSplitAcrossTwoWrites_atEveryByte() throws IOException {
        byte[] body = MIXED.getBytes(StandardCharsets.UTF_8);
        byte[] expected = oneShot(body, StandardCharsets.UTF_8, "text/html");
        for (int at = 0; at <= body.length; at++) {
            assertArrayEquals(expected, split(body, at, false, StandardCharsets.UTF_8, "text/html"), "split at " + at);
        }
    }

    @Test
    void linkSplitAcrossFlush_atEveryByte() throws IOException {
        byte[] body = MIXED.getBytes(StandardCharsets.UTF_8);
        byte[] expected = oneShot(body, StandardCharsets.UTF_8, "text/html");
        for (int at = 0; at <= body.length; at++) {
            assertArrayEquals(expected, split(body, at, true, StandardCharsets.UTF_8, "text/html"), "split at " + at);
        }
    }

    @Test
    void largeWritesSplitInsideLinks_scannedInPlace() throws IOException {
        // writes of 1 KiB and more are scanned in the caller's array: split such writes at every byte too
        String pad = "<p>" + "x".repeat(1500) + "</p>";
        byte[] body = (pad + MIXED + pad).getBytes(StandardCharsets.UTF_8);
        byte[] expected = oneShot(body, StandardCharsets.UTF_8, "text/html");
        for (int at = pad.length() - 10; at <= body.length - pad.length() + 10; at++) {
            assertArrayEquals(expected, split(body, at, false, StandardCharsets.UTF_8, "text/html"), "split at " + at);
        }
    }

    @Test
    void utf16_splitAtEveryByte() throws IOException {
        byte[] body = MIXED.getBytes(StandardCharsets.UTF_16);
        byte[] expected = oneShot(body, StandardCharsets.UTF_16, "text/html");
        assertArrayEquals(
                new String(
                                oneShot(MIXED.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "text/html"),
                                StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_16),
                expected);
        for (int at = 0; at <= body.length; at += 1) {
            assertArrayEquals(
                    expected, split(body, at, at % 2 == 0, StandardCharsets.UTF_16, "text/html"), "split at " + at);
        }
    }

    @Test
    void writer_splitAtEveryChar() throws IOException {
        String expected = new String(
                oneShot(MIXED.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "text/html"),
                StandardCharsets.UTF_8);
        for (int at = 0; at <= MIXED.length(); at++) {
            StringWriter sink = new StringWriter();
            try (Writer w = REWRITER.wrap(sink, "text/html", null, SIGNER)) {
                w.write(MIXED, 0, at);
                w.flush();
                w.write(MIXED.substring(at).toCharArray());
            }
            assertEquals(expected, sink.toString(), "split at " + at);
        }
    }

    @Test
    void oneByteWritesWithFlushes_sameAsOneShot() throws IOException {
        byte[] body = MIXED.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", null, SIGNER)) {
            for (byte b : body) {
                out.write(b);
                out.flush();
            }
        }
        assertArrayEquals(oneShot(body, StandardCharsets.UTF_8, "text/html"), sink.toByteArray());
    }

    @Test
    void randomChunksAcrossBufferBoundaries_sameAsOneShot() throws IOException {
        Random random = new Random(42);
        byte[] body = LinkRewriterTest.randomPage(random, 300, 400_000).getBytes(StandardCharsets.UTF_8);
        byte[] expected = oneShot(body, StandardCharsets.UTF_8, "text/html");
        for (int round = 0; round < 20; round++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", null, SIGNER)) {
                int off = 0;
                while (off < body.length) {
                    int n = Math.min(body.length - off, random.nextInt(random.nextBoolean() ? 100 : 30_000) + 1);
                    out.write(body, off, n);
                    off += n;
                    if (random.nextInt(4) == 0) {
                        out.flush();
                    }
                }
            }
            assertArrayEquals(expected, sink.toByteArray(), "round " + round);
        }
    }

    @Test
    void flush_releasesEverythingButAnIncompleteCandidate() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", null, SIGNER);
        out.write("<p>hello</p><a href=\"https://cdn.exa".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertEquals("<p>hello</p><a href=\"https://", sink.toString(StandardCharsets.UTF_8));
        out.write("mple.com/private/a\">".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertEquals("<p>hello</p><a href=\"" + CDN + "a" + Q_HTML + "\">", sink.toString(StandardCharsets.UTF_8));
        out.close();
    }

    @Test
    void fiftyMegabyteBody_streamsWithBoundedRetention() throws IOException {
        byte[] page = LinkRewriterTest.randomPage(new Random(7), 40, 100_003).getBytes(StandardCharsets.UTF_8);
        int linksPerPage = 40;
        CountingSink sink = new CountingSink();
        long total = 50L << 20;
        long written = 0;
        int bound = LinkScanner.maxRetained(LinkRewriter.DEFAULT_MAX_LINK_LENGTH) + 8192;
        long maxHeld = 0;
        int insertion = Q_HTML.length();
        long pages = 0;
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", null, SIGNER)) {
            int pos = 0;
            int chunk = 65_521;
            while (written < total) {
                int n = Math.min(chunk, page.length - pos);
                out.write(page, pos, n);
                written += n;
                pos += n;
                if (pos == page.length) {
                    pos = 0;
                    pages++;
                }
                long held = written + (pages * linksPerPage + linksIn(page, pos)) * (long) insertion - sink.count;
                maxHeld = Math.max(maxHeld, held);
            }
        }
        assertTrue(maxHeld <= bound, "held " + maxHeld + " bytes, bound " + bound);
        assertEquals(
                written + (pages * linksPerPage + linksIn(page, (int) (written % page.length))) * insertion,
                sink.count);
    }

    /** How many protected links of the page end before {@code end}. */
    private static int linksIn(byte[] page, int end) {
        String s = new String(page, 0, end, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = s.indexOf(CDN); i >= 0; i = s.indexOf(CDN, i + 1)) {
            if (s.indexOf('"', i) >= 0) {
                n++;
            }
        }
        return n;
    }

    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    @Test
    void rewriterFailure_byteStreamPassedThroughUnchanged() throws IOException {
        Charset exploding = new ExplodingLatin1();
        byte[] body = ("<a href=\"" + CDN + "a\">ok</a><a href=\"" + CDN + "b\u00ff\">boom</a> " + CDN + "c")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = oneShot(body, exploding, "text/html");
        assertArrayEquals(
                ("<a href=\"" + CDN + "a" + Q_HTML + "\">ok</a><a href=\"" + CDN + "b\u00ff\">boom</a> " + CDN + "c")
                        .getBytes(StandardCharsets.ISO_8859_1),
                out);
    }

    @Test
    void rewriterFailure_transcodedStreamPassedThroughUnchanged() throws IOException {
        Charset exploding = new ExplodingUtf16();
        byte[] body =
                ("<a href=\"" + CDN + "a\">ok</a>\uffff<a href=\"" + CDN + "b\">").getBytes(StandardCharsets.UTF_16BE);
        byte[] out = split(body, 100, true, exploding, "text/html");
        assertArrayEquals(
                ("<a href=\"" + CDN + "a" + Q_HTML + "\">ok</a>\uffff<a href=\"" + CDN + "b\">")
                        .getBytes(StandardCharsets.UTF_16BE),
                out);
    }

    /** ISO-8859-1 whose decoder fails on byte 0xFF: the scanner fails while building that link's URL. */
    static final class ExplodingLatin1 extends Charset {
        ExplodingLatin1() {
            super("x-test-exploding-latin1", new String[0]);
        }

        @Override
        public boolean contains(Charset cs) {
            return false;
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1, 1) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.hasRemaining()) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        int b = in.get() & 0xFF;
                        if (b == 0xFF) {
                            throw new IllegalStateException("exploding decoder");
                        }
                        out.put((char) b);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            return StandardCharsets.ISO_8859_1.newEncoder();
        }
    }

    /** UTF-16BE whose decoder fails on U+FFFF. */
    static final class ExplodingUtf16 extends Charset {
        ExplodingUtf16() {
            super("x-test-exploding-utf16", new String[0]);
        }

        @Override
        public boolean contains(Charset cs) {
            return false;
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 0.5f, 1) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.remaining() >= 2) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        char c = (char) ((in.get() & 0xFF) << 8 | in.get() & 0xFF);
                        if (c == '\uffff') {
                            throw new IllegalStateException("exploding decoder");
                        }
                        out.put(c);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            return StandardCharsets.UTF_16BE.newEncoder();
        }
    }
}
