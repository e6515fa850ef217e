package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LinkRewriterBuilderTest {

    private static IllegalArgumentException badPrefix(String prefix) {
        return assertThrows(
                IllegalArgumentException.class, () -> LinkRewriter.builder().protectedPrefix(prefix));
    }

    @Test
    void prefix_normalizedAndListed() {
        LinkRewriter r = LinkRewriter.builder()
                .protectedPrefix("HTTPS://CDN.Example.com/Private/")
                .protectedPrefix("http://d111111abcdef8.cloudfront.net")
                .build();
        assertEquals(
                List.of("https://cdn.example.com/Private/", "http://d111111abcdef8.cloudfront.net/"),
                r.protectedPrefixes());
        assertEquals(8192, r.maxLinkLength());
    }

    @Test
    void prefix_null() {
        assertThrows(NullPointerException.class, () -> LinkRewriter.builder().protectedPrefix(null));
    }

    @Test
    void prefix_otherScheme() {
        assertTrue(badPrefix("ftp://cdn.example.com/private/")
                .getMessage()
                .contains("\"ftp://cdn.example.com/private/\" must be an absolute URL starting with http://"));
    }

    @Test
    void prefix_relative() {
        assertTrue(badPrefix("/private/").getMessage().contains("must be an absolute URL"));
    }

    @Test
    void prefix_noHost() {
        assertTrue(badPrefix("https:///private/").getMessage().contains("has no host"));
    }

    @Test
    void prefix_userInfo() {
        assertTrue(badPrefix("https://user@cdn.example.com/").getMessage().contains("the character '@' in its host"));
    }

    @Test
    void prefix_badPort() {
        assertTrue(badPrefix("https://cdn.example.com:x/").getMessage().contains("malformed port \"x\""));
    }

    @Test
    void prefix_query() {
        assertTrue(
                badPrefix("https://cdn.example.com/private/?a=1").getMessage().contains("holds '?' at position 32"));
    }

    @Test
    void prefix_space() {
        assertTrue(badPrefix("https://cdn.example.com/my files/")
                .getMessage()
                .contains("holds a space or control character at position 26"));
    }

    @Test
    void prefix_nonAscii() {
        assertTrue(badPrefix("https://cdn.example.com/caf\u00e9/").getMessage().contains("percent-encode"));
    }

    @Test
    void build_withoutPrefix() {
        assertThrows(IllegalStateException.class, () -> LinkRewriter.builder().build());
    }

    @Test
    void maxLinkLength_tooSmall() {
        assertThrows(
                IllegalArgumentException.class, () -> LinkRewriter.builder().maxLinkLength(255));
    }

    @Test
    void maxLinkLength_shorterThanPrefix() {
        LinkRewriter.Builder b = LinkRewriter.builder()
                .maxLinkLength(256)
                .protectedPrefix("https://cdn.example.com/" + "p".repeat(150) + "/");
        assertThrows(IllegalArgumentException.class, b::build);
    }

    @Test
    void wrap_rejectsOtherScheme() {
        LinkRewriter r = LinkRewriter.builder()
                .protectedPrefix("https://cdn.example.com/")
                .build();
        assertThrows(
                IllegalArgumentException.class,
                () -> r.wrap(new ByteArrayOutputStream(), StandardCharsets.UTF_8, null, "ftp", url -> null));
    }

    @Test
    void twoHostsAndNestedPrefixes_longestMatches() {
        LinkRewriter r = LinkRewriter.builder()
                .protectedPrefix("https://cdn.example.com/private/")
                .protectedPrefix("https://media.example.net/v/")
                .protectedPrefix("http://cdn.example.com/private/hd/")
                .build();
        List<String> seen = new java.util.ArrayList<>();
        String out = r.rewrite(
                "https://media.example.net/v/1 //cdn.example.com/private/hd/2 " + "https://media.example.net/w/3",
                url -> {
                    seen.add(url);
                    return "Expires=1";
                });
        assertEquals(
                "https://media.example.net/v/1?Expires=1 //cdn.example.com/private/hd/2?Expires=1 "
                        + "https://media.example.net/w/3",
                out);
        assertEquals(List.of("https://media.example.net/v/1", "http://cdn.example.com/private/hd/2"), seen);
    }

    @Test
    void manyHosts_allFound() {
        LinkRewriter.Builder b = LinkRewriter.builder();
        for (int i = 0; i < 7; i++) {
            b.protectedPrefix("https://h" + i + "q" + (char) ('a' + i) + ".example/p/");
        }
        LinkRewriter r = b.build();
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            String link = "https://h" + i + "q" + (char) ('a' + i) + ".example/p/x";
            in.append('"').append(link).append("\" ");
            expected.append('"').append(link).append("?Expires=1\" ");
        }
        assertEquals(expected.toString(), r.rewrite(in.toString(), url -> "Expires=1"));
    }

    @Test
    void toString_showsConfiguration() {
        assertEquals(
                "LinkRewriter{protectedPrefixes=[https://cdn.example.com/private/], maxLinkLength=8192}",
                LinkRewriterTest.REWRITER.toString());
    }
}
