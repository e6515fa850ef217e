package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What rewriting a page costs as the page grows and as it holds more protected links: HTML pages of 10 KB to
 * 1 MB with 0 to 500 links spread evenly, written in 8 KiB chunks through the rewriter with the real remembered
 * link signer ({@link CloudFrontSigner#linkSigner(Duration)}, RSA-2048, warm), next to writing the already
 * signed page to the same sink ({@code sendSigned}: the limit, nothing computed). One operation is one page.
 * {@code benchmarks/chart.py} draws the SVG chart of RESULTS.md from this benchmark's JSON.
 */
public class RewriteCostBenchmark extends ThroughputBenchmark {

    private static final String PREFIX = "https://d111111abcdef8.cloudfront.net/private/";

    /** Created by JMH. */
    public RewriteCostBenchmark() {}

    /** The page and the rewriter. */
    @State(Scope.Thread)
    public static class Page {
        /** {@code bytes:links}: the unsigned page's size and how many protected links it holds. */
        @Param({
            "10000:0",
            "100000:0",
            "1000000:0",
            "10000:5",
            "100000:50",
            "1000000:500",
            "100000:10",
            "100000:100",
            "100000:200"
        })
        public String shape;

        byte[] page;
        byte[] signedPage;
        LinkRewriter rewriter;
        LinkSigner linkSigner;
        final RewriterBenchmark.CopyingSink sink = new RewriterBenchmark.CopyingSink();

        /** Created by JMH. */
        public Page() {}

        /**
         * Builds the page, warms the signer and signs the page once (the limit's page).
         *
         * @throws IOException never: everything is in memory
         */
        @Setup
        public void setUp() throws IOException {
            int colon = shape.indexOf(':');
            page = html(Integer.parseInt(shape.substring(0, colon)), Integer.parseInt(shape.substring(colon + 1)));
            rewriter = LinkRewriter.builder().protectedPrefix(PREFIX).build();
            linkSigner = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, BenchmarkKeys.rsa().getPrivate())
                    .signatureProvider(SignatureProvider.JDK)
                    .expiryGranularity(Duration.ofMinutes(5))
                    .build()
                    .linkSigner(Duration.ofMinutes(10));
            java.io.ByteArrayOutputStream signed = new java.io.ByteArrayOutputStream();
            OutputStream out = rewriter.wrap(signed, StandardCharsets.UTF_8, linkSigner);
            out.write(page);
            out.close();
            signedPage = signed.toByteArray();
        }

        /** Cards of about 250 bytes; {@code links} of them (spread evenly) show a protected image. */
        static byte[] html(int bytes, int links) {
            StringBuilder sb = new StringBuilder(bytes + 1024);
            sb.append("<!DOCTYPE html>\n<html><head><title>Library</title>"
                    + "<link rel=\"stylesheet\" href=\"/static/site.css\"></head>\n<body>\n");
            int cards = (bytes - 200) / 250;
            for (int item = 0; item < cards; item++) {
                boolean protectedLink = (long) (item + 1) * links / cards > (long) item * links / cards;
                String src = protectedLink
                        ? PREFIX + "photos/2026/photo-" + item + ".jpg?w=640"
                        : "/static/thumbs/photo-" + item + ".jpg";
                RewriterBenchmark.card(sb, item, src);
            }
            while (sb.length() < bytes - 16) {
                sb.append(' ');
            }
            sb.append("</body></html>\n");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The CPU time the measuring thread spends, as a secondary result {@code cpuNanos} in ns per second: divided
     * by the same iteration's operations per second it gives the CPU time per page, which the load of a shared
     * machine barely moves ({@code chart.py} plots that). Reading the thread's CPU clock costs about 1 µs per
     * page.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cpu {
        private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
        /** Nanoseconds of thread CPU time, normalized by JMH to a rate. */
        public long cpuNanos;

        /** Created by JMH. */
        public Cpu() {}

        long now() {
            return CLOCK.getCurrentThreadCpuTime();
        }
    }

    /**
     * The unsigned page streamed through the rewriter.
     *
     * @param p the page
     * @param cpu the CPU clock
     * @return the bytes written to the sink so far
     * @throws IOException never: the sink is in memory
     */
    @Benchmark
    public long rewrite(Page p, Cpu cpu) throws IOException {
        long start = cpu.now();
        try (OutputStream out = p.rewriter.wrap(p.sink, StandardCharsets.UTF_8, "text/html", null, p.linkSigner)) {
            RewriterBenchmark.writeInChunks(out, p.page);
        }
        cpu.cpuNanos += cpu.now() - start;
        return p.sink.total;
    }

    /**
     * The already signed page written to the same sink: what sending the rewriter's output costs.
     *
     * @param p the page
     * @param cpu the CPU clock
     * @return the bytes written to the sink so far
     * @throws IOException never
     */
    @Benchmark
    public long sendSigned(Page p, Cpu cpu) throws IOException {
        long start = cpu.now();
        RewriterBenchmark.writeInChunks(p.sink, p.signedPage);
        cpu.cpuNanos += cpu.now() - start;
        return p.sink.total;
    }
}
