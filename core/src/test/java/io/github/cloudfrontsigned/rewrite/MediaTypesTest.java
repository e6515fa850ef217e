package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

final class MediaTypesTest {

    @Test
    void defaults_includeHtmlCssJsonJavaScriptXmlHlsDash() {
        for (String type : new String[] {
            "text/html",
            "text/css",
            "application/json",
            "text/javascript",
            "application/javascript",
            "application/xml",
            "text/xml",
            "application/vnd.apple.mpegurl",
            "audio/mpegurl",
            "application/x-mpegurl",
            "application/dash+xml",
            "application/xhtml+xml"
        }) {
            assertTrue(LinkRewriter.isRewritable(type), type);
        }
    }

    @Test
    void defaults_includeStructuredSuffixes() {
        assertTrue(LinkRewriter.isRewritable("application/vnd.api+json"));
        assertTrue(LinkRewriter.isRewritable("image/svg+xml"));
    }

    @Test
    void parameters_andCase_ignored() {
        assertTrue(LinkRewriter.isRewritable(" Text/HTML ; charset=\"UTF-8\""));
        assertTrue(LinkRewriter.isRewritable("application/x-mpegURL"));
    }

    @Test
    void otherTypes_notRewritable() {
        assertFalse(LinkRewriter.isRewritable("image/png"));
        assertFalse(LinkRewriter.isRewritable("video/mp4"));
        assertFalse(LinkRewriter.isRewritable("application/octet-stream"));
    }

    @Test
    void missingOrMalformed_notRewritable() {
        assertFalse(LinkRewriter.isRewritable(null));
        assertFalse(LinkRewriter.isRewritable(""));
        assertFalse(LinkRewriter.isRewritable("html"));
        assertFalse(LinkRewriter.isRewritable("text/"));
        assertFalse(LinkRewriter.isRewritable("text/html/x"));
    }

    @Test
    void customSet_withTypeWildcard() {
        assertTrue(LinkRewriter.isRewritable("text/plain", Set.of("text/*")));
        assertFalse(LinkRewriter.isRewritable("application/json", Set.of("text/*")));
    }

    @Test
    void syntax_fromMediaType() {
        assertEquals(LinkScanner.HTML, MediaTypes.syntax("text/html;charset=x"));
        assertEquals(LinkScanner.XML, MediaTypes.syntax("application/dash+xml"));
        assertEquals(LinkScanner.TEXT, MediaTypes.syntax("text/css"));
        assertEquals(LinkScanner.SNIFF, MediaTypes.syntax(null));
    }
}
