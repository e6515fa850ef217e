package io.github.cloudfrontsigned.rewrite;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few carry buffers of the byte wrapper kept for the next stream, so that a rewritten page allocates about
 * 1 KB instead of 17 KB. Process-wide, at most {@value #SIZE} buffers; a buffer of another capacity (another
 * {@code maxLinkLength}) is simply not reused. Thread-safe (compare-and-set per slot).
 */
final class CarryPool {

    private static final int SIZE = 16;
    private static final AtomicReferenceArray<byte[]> FREE = new AtomicReferenceArray<>(SIZE);

    private CarryPool() {
    }

    /** A buffer of {@code capacity} bytes (its content is garbage), pooled if one is free. */
    static byte[] acquire(int capacity) {
        for (int i = 0; i < SIZE; i++) {
            byte[] b = FREE.get(i);
            if (b != null && b.length == capacity && FREE.compareAndSet(i, b, null)) {
                return b;
            }
        }
        return new byte[capacity];
    }

    /** Gives a buffer back; the caller must not touch it afterwards. */
    static void release(byte[] buffer) {
        for (int i = 0; i < SIZE; i++) {
            if (FREE.get(i) == null && FREE.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }
}
