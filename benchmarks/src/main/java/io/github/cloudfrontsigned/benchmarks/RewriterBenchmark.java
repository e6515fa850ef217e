package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.request.RequestRules;
import io.github.cloudfrontsigned.request.RequestSigning;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The streaming link rewriter over a 100 KB HTML page written in 8 KiB chunks, as a servlet writes it:
 * with no protected link (issue 4's target: at least 1 GB/s per core), and with 50 protected links signed by a
 * real signer's {@link CloudFrontSigner#linkSigner(Duration)} with a warm memo (target: at least 90% of copying the page unfiltered). The baseline
 * {@code copyUnfiltered} writes the same chunks to the same sink without the rewriter. One operation is one
 * page: bytes/s = ops/s x {@link #PAGE_BYTES}.
 */
public class RewriterBenchmark extends ThroughputBenchmark {

    /** The size of the page: 100 KB. */
    public static final int PAGE_BYTES = 100_000;

    private static final String PREFIX = "https://d111111abcdef8.cloudfront.net/private/";

    /** Created by JMH. */
    public RewriterBenchmark() {}

    /** A sink that copies what it is given into a reusable buffer, as a servlet output buffer does. */
    static final class CopyingSink extends OutputStream {
        private final byte[] buffer = new byte[16 * 1024];
        long total;

        @Override
        public void write(int b) {
            buffer[0] = (byte) b;
            total++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, buffer.length);
                System.arraycopy(b, off, buffer, 0, n);
                off += n;
                len -= n;
                total += n;
            }
        }
    }

    /** A writer that copies what it is given into a reusable buffer, as a servlet container's writer does. */
    static final class CopyingWriter extends Writer {
        private final char[] buffer = new char[8 * 1024];
        long total;

        @Override
        public void write(char[] c, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, buffer.length);
                System.arraycopy(c, off, buffer, 0, n);
                off += n;
                len -= n;
                total += n;
            }
        }

        @Override
        public void write(String str, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, buffer.length);
                str.getChars(off, off + n, buffer, 0);
                off += n;
                len -= n;
                total += n;
            }
        }

        @Override
        public void write(int c) {
            buffer[0] = (char) c;
            total++;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /** An anonymous viewer at 127.0.0.1 without cookies: what a request asks of the filter's viewer. */
    static final RequestSigning.Viewer ANONYMOUS = new RequestSigning.Viewer() {
        @Override
        public String userName() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public java.util.List<String> forwardedFor() {
            return java.util.List.of();
        }

        @Override
        public java.util.Map<String, String> cloudFrontCookies() {
            return java.util.Map.of();
        }
    };

    /** The page, the rewriter and a warm signer. */
    @State(Scope.Thread)
    public static class Page {
        /** {@code 0}: a page without protected links; {@code 50}: the same page with 50 of them. */
        @Param({"0", "50"})
        public int links;

        /**
         * What signs each link, to take the per-link cost apart: {@code memo} is the real
         * {@link CloudFrontSigner#linkSigner(Duration)} (distinct parameters per link, as served);
         * {@code constant} returns one string for every link (the rewriter's own work: finding the link, building
         * its URL, inserting parameters it has already checked); {@code unsigned} returns {@code null} (links found
         * and their URLs built, nothing inserted); {@code request} is what the servlet filter and the JAX-RS
         * interceptor hand the rewriter: a new {@link RequestSigning} per page over the same {@code memo} signer
         * (a request with no hooks, authentication or IP binding).
         */
        @Param({"memo", "constant", "unsigned", "request"})
        public String signer;

        byte[] page;
        /** The page as the pieces a template engine writes: one per line. */
        String[] pieces;

        LinkRewriter rewriter;
        LinkSigner linkSigner;
        /** For {@code request}: the filter's settings, from which each page takes a new {@link RequestSigning}. */
        RequestSigning.Settings settings;

        final CopyingSink sink = new CopyingSink();
        final CopyingWriter writerSink = new CopyingWriter();

        /** Created by JMH. */
        public Page() {}

        /**
         * Builds a 100 KB page and a signer whose cache already holds every link's signature.
         *
         * @throws IOException never: everything is in memory
         */
        @Setup
        public void setUp() throws IOException {
            page = html(links);
            pieces = new String(page, StandardCharsets.UTF_8).split("(?<=\n)");
            rewriter = LinkRewriter.builder().protectedPrefix(PREFIX).build();
            CloudFrontSigner cloudFront = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, BenchmarkKeys.rsa().getPrivate())
                    .signatureProvider(SignatureProvider.JDK)
                    .expiryGranularity(Duration.ofMinutes(5))
                    .build();
            // What the servlet filter and the JAX-RS feature use: canned links remembered per granularity window.
            LinkSigner memo = cloudFront.linkSigner(Duration.ofMinutes(10));
            String constant = memo.signingParameters(PREFIX + "constant.jpg");
            switch (this.signer) {
                case "memo":
                    linkSigner = memo;
                    break;
                case "constant":
                    linkSigner = url -> constant;
                    break;
                case "unsigned":
                    linkSigner = url -> null;
                    break;
                case "request":
                    settings = RequestSigning.Settings.builder(
                                    RequestRules.builder(cloudFront).build())
                            .signer(cloudFront)
                            .build();
                    linkSigner = RequestSigning.of(settings, ANONYMOUS, null);
                    break;
                default:
                    throw new IllegalArgumentException("signer: memo, constant or unsigned, not " + this.signer);
            }
            OutputStream warmUp = rewriter.wrap(sink, StandardCharsets.UTF_8, linkSigner);
            warmUp.write(page);
            warmUp.close();
        }

        /** @return the signer of one page: a new {@link RequestSigning} per page for {@code request} */
        LinkSigner signerForPage() {
            return settings == null ? linkSigner : RequestSigning.of(settings, ANONYMOUS, null);
        }

        static byte[] html(int links) {
            StringBuilder sb = new StringBuilder(PAGE_BYTES + 1024);
            sb.append("<!DOCTYPE html>\n<html><head><title>Library</title>"
                    + "<link rel=\"stylesheet\" href=\"/static/site.css\"></head>\n<body>\n");
            int item = 0;
            int placed = 0;
            while (sb.length() < PAGE_BYTES - 400) {
                // about 400 cards: every 7th one shows a protected image until the page holds `links` of them
                boolean protectedLink = placed < links && item % 7 == 0;
                placed += protectedLink ? 1 : 0;
                String src = protectedLink
                        ? PREFIX + "photos/2026/photo-" + item + ".jpg?w=640"
                        : "/static/thumbs/photo-" + item + ".jpg";
                card(sb, item, src);
                item++;
            }
            while (sb.length() < PAGE_BYTES - 16) {
                sb.append(' ');
            }
            sb.append("</body></html>\n");
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            int signed = 0;
            for (int i = sb.indexOf(PREFIX); i >= 0; i = sb.indexOf(PREFIX, i + 1)) {
                signed++;
            }
            if (signed != links) {
                throw new IllegalStateException("page has " + signed + " protected links, wanted " + links);
            }
            return bytes;
        }
    }

    /** Appends one card of about 250 bytes showing the image {@code src}. */
    static void card(StringBuilder sb, int item, String src) {
        sb.append("<div class=\"card\"><h2>Photo ")
                .append(item)
                .append("</h2>\n<p>A short description of")
                .append(" the photo, with a <a href=\"/photos/")
                .append(item)
                .append("\">details page</a>.</p>\n")
                .append("<img src=\"")
                .append(src)
                .append("\" alt=\"photo ")
                .append(item)
                .append("\" width=\"640\" height=\"480\"></div>\n");
    }

    /** Writes the page in 8 KiB chunks, as a servlet writes it. */
    static void writeInChunks(OutputStream out, byte[] page) throws IOException {
        for (int off = 0; off < page.length; off += 8192) {
            out.write(page, off, Math.min(8192, page.length - off));
        }
    }

    /**
     * The page streamed through the rewriter.
     *
     * @param p the page
     * @return the bytes written to the sink so far (keeps the work observable)
     * @throws IOException never: the sink is in memory
     */
    @Benchmark
    public long rewrite(Page p) throws IOException {
        OutputStream out = p.rewriter.wrap(p.sink, StandardCharsets.UTF_8, p.signerForPage());
        writeInChunks(out, p.page);
        out.close();
        return p.sink.total;
    }

    /**
     * The page written through {@code LinkRewriter.wrap(Writer)} line by line, as a template engine writes
     * through {@code getWriter()}.
     *
     * @param p the page
     * @return the chars written to the sink so far
     * @throws IOException never: the sink is in memory
     */
    @Benchmark
    public long rewriteWriter(Page p) throws IOException {
        Writer out = p.rewriter.wrap(p.writerSink, "text/html", null, p.signerForPage());
        for (String piece : p.pieces) {
            out.write(piece);
        }
        out.close();
        return p.writerSink.total;
    }

    /**
     * The same pieces written to the same writer without the rewriter: the writer path's baseline.
     *
     * @param p the page
     * @return the chars written to the sink so far
     */
    @Benchmark
    public long copyWriterUnfiltered(Page p) {
        for (String piece : p.pieces) {
            p.writerSink.write(piece, 0, piece.length());
        }
        return p.writerSink.total;
    }

    /**
     * The page copied to the same sink without the rewriter: the baseline.
     *
     * @param p the page
     * @return the bytes written to the sink so far
     * @throws IOException never
     */
    @Benchmark
    public long copyUnfiltered(Page p) throws IOException {
        writeInChunks(p.sink, p.page);
        return p.sink.total;
    }
}
