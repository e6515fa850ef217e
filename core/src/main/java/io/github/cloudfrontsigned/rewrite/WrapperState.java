package io.github.cloudfrontsigned.rewrite;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * The state every rewriting wrapper ({@link ByteRewritingOutputStream}, {@link TranscodingOutputStream},
 * {@link CharRewritingWriter}) shares, and the rules on it: closed (writes fail, close is idempotent), passing
 * through after a failure of its own (the rest of the response goes out unchanged), or inside a write to the
 * wrapped stream (whose failures are the caller's, never a reason to pass through). Not thread-safe.
 */
final class WrapperState {

    /** Scans what is pending; {@code eof} at close. */
    interface Processor {
        void process(boolean eof) throws IOException;
    }

    boolean passThrough;
    boolean closed;
    /** Set around each write to the wrapped stream. */
    boolean downstream;

    void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("CFS-4103 the link-rewriting stream is closed");
        }
    }

    void flush(boolean pending, Processor processor, Flushable out) throws IOException {
        if (!passThrough && !closed && pending) {
            processor.process(false);
        }
        out.flush();
    }

    void close(Processor processor, Closeable out) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!passThrough) {
                processor.process(true);
            }
        } finally {
            out.close();
        }
    }

    /**
     * Handles a failure while scanning: a failure of the wrapped stream is rethrown; any other (a bug, or a
     * malfunctioning charset) switches to passing everything through and is logged. The caller then writes the
     * pending input unchanged.
     */
    void failed(Throwable e) {
        if (downstream) {
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw (Error) e; // callers catch only RuntimeException and CoderMalfunctionError
        }
        passThrough = true;
        LinkRewriter.reportScannerFailure(e);
    }
}
