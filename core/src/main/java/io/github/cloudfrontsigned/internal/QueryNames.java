package io.github.cloudfrontsigned.internal;

import java.util.List;

/**
 * The literal query parameter names of a signed URL. The public face is the root package's
 * {@code SigningParameter}, which takes its names from here; the link rewriter, which sits below the root
 * package, reads the same list for its "already signed" check. Thread safety: constants.
 */
public final class QueryNames {

    public static final String EXPIRES = "Expires";
    public static final String POLICY = "Policy";
    public static final String SIGNATURE = "Signature";
    public static final String KEY_PAIR_ID = "Key-Pair-Id";
    public static final String HASH_ALGORITHM = "Hash-Algorithm";

    /** The five names, in {@code SigningParameter}'s declaration order. */
    public static final List<String> ALL = List.of(EXPIRES, POLICY, SIGNATURE, KEY_PAIR_ID, HASH_ALGORITHM);

    private QueryNames() {}
}
