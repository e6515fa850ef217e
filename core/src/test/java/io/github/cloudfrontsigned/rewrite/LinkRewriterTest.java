package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class LinkRewriterTest {

    static final String PARAMS = "Expires=1767290400&Signature=abc~-_&Key-Pair-Id=K2JCJMDEHXQW5F";
    static final String Q_HTML = "?Expires=1767290400&amp;Signature=abc~-_&amp;Key-Pair-Id=K2JCJMDEHXQW5F";
    static final String Q_PLAIN = "?Expires=1767290400&Signature=abc~-_&Key-Pair-Id=K2JCJMDEHXQW5F";
    static final String CDN = "https://cdn.example.com/private/";

    static final LinkRewriter REWRITER =
            LinkRewriter.builder().protectedPrefix(CDN).build();

    final List<String> signed = new ArrayList<>();
    final LinkSigner signer = url -> {
        signed.add(url);
        return PARAMS;
    };

    static byte[] stream(
            LinkRewriter rewriter, byte[] body, Charset charset, String contentType, String scheme, LinkSigner signer) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = rewriter.wrap(sink, charset, contentType, scheme, signer)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    String rewrite(String body, String contentType) {
        return new String(
                stream(
                        REWRITER,
                        body.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8,
                        contentType,
                        null,
                        signer),
                StandardCharsets.UTF_8);
    }

    String html(String body) {
        return rewrite(body, "text/html; charset=UTF-8");
    }

    // --- HTML

    @Test
    void htmlAttribute_doubleQuoted() {
        assertEquals("<a href=\"" + CDN + "a.mp4" + Q_HTML + "\">x</a>", html("<a href=\"" + CDN + "a.mp4\">x</a>"));
        assertEquals(List.of(CDN + "a.mp4"), signed);
    }

    @Test
    void htmlAttribute_singleQuoted() {
        assertEquals("<a href='" + CDN + "a.mp4" + Q_HTML + "'>x</a>", html("<a href='" + CDN + "a.mp4'>x</a>"));
    }

    @Test
    void htmlAttribute_unquoted() {
        assertEquals(
                "<img src=" + CDN + "a.jpg" + Q_HTML + " alt=x><img src=" + CDN + "b.jpg" + Q_HTML + ">",
                html("<img src=" + CDN + "a.jpg alt=x><img src=" + CDN + "b.jpg>"));
    }

    @Test
    void htmlText_linkEndsAtWhitespace() {
        assertEquals("<p>Get " + CDN + "a.pdf" + Q_HTML + " now</p>", html("<p>Get " + CDN + "a.pdf now</p>"));
    }

    @Test
    void quotedLink_spaceInFileNameIsPartOfTheUrl() {
        assertEquals(
                "<a href=\"" + CDN + "My Video.mp4" + Q_HTML + "\">", html("<a href=\"" + CDN + "My Video.mp4\">"));
        assertEquals(List.of(CDN + "My%20Video.mp4"), signed);
    }

    @Test
    void quotedLink_newlineInsideLeavesLinkAlone() {
        String in = "<a href=\"" + CDN + "a\nb.mp4\">";
        assertEquals(in, html(in));
    }

    @Test
    void quotedList_spaceBeforeAnotherUrlSeparates() {
        assertEquals(
                "<a ping=\"" + CDN + "a" + Q_HTML + " " + CDN + "b" + Q_HTML + " \">",
                html("<a ping=\"" + CDN + "a " + CDN + "b \">"));
    }

    @Test
    void srcset_eachCandidateSigned() {
        assertEquals(
                "<img srcset=\"" + CDN + "a.jpg" + Q_HTML + " 1x, " + CDN + "b.jpg" + Q_HTML + " 2x\">",
                html("<img srcset=\"" + CDN + "a.jpg 1x, " + CDN + "b.jpg 2x\">"));
    }

    @Test
    void srcset_commaWithoutDescriptorIsNotPartOfTheLink() {
        assertEquals(
                "<img srcset=\"" + CDN + "a.jpg" + Q_HTML + ", " + CDN + "b.jpg" + Q_HTML + "\">",
                html("<img srcset=\"" + CDN + "a.jpg, " + CDN + "b.jpg\">"));
        assertEquals(List.of(CDN + "a.jpg", CDN + "b.jpg"), signed);
    }

    @Test
    void inlineStyle_urlEndsAtParenthesis() {
        assertEquals(
                "<div style=\"background:url(" + CDN + "bg.png" + Q_HTML + ") no-repeat\">",
                html("<div style=\"background:url(" + CDN + "bg.png) no-repeat\">"));
    }

    @Test
    void inlineStyle_entityQuotedUrl() {
        assertEquals(
                "<div style=\"background:url(&quot;" + CDN + "bg.png" + Q_HTML + "&quot;)\">",
                html("<div style=\"background:url(&quot;" + CDN + "bg.png&quot;)\">"));
        assertEquals(List.of(CDN + "bg.png"), signed);
    }

    @Test
    void htmlAmpersandReferences_decodedForSigningAndKept() {
        String in = "<a href=\"" + CDN + "a.mp4?x=1&amp;y=2&#38;z=3&#x26;w=4\">";
        assertEquals(
                "<a href=\"" + CDN + "a.mp4?x=1&amp;y=2&#38;z=3&#x26;w=4&amp;" + PARAMS.replace("&", "&amp;") + "\">",
                html(in));
        assertEquals(List.of(CDN + "a.mp4?x=1&y=2&z=3&w=4"), signed);
    }

    @Test
    void inlineScript_usesPlainAmpersand() {
        String in = "<script src=\"" + CDN + "p.js\"></script><script>load(\"" + CDN + "v.m3u8\");</script>"
                + "<a href=\"" + CDN + "a\">";
        assertEquals(
                "<script src=\"" + CDN + "p.js" + Q_HTML + "\"></script><script>load(\"" + CDN + "v.m3u8" + Q_PLAIN
                        + "\");</script><a href=\"" + CDN + "a" + Q_HTML + "\">",
                html(in));
    }

    @Test
    void styleElement_usesPlainAmpersand() {
        assertEquals(
                "<style>body{background:url(" + CDN + "bg.png" + Q_PLAIN + ")}</style>",
                html("<style>body{background:url(" + CDN + "bg.png)}</style>"));
    }

    @Test
    void fragment_keptAfterParameters() {
        assertEquals("<a href=\"" + CDN + "a.mp4" + Q_HTML + "#t=10\">", html("<a href=\"" + CDN + "a.mp4#t=10\">"));
        assertEquals(List.of(CDN + "a.mp4"), signed);
    }

    @Test
    void existingQuery_getsAmpersand() {
        assertEquals(
                "<img src=\"" + CDN + "a.jpg?w=100&amp;" + PARAMS.replace("&", "&amp;") + "\">",
                html("<img src=\"" + CDN + "a.jpg?w=100\">"));
        assertEquals(List.of(CDN + "a.jpg?w=100"), signed);
    }

    @Test
    void protocolRelative_signedWithStreamSchemeAndWrittenBackRelative() {
        String in = "<img src=\"//cdn.example.com/private/a.jpg\">";
        byte[] out = stream(
                REWRITER, in.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "text/html", "http", signer);
        assertEquals(
                "<img src=\"//cdn.example.com/private/a.jpg" + Q_HTML + "\">", new String(out, StandardCharsets.UTF_8));
        assertEquals(List.of("http://cdn.example.com/private/a.jpg"), signed);
    }

    @Test
    void protocolRelative_defaultsToPrefixScheme() {
        html("<img src=\"//cdn.example.com/private/a.jpg\">");
        assertEquals(List.of(CDN + "a.jpg"), signed);
    }

    @Test
    void schemeAndHost_matchIgnoringCaseAndAreSignedLowerCase() {
        assertEquals(
                "<a href=\"HTTPS://CDN.Example.COM/private/a" + Q_HTML + "\">",
                html("<a href=\"HTTPS://CDN.Example.COM/private/a\">"));
        assertEquals(List.of(CDN + "a"), signed);
    }

    @Test
    void pathPrefix_matchesCaseSensitively() {
        String in = "<a href=\"https://cdn.example.com/Private/a\">";
        assertEquals(in, html(in));
        assertEquals(List.of(), signed);
    }

    // --- other syntaxes

    @Test
    void cssFile_quotedAndUnquotedUrl() {
        String in = "a{background:url(" + CDN + "a.png)} b{background:url( '" + CDN + "b.png' )}" + " @import url(\""
                + CDN + "c.css\");";
        assertEquals(
                "a{background:url(" + CDN + "a.png" + Q_PLAIN + ")} b{background:url( '" + CDN + "b.png" + Q_PLAIN
                        + "' )} @import url(\"" + CDN + "c.css" + Q_PLAIN + "\");",
                rewrite(in, "text/css"));
    }

    @Test
    void json_escapedSlashesDecodedForSigning() {
        String in = "{\"u\":\"https:\\/\\/cdn.example.com\\/private\\/a.mp4\",\"n\":1}";
        assertEquals(
                "{\"u\":\"https:\\/\\/cdn.example.com\\/private\\/a.mp4" + Q_PLAIN + "\",\"n\":1}",
                rewrite(in, "application/json"));
        assertEquals(List.of(CDN + "a.mp4"), signed);
    }

    @Test
    void json_unicodeEscapedAmpersandKeepsItsEscape() {
        String in = "{\"u\":\"" + CDN + "a.mp4?x=1\\u0026y=2\"}";
        assertEquals(
                "{\"u\":\"" + CDN + "a.mp4?x=1\\u0026y=2\\u0026" + PARAMS.replace("&", "\\u0026") + "\"}",
                rewrite(in, "application/json"));
        assertEquals(List.of(CDN + "a.mp4?x=1&y=2"), signed);
    }

    @Test
    void json_escapedQuoteEndsLink() {
        String in = "{\"html\":\"<a href=\\\"" + CDN + "a.mp4\\\">\"}";
        assertEquals(
                "{\"html\":\"<a href=\\\"" + CDN + "a.mp4" + Q_PLAIN + "\\\">\"}", rewrite(in, "application/json"));
    }

    @Test
    void json_escapedProtocolRelative() {
        String in = "[\"\\/\\/cdn.example.com\\/private\\/a.mp4\"]";
        byte[] out = stream(
                REWRITER,
                in.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8,
                "application/json",
                "https",
                signer);
        assertEquals(
                "[\"\\/\\/cdn.example.com\\/private\\/a.mp4" + Q_PLAIN + "\"]",
                new String(out, StandardCharsets.UTF_8));
        assertEquals(List.of(CDN + "a.mp4"), signed);
    }

    @Test
    void xmlComment_linkEndsBeforeCommentEnd() {
        String in = "<?xml version=\"1.0\"?><r><!-- " + CDN + "a--><u>" + CDN + "b</u></r>";
        assertEquals(
                "<?xml version=\"1.0\"?><r><!-- " + CDN + "a" + Q_HTML + "--><u>" + CDN + "b" + Q_HTML + "</u></r>",
                rewrite(in, null));
    }

    @Test
    void javascriptString_signedWithPlainAmpersand() {
        String in = "const a = '" + CDN + "app.js?v=2'; const b = `" + CDN + "b.js`;";
        assertEquals(
                "const a = '" + CDN + "app.js?v=2&" + PARAMS + "'; const b = `" + CDN + "b.js" + Q_PLAIN + "`;",
                rewrite(in, "text/javascript"));
    }

    @Test
    void javascriptTemplate_leftAlone() {
        String in = "const a = `" + CDN + "${id}.js`;";
        assertEquals(in, rewrite(in, "text/javascript"));
        assertEquals(List.of(), signed);
    }

    @Test
    void barePrefix_leftAloneAsBaseUrl() {
        String in = "const base = \"" + CDN + "\"; load(base + name);";
        assertEquals(in, rewrite(in, "text/javascript"));
    }

    @Test
    void xmlDash_ampersandEscaped() {
        String in = "<?xml version=\"1.0\"?><MPD><BaseURL>" + CDN + "v/</BaseURL>"
                + "<Initialization sourceURL=\"" + CDN + "init.mp4?v=1&amp;r=2\"/>"
                + "<SegmentTemplate media=\"" + CDN + "seg-$Number$.m4s\"/></MPD>";
        String expected = "<?xml version=\"1.0\"?><MPD><BaseURL>" + CDN + "v/" + Q_HTML + "</BaseURL>"
                + "<Initialization sourceURL=\"" + CDN + "init.mp4?v=1&amp;r=2&amp;" + PARAMS.replace("&", "&amp;")
                + "\"/><SegmentTemplate media=\"" + CDN + "seg-$Number$.m4s\"/></MPD>";
        assertEquals(expected, rewrite(in, "application/dash+xml"));
        assertEquals(List.of(CDN + "v/", CDN + "init.mp4?v=1&r=2"), signed);
    }

    @Test
    void xml_cdataUsesPlainAmpersand() {
        String in = "<?xml version=\"1.0\"?><r><![CDATA[" + CDN + "a]]><u>" + CDN + "b</u></r>";
        assertEquals(
                "<?xml version=\"1.0\"?><r><![CDATA[" + CDN + "a" + Q_PLAIN + "]]><u>" + CDN + "b" + Q_HTML
                        + "</u></r>",
                rewrite(in, null));
    }

    @Test
    void hlsPlaylist_uriAttributesAndUriLines() {
        String in = "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"" + CDN + "key.bin\",IV=0x1\r\n#EXTINF:10,\n" + CDN
                + "seg1.ts\n#EXTINF:10,\n" + CDN + "seg2.ts?n=2";
        assertEquals(
                "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"" + CDN + "key.bin" + Q_PLAIN + "\",IV=0x1\r\n"
                        + "#EXTINF:10,\n" + CDN + "seg1.ts" + Q_PLAIN + "\n#EXTINF:10,\n" + CDN + "seg2.ts?n=2&"
                        + PARAMS,
                rewrite(in, "application/vnd.apple.mpegurl"));
    }

    @Test
    void sniffing_htmlWithoutContentType() {
        String in = "\n <!DOCTYPE html><a href=\"" + CDN + "a\"><script>x='" + CDN + "b'</script>";
        assertEquals(
                "\n <!DOCTYPE html><a href=\"" + CDN + "a" + Q_HTML + "\"><script>x='" + CDN + "b" + Q_PLAIN
                        + "'</script>",
                rewrite(in, null));
    }

    @Test
    void sniffing_jsonWithoutContentType() {
        assertEquals("{\"u\":\"" + CDN + "a" + Q_PLAIN + "\"}", rewrite("{\"u\":\"" + CDN + "a\"}", null));
    }

    // --- what is left alone

    @Test
    void alreadySigned_leftAlone() {
        String in = "<a href=\"" + CDN + "a?x=1&amp;Expires=1&amp;Signature=s&amp;Key-Pair-Id=K\">" + "<a href=\"" + CDN
                + "b?Policy=p&Signature=s&Key-Pair-Id=K\">";
        assertEquals(in, html(in));
        assertEquals(List.of(), signed);
    }

    @Test
    void signingParameterAsValue_isNotAlreadySigned() {
        html("<a href=\"" + CDN + "a?q=Expires=1\">");
        assertEquals(List.of(CDN + "a?q=Expires=1"), signed);
    }

    @Test
    void signerReturningNull_leavesLinkUnchanged() {
        String in = "<a href=\"" + CDN + "a\">";
        byte[] out =
                stream(REWRITER, in.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null, null, url -> null);
        assertEquals(in, new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void signerThrowing_leavesLinkUnchangedAndBodyIntact() {
        String in = "<a href=\"" + CDN + "deny\">x</a><a href=\"" + CDN + "ok\">y</a>";
        byte[] out = stream(REWRITER, in.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null, null, url -> {
            if (url.endsWith("deny")) {
                throw new IllegalStateException("no key");
            }
            return PARAMS;
        });
        assertEquals(
                "<a href=\"" + CDN + "deny\">x</a><a href=\"" + CDN + "ok" + Q_HTML + "\">y</a>",
                new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void signerReturningBadCharacters_leavesLinkUnchanged() {
        String in = "<a href=\"" + CDN + "a\">";
        byte[] out = stream(
                REWRITER,
                in.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8,
                null,
                null,
                url -> "Expires=1&Signature=\"><script>");
        assertEquals(in, new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void nonMatchingPrefix_leftAlone() {
        String in = "<a href=\"https://cdn.example.com/privateer/a\"><a href=\"https://cdn.example.org/private/a\">"
                + "<a href=\"https://cdn.example.com.evil.net/private/a\">"
                + "<a href=\"https://xcdn.example.com/private/a\">"
                + "<a href=\"http://cdn.example.com/private/a\"><a href=\"ftp://cdn.example.com/private/a\">"
                + "<a href=\"https://cdn.example.com:8443/private/a\"><a href=\"/private/a\">";
        assertEquals(in, html(in));
        assertEquals(List.of(), signed);
    }

    @Test
    void nestedUrlInQuery_leftAlone() {
        String in = "<a href=\"https://other.example/share?u=https://cdn.example.com/private/a.mp4\">";
        assertEquals(in, html(in));
    }

    @Test
    void dotSegments_leftAlone() {
        String in = "<a href=\"" + CDN + "../public/a\"><a href=\"" + CDN + "a/%2e/b\">";
        assertEquals(in, html(in));
    }

    @Test
    void overlongCandidate_passedThroughAndNextLinkSigned() {
        String longLink = CDN + "x".repeat(9000);
        String in = "<a href=\"" + longLink + "\"><a href=\"" + CDN + "b\">";
        assertEquals("<a href=\"" + longLink + "\"><a href=\"" + CDN + "b" + Q_HTML + "\">", html(in));
        assertEquals(List.of(CDN + "b"), signed);
    }

    @Test
    void linksAtVeryStartAndEndOfStream() {
        assertEquals(CDN + "a" + Q_PLAIN + " " + CDN + "b" + Q_PLAIN, rewrite(CDN + "a " + CDN + "b", "text/plain"));
    }

    @Test
    void nonAsciiInLink_percentEncodedAsUtf8ForSigning() {
        String in = "<p>日本語 <a href=\"" + CDN + "café.jpg\">ü</a> — " + CDN + "😀</p>";
        assertEquals(
                "<p>日本語 <a href=\"" + CDN + "café.jpg" + Q_HTML + "\">ü</a> — " + CDN + "😀" + Q_HTML + "</p>",
                html(in));
        assertEquals(List.of(CDN + "caf%C3%A9.jpg", CDN + "%F0%9F%98%80"), signed);
    }

    // --- charsets and layers

    @Test
    void iso88591Body_bytesKeptAndLinkSignedAsUtf8() {
        String in = "<p>Fa\u00e7ade <a href=\"" + CDN + "caf\u00e9.jpg\">\u00fc</a></p>";
        byte[] out = stream(
                REWRITER,
                in.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1,
                "text/html",
                null,
                signer);
        assertArrayEquals(
                ("<p>Fa\u00e7ade <a href=\"" + CDN + "caf\u00e9.jpg" + Q_HTML + "\">\u00fc</a></p>")
                        .getBytes(StandardCharsets.ISO_8859_1),
                out);
        assertEquals(List.of(CDN + "caf%C3%A9.jpg"), signed);
    }

    @Test
    void utf16Body_withByteOrderMark() {
        String in = "<p>\u00e7a <a href=\"" + CDN + "a\u00e9.mp4\">\ud83d\ude00</a></p>";
        for (Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            signed.clear();
            byte[] out = stream(REWRITER, in.getBytes(cs), cs, "text/html", null, signer);
            assertArrayEquals(
                    ("<p>\u00e7a <a href=\"" + CDN + "a\u00e9.mp4" + Q_HTML + "\">\ud83d\ude00</a></p>").getBytes(cs),
                    out,
                    cs.name());
            assertEquals(List.of(CDN + "a%C3%A9.mp4"), signed);
        }
    }

    @Test
    void utf16LittleEndianWithByteOrderMark_keepsItsByteOrder() {
        byte[] body = concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                ("<a href=\"" + CDN + "a\">").getBytes(StandardCharsets.UTF_16LE));
        byte[] out = stream(REWRITER, body, StandardCharsets.UTF_16, "text/html", null, signer);
        assertArrayEquals(
                concat(
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        ("<a href=\"" + CDN + "a" + Q_HTML + "\">").getBytes(StandardCharsets.UTF_16LE)),
                out);
    }

    @Test
    void utf16UnpairedSurrogateAndOddTrailingByte_passThrough() {
        byte[] body = concat(("x\ud800 " + CDN + "a ").getBytes(StandardCharsets.UTF_16BE), new byte[] {0x41});
        // getBytes replaces the unpaired surrogate; put the real one back
        body[2] = (byte) 0xD8;
        body[3] = 0x00;
        byte[] out = stream(REWRITER, body, StandardCharsets.UTF_16BE, "text/plain", null, signer);
        byte[] expected =
                concat(("x\ud800 " + CDN + "a" + Q_PLAIN + " ").getBytes(StandardCharsets.UTF_16BE), new byte[] {0x41});
        expected[2] = (byte) 0xD8;
        expected[3] = 0x00;
        assertArrayEquals(expected, out);
    }

    @Test
    void shiftJisBody_doubleByteCharactersKept() {
        Charset sjis = Charset.forName("Shift_JIS");
        String in = "<p>\u8868\u793a <a href=\"" + CDN + "a.mp4\">\u30bd</a></p>"; // 0x955C, 0x835C: trail byte '\'
        byte[] out = stream(REWRITER, in.getBytes(sjis), sjis, "text/html", null, signer);
        assertArrayEquals(
                ("<p>\u8868\u793a <a href=\"" + CDN + "a.mp4" + Q_HTML + "\">\u30bd</a></p>").getBytes(sjis), out);
    }

    @Test
    void writer_rewritesCharacters() throws IOException {
        StringWriter sink = new StringWriter();
        try (Writer w = REWRITER.wrap(sink, "text/html", null, signer)) {
            w.write("<a href=\"" + CDN);
            w.flush();
            w.write("a\ud83d");
            w.write("\ude00\">");
        }
        assertEquals("<a href=\"" + CDN + "a\ud83d\ude00" + Q_HTML + "\">", sink.toString());
        assertEquals(List.of(CDN + "a%F0%9F%98%80"), signed);
    }

    @Test
    void rewriteString_locationHeaderUsesPlainAmpersand() {
        assertEquals(CDN + "a?x=1&" + PARAMS, REWRITER.rewrite(CDN + "a?x=1", signer));
    }

    @Test
    void rewriteString_linkHeader() {
        assertEquals(
                "<" + CDN + "a.css" + Q_PLAIN + ">; rel=preload; as=style",
                REWRITER.rewrite("<" + CDN + "a.css>; rel=preload; as=style", signer));
    }

    @Test
    void rewriteString_unchangedReturnsSameInstance() {
        String text = "https://example.com/a";
        assertSame(text, REWRITER.rewrite(text, signer));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static String randomPage(Random random, int links, int size) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>t</title></head><body>\n");
        String[] fillers = {
            "<div class=\"card\"><span>text</span></div>\n",
            "<p>Lorem ipsum dolor sit amet.</p>\n",
            "<a href=\"https://example.org/page\">elsewhere</a>\n",
            "<img src=\"https://cdn.example.com/public/x.png\">"
        };
        int linkEvery = Math.max(1, size / Math.max(1, links));
        int next = linkEvery / 2;
        int made = 0;
        while (sb.length() < size) {
            if (sb.length() >= next && made < links) {
                sb.append("<img src=\"").append(CDN).append("img/").append(made).append(".jpg\" alt=\"\">\n");
                made++;
                next += linkEvery;
            } else {
                sb.append(fillers[random.nextInt(fillers.length)]);
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    @Test
    void randomPageHelper_makesPagesWithLinks() {
        assertTrue(randomPage(new Random(1), 10, 5000).contains(CDN + "img/9.jpg"));
    }
}
