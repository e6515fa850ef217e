/**
 * Signs the links in response bodies and headers as they stream. Start at {@link
 * io.github.cloudfrontsigned.rewrite.LinkRewriter} (build one per set of protected prefixes, share it) and
 * {@link io.github.cloudfrontsigned.rewrite.LinkSigner} (what supplies the parameters for one link); those two
 * are the package's public face, everything else is package-private.
 *
 * <p>Inside, one request's body goes: a wrapper ({@code ByteRewritingOutputStream} for ASCII-compatible
 * charsets, {@code TranscodingOutputStream} for others, {@code CharRewritingWriter} for characters) feeds a
 * {@code LinkScanner}, which finds the next byte that matters with {@code AnchorSearch} (SWAR over
 * {@code long} words), follows the markup state, decides what is a link and where it ends (escapes parsed by
 * {@code References}), builds the URL to sign ({@code TargetUrl}) and inserts the parameters
 * ({@code ParameterInsertion}). {@code LinkMatcher} holds the prefixes compiled for that search.
 *
 * <p>Depends on the JDK, the signing parameter names ({@code SigningParameter}) and bounded log text
 * ({@code internal.LogText}); no {@code jakarta.*}. The servlet and JAX-RS adapters wrap their responses with it.
 */
package io.github.cloudfrontsigned.rewrite;
