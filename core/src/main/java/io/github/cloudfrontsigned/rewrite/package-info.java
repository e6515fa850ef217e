/**
 * The streaming link rewriter: finds links under configured prefixes in HTML, CSS, JSON and other text as it
 * streams, and replaces each with its signed form, copying every other byte through unchanged, in bounded memory.
 *
 * <p>Start with {@link io.github.cloudfrontsigned.rewrite.LinkRewriter}; links are signed through the one-method
 * port {@link io.github.cloudfrontsigned.rewrite.LinkSigner}. The scanner, byte search, escape decoding and URL
 * assembly are package-private. Self-contained: depends on the JDK only, nothing else of the library.
 */
package io.github.cloudfrontsigned.rewrite;
