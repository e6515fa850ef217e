package io.github.cloudfrontsigned.rewrite;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The wrappers' buffers kept for the next stream (carry windows, gathered output, the writer's window and its ASCII
 * shadow, the search's marks), so that a rewritten page allocates about 1 KB whatever its size instead of 17 KB
 * (bytes) or 65 KB (chars). Process-wide, at most {@value #SIZE} byte arrays and {@value #SIZE} char arrays; a
 * buffer of another length (another {@code maxLinkLength}) is taken only by a request for that length. A buffer's
 * content is garbage when acquired. Thread-safe (compare-and-set per slot); the {@link #acquired()} and
 * {@link #created()} counters exist for tests.
 */
final class CarryPool {

    private static final int SIZE = 48;
    private static final AtomicReferenceArray<byte[]> BYTES = new AtomicReferenceArray<>(SIZE);
    private static final AtomicReferenceArray<char[]> CHARS = new AtomicReferenceArray<>(SIZE);
    // LongAdder, not a volatile long: every response takes several buffers from every core, and one shared counter
    // would move its cache line between cores on each of them, for counts only tests read
    private static final LongAdder ACQUIRED = new LongAdder();
    private static final LongAdder CREATED = new LongAdder();

    private CarryPool() {}

    /** A byte buffer of {@code capacity} bytes, pooled if one is free. */
    static byte[] acquire(int capacity) {
        ACQUIRED.increment();
        for (int i = 0; i < SIZE; i++) {
            byte[] b = BYTES.get(i);
            if (b != null && b.length == capacity && BYTES.compareAndSet(i, b, null)) {
                return b;
            }
        }
        CREATED.increment();
        return new byte[capacity];
    }

    /** A char buffer of {@code capacity} chars, pooled if one is free. */
    static char[] acquireChars(int capacity) {
        ACQUIRED.increment();
        for (int i = 0; i < SIZE; i++) {
            char[] b = CHARS.get(i);
            if (b != null && b.length == capacity && CHARS.compareAndSet(i, b, null)) {
                return b;
            }
        }
        CREATED.increment();
        return new char[capacity];
    }

    /** Gives a buffer back; the caller must not touch it afterwards. {@code null} is ignored. */
    static void release(byte[] buffer) {
        if (buffer == null) {
            return;
        }
        for (int i = 0; i < SIZE; i++) {
            if (BYTES.get(i) == null && BYTES.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }

    /** Gives a buffer back; the caller must not touch it afterwards. {@code null} is ignored. */
    static void release(char[] buffer) {
        if (buffer == null) {
            return;
        }
        for (int i = 0; i < SIZE; i++) {
            if (CHARS.get(i) == null && CHARS.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }

    /** How many buffers were asked for since the start (for tests; exact while no stream takes a buffer concurrently). */
    static long acquired() {
        return ACQUIRED.sum();
    }

    /** How many of them had to be allocated because no pooled one was free (for tests; exact while no stream takes a buffer concurrently). */
    static long created() {
        return CREATED.sum();
    }
}
