package io.github.cloudfrontsigned;
// TEMPORARY STUB: replaced by the keys branch.
public final class KeyLoadingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    KeyLoadingException(String m) { super(m); }
}
