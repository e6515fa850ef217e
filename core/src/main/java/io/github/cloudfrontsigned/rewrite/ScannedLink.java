package io.github.cloudfrontsigned.rewrite;

/**
 * The link {@link LinkScanner} is examining, once its host and protected prefix matched: where its parts lie in
 * the current array, and what its body showed (where it ends, how it writes {@code &}, whether it can be
 * signed). One per scanner, reused for every link; not thread-safe.
 */
final class ScannedLink {

    LinkMatcher.Host host;
    LinkMatcher.Prefix prefix;
    /** The scheme written in the link ({@code "http"} or {@code "https"}), or {@code null} if protocol-relative. */
    String scheme;

    int linkStart;
    int hostStart;
    int hostEnd;
    /** Where the path after the protected prefix starts. */
    int bodyStart;
    /** Introduced by CSS {@code url(} without a quote: a {@code )} ends it. */
    boolean css;

    /** Where the URL ends (exclusive), set by the body scan. */
    int end;
    /** Ended by a {@code #}: the fragment is skipped, the parameters go before it. */
    boolean fragment;
    /** Writes {@code &} as {@code &amp;amp;}. */
    boolean entityAmp;
    /** Writes {@code &} as {@code \}{@code u0026}. */
    boolean unicodeAmp;
    /** A template, an unknown reference or a tab in the URL: left unchanged. */
    boolean unsignable;

    void start(
            LinkMatcher.Host host,
            LinkMatcher.Prefix prefix,
            String scheme,
            int linkStart,
            int hostStart,
            int hostEnd,
            int bodyStart) {
        this.host = host;
        this.prefix = prefix;
        this.scheme = scheme;
        this.linkStart = linkStart;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.bodyStart = bodyStart;
        this.end = -1;
        this.fragment = false;
        this.entityAmp = false;
        this.unicodeAmp = false;
        this.unsignable = false;
    }
}
