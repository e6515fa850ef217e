package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * A by-hand throughput check (not a test; JMH benchmarks live in their own module). Run after
 * {@code mvn -pl core test-compile}:
 *
 * <pre>{@code
 * java -cp core/target/classes:core/target/test-classes io.github.cloudfrontsigned.rewrite.RewriterThroughput
 * }</pre>
 *
 * It writes a 100 KB HTML page in 8 KiB writes, into a sink that copies into a reused buffer (like a servlet
 * response buffer) and into one that discards, with and without the rewriter. Figures are per core: bytes per
 * second of the measuring thread's CPU time.
 */
final class RewriterThroughput {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Copies into a reused 1 MiB buffer, like a container's response buffer. */
    static final class CopySink extends OutputStream {
        final byte[] buffer = new byte[1 << 20];
        int pos;

        @Override
        public void write(int b) {
            buffer[pos++ & (buffer.length - 1)] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (pos + len > buffer.length) {
                pos = 0;
            }
            System.arraycopy(b, off, buffer, pos, len);
            pos += len;
        }
    }

    interface Run {
        void page() throws IOException;
    }

    /** Best of 7 rounds of ~0.3 s, in bytes per second of this thread's CPU time (the machine may be shared). */
    static double measure(String name, int bytesPerPage, Run run) throws IOException {
        for (int i = 0; i < 20_000; i++) {
            run.page();
        }
        double best = 0;
        for (int round = 0; round < 7; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            int pages = 0;
            while (CPU.getCurrentThreadCpuTime() - start < 300_000_000L) {
                for (int i = 0; i < 100; i++) {
                    run.page();
                }
                pages += 100;
            }
            double seconds = (CPU.getCurrentThreadCpuTime() - start) / 1e9;
            best = Math.max(best, (double) pages * bytesPerPage / seconds / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-58s %6.2f GB/s%n", name, best);
        return best;
    }

    static void write(OutputStream out, byte[] page, int chunk) throws IOException {
        for (int off = 0; off < page.length; off += chunk) {
            out.write(page, off, Math.min(chunk, page.length - off));
        }
    }

    public static void main(String[] args) throws IOException {
        LinkRewriter rewriter = LinkRewriter.builder()
                .protectedPrefix("https://cdn.example.com/private/")
                .build();
        String params = "Expires=1767290400&Signature=" + "abcdefghij".repeat(34) + "abcd&Key-Pair-Id=K2JCJMDEHXQW5F";
        LinkSigner signer = url -> params;
        byte[] links = LinkRewriterTest.randomPage(new Random(1), 50, 100_000).getBytes(StandardCharsets.UTF_8);
        // the same page with every protected link broken (same length, same bytes otherwise)
        byte[] plain = new String(links, StandardCharsets.UTF_8)
                .replace("/private/", "/pri/vate")
                .getBytes(StandardCharsets.UTF_8);
        String json = "{\"items\":["
                + "{\"id\":12345,\"title\":\"Some title here\",\"url\":\"https://example.org/x/y\"},".repeat(1300)
                + "{}]}";
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        int chunk = 8192;
        CopySink copy = new CopySink();
        StreamingTest.CountingSink discard = new StreamingTest.CountingSink();

        double baseCopy =
                measure("copy the page, no rewriter (copy sink)", plain.length, () -> write(copy, plain, chunk));
        measure("page without protected links, rewriter -> discard sink", plain.length, () -> {
            try (OutputStream out = rewriter.wrap(discard, StandardCharsets.UTF_8, "text/html", null, signer)) {
                write(out, plain, chunk);
            }
        });
        double noLinks = measure("page without protected links, rewriter -> copy sink", plain.length, () -> {
            try (OutputStream out = rewriter.wrap(copy, StandardCharsets.UTF_8, "text/html", null, signer)) {
                write(out, plain, chunk);
            }
        });
        measure("JSON without protected links (text syntax) -> discard", jsonBytes.length, () -> {
            try (OutputStream out = rewriter.wrap(discard, StandardCharsets.UTF_8, "application/json", null, signer)) {
                write(out, jsonBytes, chunk);
            }
        });
        double withLinks = measure("page with 50 links, constant signer -> copy sink", links.length, () -> {
            try (OutputStream out = rewriter.wrap(copy, StandardCharsets.UTF_8, "text/html", null, signer)) {
                write(out, links, chunk);
            }
        });
        LinkSigner fresh = url -> new String(params); // a new string per link: no reuse of the checked parameters
        double withFresh = measure("page with 50 links, new string per link -> copy sink", links.length, () -> {
            try (OutputStream out = rewriter.wrap(copy, StandardCharsets.UTF_8, "text/html", null, fresh)) {
                write(out, links, chunk);
            }
        });
        System.out.printf(
                Locale.ROOT,
                "50 links vs none, same page, through the rewriter: %.0f %%" + " (new strings: %.0f %%)%n",
                100 * withLinks / noLinks,
                100 * withFresh / noLinks);
        System.out.printf(
                Locale.ROOT,
                "through the rewriter vs a plain copy: %.0f %% without links, %.0f %% with 50%n",
                100 * noLinks / baseCopy,
                100 * withLinks / baseCopy);
    }
}
