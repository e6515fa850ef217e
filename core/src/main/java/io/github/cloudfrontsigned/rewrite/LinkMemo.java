package io.github.cloudfrontsigned.rewrite;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a rewriter remembers about the links it has signed, so that a link seen again costs a hash and a
 * comparison instead of decoding it, building its URL and copying its parameters: for the raw bytes of a link's
 * path (host and scheme alike), the URL given to the signer, and for the parameter string the signer last
 * returned for it (by identity) the exact bytes inserted in one syntax. The signer is still asked every time: a
 * remembered insertion is used only when it returns the very same string, so a per-request signer stays
 * correct.
 *
 * <p>Only links whose path is ASCII are remembered (non-ASCII characters are percent-encoded differently by
 * each wrapper). Two candidate slots per hash, about 1 KB per entry with RSA parameters. Thread-safe
 * and shared by every stream of one {@link LinkRewriter}: entries are immutable and published through a plain
 * array; a race only costs a rebuild. At most {@value #SLOTS} entries (about 2 MB with RSA parameters).
 */
final class LinkMemo {

    /** Not remembered: the path holds a non-ASCII byte. */
    static final int NOT_ASCII = -1;

    private static final int SLOTS = 2048;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** One remembered link. Immutable (its arrays are never written after construction). */
    static final class Entry {
        final LinkMatcher.Host host;
        final String scheme;
        final byte[] path;
        final int hash;
        /** The URL given to the signer. */
        final String target;

        final String parameters;
        final int syntax;
        /** Exactly the bytes inserted for {@link #parameters} in {@link #syntax}. */
        final byte[] insertion;

        Entry(
                LinkMatcher.Host host,
                String scheme,
                byte[] path,
                int hash,
                String target,
                String parameters,
                int syntax,
                byte[] insertion) {
            this.host = host;
            this.scheme = scheme;
            this.path = path;
            this.hash = hash;
            this.target = target;
            this.parameters = parameters;
            this.syntax = syntax;
            this.insertion = insertion;
        }
    }

    private final Entry[] slots = new Entry[SLOTS];

    /**
     * A hash of {@code s[from, to)}, eight bytes at a time.
     *
     * @return a non-negative hash, or {@link #NOT_ASCII}
     */
    static int hash(byte[] s, int from, int to) {
        long h = to - from;
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONG.get(s, i);
            high |= w;
            h = (h ^ w) * MIX;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            high |= s[i];
            h = (h ^ (s[i] & 0xFF)) * MIX;
        }
        if ((high & HIGH) != 0) {
            return NOT_ASCII;
        }
        return (int) (h ^ h >>> 32) & 0x7FFF_FFFF;
    }

    /** The entry for the path {@code s[from, to)} under {@code host} and {@code scheme}, or {@code null}. */
    Entry find(byte[] s, int from, int to, int hash, LinkMatcher.Host host, String scheme) {
        Entry e = slots[first(hash)];
        if (e == null || e.hash != hash) {
            e = slots[second(hash)];
        }
        if (e != null
                && e.hash == hash
                && e.host == host
                && e.scheme.equals(scheme)
                && Arrays.equals(e.path, 0, e.path.length, s, from, to)) {
            return e;
        }
        return null;
    }

    /**
     * Remembers an entry in one of its two slots: the one that is free or holds the same hash, else the first
     * (two choices keep a page's few hundred links from evicting each other on every page).
     */
    void put(Entry e) {
        int first = first(e.hash);
        Entry held = slots[first];
        if (held != null && held.hash != e.hash) {
            int second = second(e.hash);
            Entry other = slots[second];
            if (other == null || other.hash == e.hash) {
                slots[second] = e;
                return;
            }
        }
        slots[first] = e;
    }

    private static int first(int hash) {
        return hash & (SLOTS - 1);
    }

    private static int second(int hash) {
        return (hash >>> 16 ^ hash >>> 5) & (SLOTS - 1);
    }
}
