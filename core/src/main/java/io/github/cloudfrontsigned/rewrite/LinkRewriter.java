package io.github.cloudfrontsigned.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Signs the links in a response body as it streams: every link under a protected URL prefix gets the CloudFront
 * signing parameters appended, and every other byte is written exactly as it was.
 *
 * <pre>{@code
 * LinkRewriter rewriter = LinkRewriter.builder()
 *     .protectedPrefix("https://d111111abcdef8.cloudfront.net/private/")
 *     .build();                                      // immutable, share it
 *
 * LinkSigner linkSigner = url -> signer.signingParameters(url, Policy.canned(url, expires));
 * try (OutputStream out = rewriter.wrap(response.getOutputStream(), StandardCharsets.UTF_8,
 *         "text/html; charset=UTF-8", request.getScheme(), linkSigner)) {
 *     out.write(body);                               // links come out signed
 * }
 * String location = rewriter.rewrite(locationHeader, linkSigner);
 * }</pre>
 *
 * <h2>What is a link</h2>
 * A link is marked by where it points: an absolute URL under one of the protected prefixes
 * ({@code https://cdn.example.com/private/...}), the protocol-relative form ({@code //cdn.example.com/private/...},
 * signed with the stream's scheme and written back protocol-relative) and the JSON/JavaScript-escaped forms
 * ({@code https:\/\/cdn.example.com\/private\/...}). Scheme and host match ignoring case, the path prefix
 * exactly. A link ends where its syntax ends: at a quote ({@code " ' `}), whitespace, {@code <}, {@code >}, a
 * backslash that is not a {@code \/} or {@code \}{@code uXXXX} escape, an escaped quote ({@code &quot;},
 * {@code \}{@code u0022}), and at {@code )} when the link was introduced by CSS {@code url(}. Trailing commas before
 * whitespace are not part of it ({@code srcset}). Inside quotes, a space is part of the URL (a file name with a
 * space, signed as {@code %20}) unless a {@code srcset} descriptor, a comma, another URL or the closing quote
 * follows. So links are found in HTML and XML attributes and text, CSS
 * {@code url()}, JSON and JavaScript strings, and HLS playlists ({@code URI="..."} and URI lines).
 *
 * <p>The signing parameters go where the URL ends, before any {@code #fragment}, after {@code ?} or, when the
 * URL already has a query, after {@code &}. Each {@code &} is written in the link's syntax: {@code &amp;} in
 * HTML and XML, {@code \}{@code u0026} in JSON/JavaScript if the link itself used that escape, otherwise a plain
 * {@code &}: in CSS, JSON, JavaScript, HLS and plain text, and inside HTML {@code <script>} and {@code <style>}
 * elements and XML CDATA sections, where character references are not decoded.
 * Character references ({@code &amp;}, {@code &#38;}, {@code &#x26;}, ...) and the escapes {@code \/} and
 * {@code \}{@code uXXXX} are decoded for signing; the link's own text is never changed.
 *
 * <p>Left unchanged: links that are already signed (a query parameter named {@code Expires}, {@code Policy},
 * {@code Signature}, {@code Key-Pair-Id} or {@code Hash-Algorithm}), links the {@link LinkSigner} declines or
 * fails on, a bare prefix with nothing after it (a base URL a script concatenates), templates holding
 * <code>&#123;</code>, <code>&#125;</code> or {@code $} (RFC 6570, JavaScript, DASH), links with a {@code .} or
 * {@code ..} path segment or an unknown named character reference (the browser would request something else),
 * and candidates longer than {@link #maxLinkLength()}.
 *
 * <h2>Streaming and memory</h2>
 * A wrapped stream holds one bounded window: {@code maxLinkLength() + 16} bytes (or chars) for a candidate that is
 * not complete yet, plus an 8 KiB buffer that gathers small writes; about 16 KiB with the default length. What a
 * scan emits (runs of unchanged bytes and the inserted parameters) is gathered in one more buffer (32 KiB for a
 * stream, the window's size for a writer) and written to the wrapped stream once per scan or when that buffer is
 * full, not twice per link. These buffers are taken from a small process-wide pool on first use and returned at
 * {@code close()}, so a response allocates about 1 KB whatever its size. For a
 * charset that is not ASCII-compatible the window also keeps the characters' original bytes and offsets (about
 * 200 KiB for UTF-16). Written bytes leave
 * at the latest on {@code flush()}, except a candidate that may still grow into a link (such as
 * {@code https://cdn.exa} at the end of a write), which is held until it can be decided; {@code close()} writes
 * everything. A link split across writes or flushes is signed exactly as if written in one piece. If the
 * rewriter itself fails, the pending bytes and the rest of the body are written through unchanged.
 *
 * <p>Thread safety: a {@code LinkRewriter} is immutable and thread-safe; the streams and writers it returns are
 * for one response and not thread-safe.
 */
public final class LinkRewriter {

    /** CloudFront's maximum URL length, in bytes: the default for {@link Builder#maxLinkLength(int)}. */
    public static final int DEFAULT_MAX_LINK_LENGTH = 8192;

    /**
     * The media types whose bodies hold links worth signing: HTML, XHTML, CSS, JSON, JavaScript, XML, HLS
     * playlists ({@code application/vnd.apple.mpegurl}, {@code audio/mpegurl}, {@code application/x-mpegurl},
     * {@code audio/x-mpegurl}) and DASH manifests ({@code application/dash+xml}). The entries {@code *}{@code /*+xml}
     * and {@code *}{@code /*+json} stand for every structured-syntax suffix type. Lower case, immutable.
     *
     * @see #isRewritable(String, Set)
     */
    public static final Set<String> DEFAULT_MEDIA_TYPES = MediaTypes.DEFAULTS;

    private static final System.Logger LOG = System.getLogger(LinkRewriter.class.getName());

    private final LinkMatcher matcher;
    private final int maxLinkLength;

    private LinkRewriter(Builder builder) {
        List<LinkMatcher.Prefix> prefixes = new ArrayList<>();
        for (String p : builder.prefixes) {
            prefixes.add(LinkMatcher.parsePrefix(p));
        }
        this.matcher = new LinkMatcher(prefixes);
        this.maxLinkLength = builder.maxLinkLength;
    }

    /**
     * Starts a rewriter configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Wraps a body in an ASCII-compatible or any other charset, guessing the syntax from the first non-blank
     * character ({@code <?xml}: XML, {@code <}: HTML, anything else: plain text such as JSON, CSS, JavaScript or
     * HLS). Protocol-relative links are signed with the scheme of the prefix they match.
     *
     * @see #wrap(OutputStream, Charset, String, String, LinkSigner)
     * @param out where the rewritten body goes; closed by the returned stream's {@code close()}
     * @param charset the body's charset
     * @param signer supplies the signing parameters per link
     * @return the stream to write the body to
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the charset cannot encode (a decode-only charset)
     */
    public OutputStream wrap(OutputStream out, Charset charset, LinkSigner signer) {
        return wrap(out, charset, null, null, signer);
    }

    /**
     * Wraps a body. For an ASCII-compatible charset (UTF-8, ISO-8859-1, windows-1252, US-ASCII ...) the bytes
     * are scanned as they are; for any other (UTF-16, UTF-32, Shift_JIS ...) they are decoded to scan and the
     * original bytes are written, with only the inserted parameters encoded, so split multi-byte sequences,
     * byte-order marks and unpaired surrogates pass through intact.
     *
     * @param out where the rewritten body goes; closed by the returned stream's {@code close()}
     * @param charset the body's charset
     * @param contentType the response's {@code Content-Type} (only the media type is used: {@code text/html}
     *     is HTML, {@code *}{@code /xml} and {@code +xml} types are XML, anything else is plain text), or
     *     {@code null} to guess from the first non-blank character
     * @param scheme {@code "http"} or {@code "https"} (any case): the scheme protocol-relative links are signed
     *     with, normally the request's; {@code null} for the scheme of the prefix they match
     * @param signer supplies the signing parameters per link
     * @return the stream to write the body to; not thread-safe
     * @throws NullPointerException if {@code out}, {@code charset} or {@code signer} is {@code null}
     * @throws IllegalArgumentException if the scheme is neither http nor https, or the charset cannot encode
     */
    public OutputStream wrap(OutputStream out, Charset charset, String contentType, String scheme, LinkSigner signer) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(signer, "signer");
        String s = checkScheme(scheme);
        int syntax = MediaTypes.syntax(contentType);
        if (AsciiCompatibility.test(charset)) {
            return new ByteRewritingOutputStream(out, charset, matcher, signer, syntax, s, maxLinkLength);
        }
        if (!charset.canEncode()) {
            throw new IllegalArgumentException("CFS-4005 charset " + charset.name() + " can only decode; a response"
                    + " body needs a charset that can also encode");
        }
        return new TranscodingOutputStream(out, charset, matcher, signer, syntax, s, maxLinkLength);
    }

    /**
     * Wraps a character body, guessing its syntax from the first non-blank character.
     *
     * @see #wrap(Writer, String, String, LinkSigner)
     * @param out where the rewritten characters go; closed by the returned writer's {@code close()}
     * @param signer supplies the signing parameters per link
     * @return the writer to write the body to; not thread-safe
     * @throws NullPointerException if an argument is {@code null}
     */
    public Writer wrap(Writer out, LinkSigner signer) {
        return wrap(out, null, null, signer);
    }

    /**
     * Wraps a character body.
     *
     * @param out where the rewritten characters go; closed by the returned writer's {@code close()}
     * @param contentType as for {@link #wrap(OutputStream, Charset, String, String, LinkSigner)}, or {@code null}
     * @param scheme as for {@link #wrap(OutputStream, Charset, String, String, LinkSigner)}, or {@code null}
     * @param signer supplies the signing parameters per link
     * @return the writer to write the body to; not thread-safe
     * @throws NullPointerException if {@code out} or {@code signer} is {@code null}
     * @throws IllegalArgumentException if the scheme is neither http nor https
     */
    public Writer wrap(Writer out, String contentType, String scheme, LinkSigner signer) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(signer, "signer");
        return new CharRewritingWriter(
                out, matcher, signer, MediaTypes.syntax(contentType), checkScheme(scheme), maxLinkLength, 0);
    }

    /**
     * Signs the links in a single value such as a {@code Location} or {@code Link} header. The value is plain
     * text: an {@code &} is written as {@code &} (unless the link itself uses {@code &amp;} or
     * {@code \}{@code u0026}).
     *
     * @param text the value
     * @param signer supplies the signing parameters per link
     * @return the value with its links signed; {@code text} itself when nothing changed
     * @throws NullPointerException if an argument is {@code null}
     */
    public String rewrite(String text, LinkSigner signer) {
        return rewrite(text, "text/plain", null, signer);
    }

    /**
     * Signs the links in a complete body held as a string.
     *
     * @param text the body
     * @param contentType as for {@link #wrap(OutputStream, Charset, String, String, LinkSigner)}, or {@code null}
     *     to guess
     * @param scheme as for {@link #wrap(OutputStream, Charset, String, String, LinkSigner)}, or {@code null}
     * @param signer supplies the signing parameters per link
     * @return the text with its links signed; {@code text} itself when nothing changed
     * @throws NullPointerException if {@code text} or {@code signer} is {@code null}
     * @throws IllegalArgumentException if the scheme is neither http nor https
     */
    public String rewrite(String text, String contentType, String scheme, LinkSigner signer) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signer, "signer");
        String s = checkScheme(scheme);
        if (text.indexOf('/') < 0) {
            return text;
        }
        StringWriter result = new StringWriter(text.length() + 128);
        try (Writer w = new CharRewritingWriter(
                result, matcher, signer, MediaTypes.syntax(contentType), s, maxLinkLength, text.length() + 1)) {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        String rewritten = result.toString();
        return rewritten.equals(text) ? text : rewritten;
    }

    /**
     * Whether a response of this {@code Content-Type} is worth rewriting with the default media types.
     *
     * @param contentType a {@code Content-Type} value such as {@code text/html; charset=UTF-8}, or {@code null}
     * @return whether its media type is in {@link #DEFAULT_MEDIA_TYPES}
     */
    public static boolean isRewritable(String contentType) {
        return MediaTypes.matches(contentType, DEFAULT_MEDIA_TYPES);
    }

    /**
     * Whether a response of this {@code Content-Type} is worth rewriting. Parameters ({@code ; charset=...}) are
     * ignored and the comparison ignores case. An entry of {@code mediaTypes} is a media type
     * ({@code text/html}), a type wildcard ({@code text/*}) or a suffix wildcard ({@code *}{@code /*+xml}).
     *
     * @param contentType a {@code Content-Type} value, or {@code null} (never rewritable)
     * @param mediaTypes the media types to rewrite, for example {@link #DEFAULT_MEDIA_TYPES}
     * @return whether the media type is one of them; {@code false} for a missing or malformed value
     * @throws NullPointerException if {@code mediaTypes} is {@code null}
     */
    public static boolean isRewritable(String contentType, Set<String> mediaTypes) {
        Objects.requireNonNull(mediaTypes, "mediaTypes");
        return MediaTypes.matches(contentType, mediaTypes);
    }

    /**
     * The protected prefixes, normalized (lower-case scheme and host, {@code /} for an empty path), in the
     * order they were added.
     *
     * @return an immutable list
     */
    public List<String> protectedPrefixes() {
        return matcher.prefixTexts;
    }

    /**
     * The longest candidate link, in bytes (chars for a {@link Writer}), that is examined; longer ones pass
     * through unchanged.
     *
     * @return the maximum link length
     */
    public int maxLinkLength() {
        return maxLinkLength;
    }

    @Override
    public String toString() {
        return "LinkRewriter{protectedPrefixes=" + matcher.prefixTexts + ", maxLinkLength=" + maxLinkLength + "}";
    }

    private static String checkScheme(String scheme) {
        if (scheme == null) {
            return null;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw new IllegalArgumentException("CFS-4006 scheme \"" + scheme + "\" for protocol-relative links must"
                    + " be http or https (normally the request's scheme)");
        }
        return s;
    }

    /** Logs that a wrapped stream fell back to passing the body through (once per stream: it stays so). */
    static void reportScannerFailure(Throwable e) {
        LOG.log(
                System.Logger.Level.WARNING,
                () -> "CFS-4102 The link rewriter failed (" + e.getClass().getName()
                        + "); the rest of this response is passed through unchanged.");
        LOG.log(System.Logger.Level.DEBUG, "CFS-4102 link rewriter failure", e);
    }

    /**
     * Configures a {@link LinkRewriter}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private final Set<String> prefixes = new LinkedHashSet<>();
        private int maxLinkLength = DEFAULT_MAX_LINK_LENGTH;

        private Builder() {}

        /**
         * Adds a protected prefix; repeatable. Links starting with it (or its protocol-relative or
         * JSON-escaped form) are signed.
         *
         * @param prefix an absolute {@code http} or {@code https} URL with a host (a DNS name, optionally with a
         *     port) and a path that may end anywhere, for example
         *     {@code https://d111111abcdef8.cloudfront.net/private/}; no query, fragment, user info, spaces or
         *     non-ASCII characters (percent-encode the path, write the host in punycode)
         * @return this builder
         * @throws NullPointerException if {@code prefix} is {@code null}
         * @throws IllegalArgumentException naming the prefix and what is wrong with it
         */
        public Builder protectedPrefix(String prefix) {
            LinkMatcher.parsePrefix(prefix);
            prefixes.add(prefix);
            return this;
        }

        /**
         * Sets the longest candidate link that is examined; longer ones pass through unchanged. It also bounds
         * the memory a wrapped stream holds for a link that is not complete yet.
         *
         * @param maxLinkLength in bytes (chars for a {@link Writer}), from 256 to 1,048,576; default
         *     {@value LinkRewriter#DEFAULT_MAX_LINK_LENGTH}, CloudFront's URL limit
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxLinkLength(int maxLinkLength) {
            if (maxLinkLength < 256 || maxLinkLength > 1 << 20) {
                throw new IllegalArgumentException("CFS-4007 maxLinkLength " + maxLinkLength + " is out of range;"
                        + " give 256 to 1048576 bytes (CloudFront's URL limit is 8192)");
            }
            this.maxLinkLength = maxLinkLength;
            return this;
        }

        /**
         * Builds the immutable rewriter.
         *
         * @return the rewriter
         * @throws IllegalStateException if no protected prefix was added
         * @throws IllegalArgumentException if a prefix (escaped for JSON) is longer than the maximum link length
         */
        public LinkRewriter build() {
            if (prefixes.isEmpty()) {
                throw new IllegalStateException("CFS-4008 no protected prefix: call protectedPrefix(...) with the"
                        + " URL prefix of your private content, for example"
                        + " https://d111111abcdef8.cloudfront.net/private/");
            }
            for (String p : prefixes) {
                if (2 * p.length() + LinkScanner.LOOKAHEAD > maxLinkLength) {
                    throw new IllegalArgumentException("CFS-4007 protected prefix \"" + p + "\" is too long for"
                            + " maxLinkLength " + maxLinkLength + "; raise maxLinkLength");
                }
            }
            return new LinkRewriter(this);
        }
    }
}
