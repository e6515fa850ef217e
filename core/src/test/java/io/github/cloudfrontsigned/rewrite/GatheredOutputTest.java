package io.github.cloudfrontsigned.rewrite;

import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.REWRITER;
import static io.github.cloudfrontsigned.rewrite.StreamingTest.SIGNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a rewritten response costs the container and the heap, counted rather than timed: writes downstream per
 * page, and buffers allocated per response once the pool is warm.
 */
final class GatheredOutputTest {

    private static final String PAGE = LinkRewriterTest.randomPage(new Random(11), 50, 100_000);

    /** Counts the calls it gets. */
    private static final class CountingStream extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            writes++;
            super.write(b);
        }
    }

    /** Counts the calls it gets. */
    private static final class CountingWriter extends StringWriter {
        int writes;

        @Override
        public void write(char[] cbuf, int off, int len) {
            writes++;
            super.write(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            writes++;
            super.write(str, off, len);
        }

        @Override
        public void write(String str) {
            write(str, 0, str.length());
        }

        @Override
        public void write(int c) {
            writes++;
            super.write(c);
        }
    }

    @Test
    void bytePage_writtenDownstreamOncePerScanNotPerLink() throws IOException {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        CountingStream sink = new CountingStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", null, SIGNER)) {
            for (int off = 0; off < page.length; off += 8192) {
                out.write(page, off, Math.min(8192, page.length - off));
            }
        }
        assertEquals(StreamingTest.oneShot(page, StandardCharsets.UTF_8, "text/html").length, sink.size());
        // 13 writes of 8 KiB, 50 links: at most about two writes per scan, where two per link were made before
        assertTrue(sink.writes <= 2 * 14, "writes downstream: " + sink.writes);
    }

    @Test
    void bytePage_writtenAtOnce_goesDownstreamInWritesOfTheGatheredSize() throws IOException {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        CountingStream sink = new CountingStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", null, SIGNER)) {
            out.write(page);
        }
        assertEquals(StreamingTest.oneShot(page, StandardCharsets.UTF_8, "text/html").length, sink.size());
        // one write per 32 KiB gathered, not one per 8 KiB window: a container sends each write over its
        // aggregation size (Jetty: 8 KiB) to the socket as it is
        int gathered = ByteRewritingOutputStream.GATHERED;
        assertTrue(sink.writes <= sink.size() / gathered + 1, "writes downstream: " + sink.writes);
    }

    @Test
    void writerPage_writtenDownstreamOncePerWindowNotPerLink() throws IOException {
        CountingWriter sink = new CountingWriter();
        try (Writer out = REWRITER.wrap(sink, "text/html", null, SIGNER)) {
            for (String line : PAGE.split("(?<=\n)")) {
                out.write(line); // as a template engine writes: piece by piece
            }
        }
        assertEquals(REWRITER.rewrite(PAGE, "text/html", null, SIGNER), sink.toString());
        assertTrue(sink.writes <= 20, "writes downstream: " + sink.writes);
    }

    @Test
    void sequentialResponses_reuseTheirBuffers() throws IOException {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) { // warm the pool
            respond(page);
        }
        long created = CarryPool.created();
        long acquired = CarryPool.acquired();
        for (int i = 0; i < 100; i++) {
            respond(page);
        }
        assertEquals(
                7 * 100,
                CarryPool.acquired() - acquired,
                "buffers asked for: a stream's window, its marks and gathered output; a writer's window, shadow, marks"
                        + " and gathered output");
        assertEquals(0, CarryPool.created() - created, "buffers allocated by 100 responses after the first");
    }

    private static void respond(byte[] page) throws IOException {
        try (OutputStream out =
                REWRITER.wrap(new ByteArrayOutputStream(), StandardCharsets.UTF_8, "text/html", null, SIGNER)) {
            out.write(page);
        }
        try (Writer out = REWRITER.wrap(new StringWriter(), "text/html", null, SIGNER)) {
            out.write(PAGE);
        }
    }
}
