package io.github.cloudfrontsigned;
// TEMPORARY STUB: replaced by the keys branch.
public final class KeySource {
    final java.nio.file.Path path;
    private KeySource(java.nio.file.Path p) { path = p; }
    public static KeySource file(java.nio.file.Path p) { return new KeySource(p); }
}
