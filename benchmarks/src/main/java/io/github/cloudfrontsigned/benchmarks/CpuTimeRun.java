package io.github.cloudfrontsigned.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@link RewriterBenchmark#rewrite} timed by this thread's CPU time instead of the wall clock: on a shared machine
 * whose load average exceeds its cores, JMH's wall-clock figures swing by a factor of three between iterations,
 * while the CPU time a page costs stays put. Best of 9 rounds of 0.3 s CPU after 2 s of warm-up, per parameter
 * set. Usage: {@code java -cp benchmarks.jar io.github.cloudfrontsigned.benchmarks.CpuTimeRun}; put another
 * build's jar after this one on the class path to time that build's rewriter with the same workload.
 */
public final class CpuTimeRun {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CpuTimeRun() {}

    /**
     * Prints µs of CPU per 100 KB page for each {@code links x signer} of {@link RewriterBenchmark.Page}.
     *
     * @param args optional: {@code links:signer} pairs, default four; {@code links:signer:writer} measures
     *     {@link RewriterBenchmark#rewriteWriter} (the page written line by line through a {@code Writer}) instead
     *     of {@link RewriterBenchmark#rewrite}
     * @throws Exception if the benchmark fails
     */
    public static void main(String[] args) throws Exception {
        String[] sets = args.length > 0 ? args : new String[] {"0:memo", "50:memo", "50:constant", "50:unsigned"};
        RewriterBenchmark bench = new RewriterBenchmark();
        for (String set : sets) {
            RewriterBenchmark.Page p = new RewriterBenchmark.Page();
            String[] parts = set.split(":");
            p.links = Integer.parseInt(parts[0]);
            p.signer = parts[1];
            boolean writer = parts.length > 2 && parts[2].equals("writer");
            p.setUp();
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 2_000_000_000L) {
                run(bench, p, writer);
            }
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 9; round++) {
                long start = CPU.getCurrentThreadCpuTime();
                int pages = 0;
                while (CPU.getCurrentThreadCpuTime() - start < 300_000_000L) {
                    for (int i = 0; i < 50; i++) {
                        run(bench, p, writer);
                    }
                    pages += 50;
                }
                best = Math.min(best, (CPU.getCurrentThreadCpuTime() - start) / 1e3 / pages);
            }
            System.out.printf(
                    Locale.ROOT,
                    "links=%-3d signer=%-9s %-6s %8.2f us/page  %6.2f GB/s%n",
                    p.links,
                    p.signer,
                    writer ? "writer" : "stream",
                    best,
                    RewriterBenchmark.PAGE_BYTES / best / 1e3);
        }
    }

    private static void run(RewriterBenchmark bench, RewriterBenchmark.Page p, boolean writer) throws Exception {
        if (writer) {
            bench.rewriteWriter(p);
        } else {
            bench.rewrite(p);
        }
    }
}
