package io.github.cloudfrontsigned.servlet;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Where one body channel of a {@link RewritingResponse} (its output stream or its writer) goes: the container's
 * own stream or writer, or the link rewriter wrapped around it. The target is chosen on first use, when the
 * response decides whether to rewrite. This is the one place that flushes, closes and finishes a channel, for
 * both channels. Not thread-safe, like the response.
 *
 * @param <T> {@code OutputStream} or {@code Writer}
 */
final class BodyTarget<T extends Closeable & Flushable> {

    private final T container;
    private final Supplier<T> choose;
    private T target;

    /**
     * @param container the container's stream or writer
     * @param choose decides and returns the target: {@code container} or a rewriter writing to it
     */
    BodyTarget(T container, Supplier<T> choose) {
        this.container = container;
        this.choose = choose;
    }

    /** The target, chosen on the first call after construction or {@link #restart()}. */
    T target() {
        if (target == null) {
            target = choose.get();
        }
        return target;
    }

    /**
     * The application's flush: the rewriter (if any) emits what it can into the container and flushes it (through
     * core's {@code KeepOpen}); else the container.
     */
    void flush() throws IOException {
        target().flush();
    }

    /** The application's close: the rewriter (if any) emits what it holds, then the container closes. */
    void close() throws IOException {
        T t = target();
        if (t != container) {
            t.close();
        }
        container.close();
    }

    /**
     * The end of the request: a rewriter in use emits what it holds and is dropped; the container stays open
     * (the container completes the response).
     */
    void finish() throws IOException {
        if (target != null && target != container) {
            T t = target;
            target = container;
            t.close();
        }
    }

    /** The response was reset: decide again on the next write. */
    void restart() {
        target = null;
    }

    /** An error page follows: what is written from now on goes to the container untouched. */
    void passThrough() {
        target = container;
    }
}
