package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Objects;

/**
 * The container's stream or writer as the link rewriter's downstream: writes and flushes pass, {@code close()}
 * does not, so that closing the rewriter (which writes what it still holds, then closes its downstream) leaves
 * the container's stream open for the container to complete the response. The servlet filter and the JAX-RS
 * interceptor both wrap what they hand to {@link LinkRewriter#wrap} in one. Not thread-safe, like the stream it
 * wraps.
 */
public final class KeepOpen {

    private KeepOpen() {}

    /**
     * @param out the container's stream
     * @return a stream writing and flushing to {@code out}, whose {@code close()} leaves {@code out} open
     */
    public static OutputStream outputStream(OutputStream out) {
        Objects.requireNonNull(out, "out");
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() {
                // the container closes (and completes) its stream
            }
        };
    }

    /**
     * @param out the container's writer
     * @return a writer writing and flushing to {@code out}, whose {@code close()} leaves {@code out} open
     */
    public static Writer writer(Writer out) {
        Objects.requireNonNull(out, "out");
        return new Writer() {
            @Override
            public void write(int c) throws IOException {
                out.write(c);
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                out.write(cbuf, off, len);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                out.write(str, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() {
                // the container closes (and completes) its writer
            }
        };
    }
}
