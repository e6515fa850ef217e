/**
 * Signs the links in response bodies and headers as they stream. Start at {@link
 * io.github.cloudfrontsigned.rewrite.LinkRewriter} (build one per set of protected prefixes, share it) and
 * {@link io.github.cloudfrontsigned.rewrite.LinkSigner} (what supplies the parameters for one link); those two
 * are the package's public face, with what an adapter needs around them: {@link
 * io.github.cloudfrontsigned.rewrite.ResponseRules} (when a response's body may be rewritten and what that does to
 * its headers: the one copy both the servlet filter and the JAX-RS interceptor apply) and {@link
 * io.github.cloudfrontsigned.rewrite.KeepOpen} (the container's stream as the rewriter's downstream, left open
 * when the rewriter closes). Everything else is package-private.
 *
 * <p>Inside, one request's body goes: a wrapper ({@code ByteRewritingOutputStream} for ASCII-compatible charsets,
 * {@code TranscodingOutputStream} for others, {@code CharRewritingWriter} for characters; their closed and
 * pass-through-after-failure rules in {@code WrapperState}) feeds a {@code LinkScanner}, which finds the next byte
 * that matters with {@code AnchorSearch} (marks made by a loop the JIT compiles to SIMD code, then pairs of marks
 * tested over {@code long} words; {@code -Dio.github.cloudfrontsigned.rewrite.flaggedSearch=false} keeps the plain
 * SWAR search over the bytes, the default on JVMs other than HotSpot's server VM), follows the markup state,
 * decides what is a link and where it ends (the link being examined held in {@code ScannedLink}, escapes parsed by
 * {@code References}), builds the URL to sign ({@code TargetUrl}) and inserts the parameters
 * ({@code ParameterInsertion}). {@code LinkMatcher} holds the prefixes compiled for that search.
 *
 * <p>Depends on the JDK and {@code internal} only (the signing parameter names, {@code internal.QueryNames}, and
 * bounded log text, {@code internal.LogText}); no {@code jakarta.*}. The root's {@code CloudFrontSigner} offers a
 * {@code LinkSigner}; the servlet and JAX-RS adapters wrap their responses with it.
 *
 * <p>Error codes. Messages and log lines of this package start with a code, so that a log search or a support
 * question can name one; the text after it says what was wrong and how to fix it.
 * <table>
 *   <caption>The link rewriter's error codes</caption>
 *   <tr><th>code</th><th>raised as</th><th>meaning</th></tr>
 *   <tr><td>CFS-4001</td><td>{@code IllegalArgumentException} (builder)</td><td>a protected prefix holds a
 *       character a URL cannot (named, with its position)</td></tr>
 *   <tr><td>CFS-4002</td><td>{@code IllegalArgumentException} (builder)</td><td>a protected prefix is not an
 *       absolute {@code http} or {@code https} URL</td></tr>
 *   <tr><td>CFS-4003</td><td>{@code IllegalArgumentException} (builder)</td><td>a protected prefix has no host,
 *       or a malformed one</td></tr>
 *   <tr><td>CFS-4004</td><td>{@code IllegalArgumentException} (builder)</td><td>a protected prefix holds a query
 *       or fragment; prefixes match the path only</td></tr>
 *   <tr><td>CFS-4005</td><td>{@code IllegalArgumentException} ({@code wrap})</td><td>the response charset can
 *       only decode, not encode</td></tr>
 *   <tr><td>CFS-4006</td><td>{@code IllegalArgumentException} ({@code wrap})</td><td>the scheme for
 *       protocol-relative links is not {@code http} or {@code https}</td></tr>
 *   <tr><td>CFS-4007</td><td>{@code IllegalArgumentException} (builder)</td><td>{@code maxLinkLength} is out of
 *       range, or a protected prefix is longer than it allows</td></tr>
 *   <tr><td>CFS-4008</td><td>{@code IllegalStateException} (builder)</td><td>no protected prefix was
 *       given</td></tr>
 *   <tr><td>CFS-4101</td><td>WARNING log, once per response</td><td>the {@code LinkSigner} failed for a link;
 *       such links are left unchanged</td></tr>
 *   <tr><td>CFS-4102</td><td>WARNING log, once per response</td><td>the rewriter itself failed; the rest of the
 *       response is passed through unchanged (stack trace at DEBUG)</td></tr>
 *   <tr><td>CFS-4103</td><td>{@code IOException}</td><td>a write to a link-rewriting stream after it was
 *       closed</td></tr>
 *   <tr><td>CFS-4104</td><td>{@code IllegalStateException}, handled as CFS-4102</td><td>the charset decoder
 *       made no progress (a broken {@code CharsetDecoder})</td></tr>
 * </table>
 */
package io.github.cloudfrontsigned.rewrite;
