package io.github.cloudfrontsigned;
// TEMPORARY STUB: replaced by the keys branch (extended on the servlet branch with the final factory signatures).
public final class KeySource {
    final java.nio.file.Path path;
    final String text;
    private KeySource(java.nio.file.Path p, String t) { path = p; text = t; }
    public static KeySource file(java.nio.file.Path p) { return new KeySource(p, null); }
    public static KeySource inline(String t) { return new KeySource(null, t.replace("\\n", "\n")); }
    public static KeySource classpath(String r) { throw new UnsupportedOperationException("stub"); }
    public static KeySource location(String l) {
        if (l.startsWith("classpath:")) {
            try { return file(java.nio.file.Path.of(Thread.currentThread().getContextClassLoader().getResource(l.substring(10)).toURI())); }
            catch (Exception e) { throw new KeyLoadingException("location " + l + ": not found"); }
        }
        return file(java.nio.file.Path.of(l.startsWith("file:") ? l.substring(5) : l));
    }
    public KeySource withPassphrase(char[] p) { return this; }
    public String description() { return path != null ? "file " + path : "inline key (" + text.length() + " characters)"; }
}
