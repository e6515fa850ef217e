package io.github.cloudfrontsigned.rewrite;

/**
 * Supplies the CloudFront signing query parameters for one link found by a {@link LinkRewriter}.
 *
 * <p>Usually a method reference to the project's signer with the policy to grant, for example
 * {@code url -> signer.signingParameters(url, Policy.canned(url, expires))}. It may also decide per link, for
 * example return {@code null} when the current user may not see the resource.
 *
 * <p>Thread safety: a rewriter calls it only from the thread that writes the stream it wrapped; an instance
 * shared by several responses must be thread-safe.
 */
@FunctionalInterface
public interface LinkSigner {

    /**
     * The signing parameters for {@code url}.
     *
     * @param url the absolute URL to sign, exactly as the browser will request it: already unescaped from its
     *     syntax (HTML {@code &amp;} becomes {@code &}, JSON {@code \/} becomes {@code /} and {@code \u0026}
     *     becomes {@code &}), with a lower-case scheme and host, characters that browsers percent-encode
     *     (non-ASCII as UTF-8, space, {@code "}, {@code <}, {@code >} ...) percent-encoded, and without
     *     fragment. A protocol-relative link ({@code //host/path}) is given with the scheme of the stream.
     * @return the query parameters to append, without a leading {@code ?} or {@code &}, for example
     *     {@code Expires=1767290400&Signature=abc~-_&Key-Pair-Id=K2JCJMDEHXQW5F}: names and values hold only
     *     {@code [A-Za-z0-9-_~]}, parameters are joined by a plain {@code &}. {@code null} (or an empty string)
     *     leaves the link unchanged, for example when access is denied.
     * @throws RuntimeException on failure: the rewriter then leaves this link unchanged, keeps the rest of the
     *     body intact and reports the failure once per stream through {@link System.Logger} (exception class
     *     only, never its message, so that no key material reaches the log)
     */
    String signingParameters(String url);

    /**
     * The signer for one response, or for the part of it up to a {@code flush()}: a stream or writer of a
     * {@link LinkRewriter} calls it at its first link, and again at the first link after each {@code flush()}
     * (so that a long-lived streaming response, which flushes to deliver its events, does not keep signing with
     * an old expiry), then asks the returned signer for that response's links. An implementation may read once
     * here what does not change within a response (the clock, the active key, settings) instead of once per link;
     * {@link io.github.cloudfrontsigned.CloudFrontSigner#linkSigner(java.time.Duration)} does.
     *
     * <p>Called from the thread that writes the stream; the returned signer is used by that stream only.
     *
     * @return the signer for this response's links; by default this signer itself
     * @throws RuntimeException on failure: the rewriter then treats the link as a failed signing (left
     *     unchanged, reported once per stream) and calls this method again at the next link
     */
    default LinkSigner forResponse() {
        return this;
    }
}
