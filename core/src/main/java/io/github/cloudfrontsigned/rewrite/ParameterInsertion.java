package io.github.cloudfrontsigned.rewrite;

import java.nio.charset.StandardCharsets;

/**
 * The bytes inserted where a link's URL ends: {@code ?} or the separator, then the signer's parameters with every
 * {@code &} written in the link's own syntax (plain, {@code &amp;amp;} or {@code \}{@code u0026}). Remembers the
 * last insertion, so the same parameter string for the same syntax is not copied again. Not thread-safe: one
 * per scanner.
 */
final class ParameterInsertion {

    /** A link whose {@code &} is written as is (text, scripts, styles, CDATA). */
    static final int PLAIN = 0;
    /** A link in HTML/XML markup, or one that writes {@code &amp;amp;} itself. */
    static final int ENTITY = 1;
    /** A link in a JSON/JavaScript string that writes {@code \}{@code u0026}. */
    static final int UNICODE_ESCAPE = 2;

    private static final byte[][] SEPARATORS = {{'&'}, {'&', 'a', 'm', 'p', ';'}, {'\\', 'u', '0', '0', '2', '6'}};

    /** What a signer may return: {@code [A-Za-z0-9-_~=&]}. */
    private static final boolean[] PARAMETER_CHAR = new boolean[256];
    /**
     * Parameter strings already checked against {@link #PARAMETER_CHAR}, by identity: a link signer that remembers
     * its links ({@code CloudFrontSigner.linkSigner}) returns the same instance for a link for minutes, so each
     * is checked once, not on every page. Direct-mapped by identity hash and shared by all streams; races only
     * cost a check (reference writes are atomic). Holds at most 1024 strings (about 0.5 MB of RSA parameters).
     */
    private static final String[] CHECKED = new String[1024];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~=&".toCharArray()) {
            PARAMETER_CHAR[c] = true;
        }
    }

    /** Allocated on the first insertion the memo does not hold already. */
    private byte[] bytes = new byte[0];
    /** The parameters {@link #bytes} holds, with their syntax and query flag, and its length. */
    private String lastParameters;

    private int lastKey;
    private int lastLength;

    /** The inserted bytes after a successful {@link #prepare}; valid until the next call. */
    byte[] bytes() {
        return bytes;
    }

    /**
     * Writes the insertion for {@code parameters} into {@link #bytes()}.
     *
     * @param hasQuery whether the link has a query already ({@code &} rather than {@code ?} first)
     * @param syntax {@link #PLAIN}, {@link #ENTITY} or {@link #UNICODE_ESCAPE}
     * @return the length, or -1 if the parameters hold a character that a signer never returns
     */
    int prepare(String parameters, boolean hasQuery, int syntax) {
        int key = syntax << 1 | (hasQuery ? 1 : 0);
        if (parameters == lastParameters && key == lastKey) {
            return lastLength; // the same string again (a constant or a cached signature): already checked
        }
        int len = write(parameters, hasQuery, SEPARATORS[syntax]);
        lastParameters = len < 0 ? null : parameters;
        lastKey = key;
        lastLength = len;
        return len;
    }

    private int write(String parameters, boolean hasQuery, byte[] separator) {
        byte[] in = parameters.getBytes(StandardCharsets.ISO_8859_1); // anything else becomes '?': rejected below
        int n = in.length;
        if (in[0] == '&' || !checked(parameters, in)) {
            return -1;
        }
        int max = (n + 1) * separator.length;
        if (bytes.length < max) {
            bytes = new byte[Math.max(max, 512)];
        }
        byte[] out = bytes;
        int len;
        if (hasQuery) {
            System.arraycopy(separator, 0, out, 0, separator.length);
            len = separator.length;
        } else {
            out[0] = '?';
            len = 1;
        }
        int run = 0; // start of the current run without '&'
        for (int amp = parameters.indexOf('&'); amp >= 0; amp = parameters.indexOf('&', run)) {
            System.arraycopy(in, run, out, len, amp - run);
            len += amp - run;
            System.arraycopy(separator, 0, out, len, separator.length);
            len += separator.length;
            run = amp + 1;
        }
        System.arraycopy(in, run, out, len, n - run);
        return len + n - run;
    }

    /** Whether every character of {@code parameters} is one a signer returns (remembered by identity). */
    private static boolean checked(String parameters, byte[] in) {
        int slot = System.identityHashCode(parameters) & (CHECKED.length - 1);
        if (CHECKED[slot] == parameters) {
            return true;
        }
        boolean valid = true;
        for (byte c : in) {
            valid &= PARAMETER_CHAR[c & 0xFF];
        }
        if (valid) {
            CHECKED[slot] = parameters;
        }
        return valid;
    }
}
