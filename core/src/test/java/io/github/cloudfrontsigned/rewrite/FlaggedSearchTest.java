package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flagged search ({@link AnchorSearch#flag} marks the bytes, {@link AnchorSearch#findFlagged} tests pairs of
 * marks) finds what the word-at-a-time search finds. It runs only with one anchor pair, so a rewriter with a
 * second host of another anchor pair (never present in the bodies) takes the word search and serves as the oracle
 * for whole streams. (Runs on HotSpot's server VM, where the flagged search is on.)
 */
final class FlaggedSearchTest {

    private static final String HOST = "d111111abcdef8.cloudfront.net";
    private static final String PREFIX = "https://" + HOST + "/private/";
    /** The rarest pair of {@link #HOST} ({@code "8."}) with its second byte's bit 7 flipped: a mark, never a hit. */
    private static final String NON_ASCII_NEAR_MISS = "8\u00ae";

    private static final LinkSigner SIGNER = url -> "Expires=1&Signature=" + url.length() + "&Key-Pair-Id=K";

    private static LinkMatcher matcher(String... prefixes) {
        return new LinkMatcher(
                java.util.Arrays.stream(prefixes).map(LinkMatcher::parsePrefix).toList());
    }

    private static LinkRewriter rewriter(int maxLinkLength, String... prefixes) {
        LinkRewriter.Builder b = LinkRewriter.builder().maxLinkLength(maxLinkLength);
        for (String p : prefixes) {
            b.protectedPrefix(p);
        }
        return b.build();
    }

    /** The word search's answer for the same kind of search. */
    private static int wordSearch(byte[] s, int i, int to, LinkMatcher m, int tags) {
        return tags == AnchorSearch.TEXT
                ? AnchorSearch.findAnchor(s, i, to, m, 0)
                : AnchorSearch.findPair(s, i, to, m, 0, tags);
    }

    @Test
    void findFlagged_returnsWhatTheWordSearchReturns_fromEveryStart() {
        LinkMatcher m = matcher(PREFIX);
        assertEquals(1, m.anchorCount);
        String[] pieces = {
            HOST,
            HOST.toUpperCase(),
            "/private/",
            "8.",
            "8",
            ".",
            NON_ASCII_NEAR_MISS,
            "<script ",
            "<SCRIPT>",
            "<style>",
            "<s",
            "<",
            "<!-- ",
            "<!",
            "</",
            "x",
            "\u00e9",
            "\u00f3",
            "s",
            " ",
            "\\/"
        };
        Random random = new Random(22);
        int tagsFound = 0;
        int anchorsFound = 0;
        for (int doc = 0; doc < 150; doc++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 20 + random.nextInt(200)) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] s = sb.toString().getBytes(StandardCharsets.UTF_8);
            byte[] marks = new byte[s.length + random.nextInt(3)];
            for (int tags : new int[] {AnchorSearch.OPEN_HTML, AnchorSearch.OPEN_XML, AnchorSearch.TEXT}) {
                for (int to = Math.max(0, s.length - 3); to <= s.length; to++) {
                    for (int i = 0; i <= to; i++) {
                        AnchorSearch.flag(s, marks, i, to, m, tags);
                        int expected = wordSearch(s, i, to, m, tags);
                        assertEquals(
                                expected,
                                AnchorSearch.findFlagged(s, marks, i, to, m, 0, tags),
                                "doc " + doc + " tags " + tags + " from " + i + " to " + to + ": " + sb);
                        if (expected < to) {
                            tagsFound += s[expected] == '<' ? 1 : 0;
                            anchorsFound += s[expected] == '<' ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertTrue(tagsFound > 100 && anchorsFound > 100, tagsFound + " tags, " + anchorsFound + " anchors found");
    }

    @Test
    void findFlagged_findsTheRarePairAtTheFirstAndLastPositions() {
        for (String host : new String[] {"qz.example.com", "img.example.xz"}) { // anchor pair first, anchor pair last
            LinkMatcher m = matcher("https://" + host + "/");
            int offset = m.hosts[0].anchorOffset;
            assertEquals(host.startsWith("qz") ? 0 : host.length() - 2, offset, host);
            byte[] link = (host + "/").getBytes(StandardCharsets.US_ASCII);
            for (int length = link.length; length <= link.length + 80; length++) {
                for (int at : new int[] {0, length - link.length}) {
                    byte[] s = new byte[length];
                    java.util.Arrays.fill(s, (byte) 'a');
                    System.arraycopy(link, 0, s, at, link.length);
                    byte[] marks = new byte[length];
                    for (int tags : new int[] {AnchorSearch.OPEN_HTML, AnchorSearch.TEXT}) {
                        AnchorSearch.flag(s, marks, 0, length, m, tags);
                        assertEquals(
                                at + offset,
                                AnchorSearch.findFlagged(s, marks, 0, length, m, 0, tags),
                                host + " at " + at + " of " + length);
                        assertEquals(
                                at + offset, wordSearch(s, 0, length, m, tags), host + " at " + at + " of " + length);
                    }
                }
            }
        }
    }

    @Test
    void windowBoundary_linkAcrossItIsSignedAtEveryOffset() throws IOException {
        int maxLinkLength = 256;
        int window = LinkScanner.maxRetained(maxLinkLength) + 8192;
        LinkRewriter flagged = rewriter(maxLinkLength, PREFIX);
        LinkRewriter words = rewriter(maxLinkLength, PREFIX, "https://zz.invalid/x/");
        String link = "<img src=\"" + PREFIX + "a.jpg?w=1&amp;h=2\">";
        for (int shift = 0; shift < link.length() + 16; shift++) {
            String body = "<p>" + "x".repeat(window - 8 - shift) + link + NON_ASCII_NEAR_MISS + "<p>"
                    + "y".repeat(window) + link + "</p>";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (int chunk : new int[] {bytes.length, 8192, 1000, 333}) {
                byte[] expected = write(words, bytes, chunk);
                assertArrayEquals(expected, write(flagged, bytes, chunk), "shift " + shift + ", writes of " + chunk);
                assertEquals(
                        2,
                        count(new String(expected, StandardCharsets.UTF_8), "a.jpg?w=1&amp;h=2&amp;Expires"),
                        "both links signed, shift " + shift + ", writes of " + chunk);
            }
            assertEquals(writeChars(words, body), writeChars(flagged, body), "the writer, shift " + shift);
        }
    }

    @Test
    void hostsSharingTheirRarePair_takeTheFlaggedSearchAndAreBothSigned() throws IOException {
        String other = "e222222abcdef8.cloudfront.net";
        LinkMatcher shared = matcher(PREFIX, "https://" + other + "/p/");
        assertEquals(1, shared.anchorCount);
        assertEquals(2, shared.hosts.length);
        LinkRewriter flagged = rewriter(LinkRewriter.DEFAULT_MAX_LINK_LENGTH, PREFIX, "https://" + other + "/p/");
        LinkRewriter words = rewriter(
                LinkRewriter.DEFAULT_MAX_LINK_LENGTH, PREFIX, "https://" + other + "/p/", "https://zz.invalid/x/");
        String body = "<html><body>\u00e9t\u00e9 " + NON_ASCII_NEAR_MISS + " <a href=\"" + PREFIX + "\u00e9.jpg\">"
                + "<script>var u = \"https:\\/\\/" + other + "\\/p\\/v.mp4?a=1&b=2\";</script>"
                + "<style>.x{background:url(//" + HOST + "/private/bg.png)}</style>"
                + "<img src=\"https://" + other.toUpperCase() + "/p/x.jpg\"></body></html>";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {bytes.length, 7, 1}) {
            byte[] expected = write(words, bytes, chunk);
            assertArrayEquals(expected, write(flagged, bytes, chunk), "writes of " + chunk);
            assertEquals(4, count(new String(expected, StandardCharsets.UTF_8), "Expires=1"), "writes of " + chunk);
        }
        assertEquals(writeChars(words, body), writeChars(flagged, body));
    }

    @Test
    void nonAsciiText_aroundAndInsideLinks_isWrittenAsTheWordSearchWritesIt() throws IOException {
        LinkRewriter flagged = rewriter(LinkRewriter.DEFAULT_MAX_LINK_LENGTH, PREFIX);
        LinkRewriter words = rewriter(LinkRewriter.DEFAULT_MAX_LINK_LENGTH, PREFIX, "https://zz.invalid/x/");
        Random random = new Random(23);
        String[] pieces = {
            "\u00e9",
            "\u00ae",
            "\u00f3",
            "\u4e2d",
            "\ud83d\ude00",
            NON_ASCII_NEAR_MISS,
            "8",
            ".",
            "<",
            "\u00f3cript",
            "<s",
            " ",
            "\"",
            PREFIX,
            "\u00e9.jpg",
            "x"
        };
        for (int doc = 0; doc < 300; doc++) {
            StringBuilder sb = new StringBuilder("<p>");
            for (int k = random.nextInt(60); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String body = sb.toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(write(words, bytes, bytes.length), write(flagged, bytes, bytes.length), body);
            assertEquals(writeChars(words, body), writeChars(flagged, body), body);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static byte[] write(LinkRewriter rewriter, byte[] body, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = rewriter.wrap(sink, StandardCharsets.UTF_8, "text/html", "https", SIGNER)) {
            for (int off = 0; off < body.length; off += chunk) {
                out.write(body, off, Math.min(chunk, body.length - off));
            }
        }
        return sink.toByteArray();
    }

    private static String writeChars(LinkRewriter rewriter, String body) throws IOException {
        StringWriter sink = new StringWriter();
        try (Writer out = rewriter.wrap(sink, "text/html", "https", SIGNER)) {
            out.write(body);
        }
        return sink.toString();
    }

    @Test
    void flaggedSearch_onHotSpotServerVmUnlessTurnedOff() {
        assertTrue(AnchorSearch.flaggedSearch("OpenJDK 64-Bit Server VM", null));
        assertTrue(AnchorSearch.flaggedSearch("Java HotSpot(TM) 64-Bit Server VM", null));
        assertFalse(AnchorSearch.flaggedSearch("Eclipse OpenJ9 VM", null));
        assertFalse(AnchorSearch.flaggedSearch("OpenJDK 64-Bit Server VM", "false"));
        assertTrue(AnchorSearch.flaggedSearch("Eclipse OpenJ9 VM", "true"));
    }

    @Test
    void matcherWithSeveralAnchorPairs_keepsTheWordSearch() {
        assertEquals(2, matcher(PREFIX, "https://zz.invalid/x/").anchorCount);
        assertEquals(List.of(PREFIX), matcher(PREFIX).prefixTexts);
    }
}
