package io.github.cloudfrontsigned.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Between the output stream channel of a {@link RewritingResponse} (the rewriter, or the application directly) and
 * the container's stream. Blocking output goes straight through. Once the application sets a
 * {@link WriteListener}, the container's stream is non-blocking: what cannot be written now (the container is
 * not ready, or earlier bytes still wait) is kept here and written from {@link WriteListener#onWritePossible()}
 * before the application's own listener runs; the application sees {@code isReady() == false} until it is all
 * out, so it never writes more. What is kept is therefore bounded by one application write plus what the rewriter
 * adds to it (signatures) and the link it held back at the end. Flush, close and {@code AsyncContext.complete()}
 * wait for it the same way: nothing is dropped. Not thread-safe: the container calls the listener and the
 * application writes one at a time, as the Servlet specification requires.
 */
final class NonBlockingOutput extends OutputStream {

    private final ServletOutputStream container;
    private boolean nonBlocking;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private boolean flushWanted;
    private boolean closeWanted;
    private boolean closed;
    private Runnable afterDrain;

    NonBlockingOutput(ServletOutputStream container) {
        this.container = container;
    }

    /** Switches to non-blocking output: the application's listener is called through this one's. */
    void setWriteListener(WriteListener application) {
        nonBlocking = true;
        container.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() throws IOException {
                if (!drain()) {
                    return; // the container calls again when it can take more
                }
                Runnable then = afterDrain;
                if (then != null) {
                    afterDrain = null;
                    then.run();
                    return;
                }
                if (!closed) {
                    application.onWritePossible();
                }
            }

            @Override
            public void onError(Throwable t) {
                application.onError(t);
            }
        });
    }

    boolean nonBlocking() {
        return nonBlocking;
    }

    /** Non-blocking: whether the application may write now (nothing waits, and the container is ready). */
    boolean isReady() {
        try {
            return drain() && container.isReady();
        } catch (IOException e) {
            return true; // the write that follows reports the failure
        }
    }

    /** Non-blocking: whether earlier bytes still wait for the container. */
    boolean hasPending() {
        return pendingLength > 0;
    }

    /**
     * Non-blocking: runs {@code action} (the container's {@code complete()}) once everything kept has been
     * written; at once when nothing waits.
     *
     * @return {@code true} if it was deferred
     */
    boolean runWhenDrained(Runnable action) {
        if (!nonBlocking || pendingLength == 0) {
            return false;
        }
        afterDrain = action;
        return true;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        if (!nonBlocking || pendingLength == 0 && container.isReady()) {
            container.write(b, off, len);
            return;
        }
        if (pendingLength + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + len, pending.length * 2));
        }
        System.arraycopy(b, off, pending, pendingLength, len);
        pendingLength += len;
    }

    @Override
    public void flush() throws IOException {
        if (!nonBlocking) {
            container.flush();
            return;
        }
        flushWanted = true;
        drain();
    }

    @Override
    public void close() throws IOException {
        if (!nonBlocking) {
            container.close();
            return;
        }
        closed = true;
        closeWanted = true;
        drain();
    }

    /**
     * Writes what is kept while the container is ready, then a wanted flush or close.
     *
     * @return {@code true} when nothing is kept any more
     */
    private boolean drain() throws IOException {
        if (pendingLength > 0) {
            if (!container.isReady()) {
                return false;
            }
            byte[] out = Arrays.copyOf(pending, pendingLength);
            pendingLength = 0;
            if (pending.length > 64 * 1024) {
                pending = new byte[0]; // do not keep a large buffer for the rest of a long response
            }
            container.write(out);
        }
        if ((flushWanted || closeWanted) && container.isReady()) {
            boolean close = closeWanted;
            flushWanted = false;
            closeWanted = false;
            if (close) {
                container.close();
            } else {
                container.flush();
            }
        }
        return true;
    }
}
