package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer path's shadow ({@code CharRewritingWriter}: the JDK's ISO-8859-1 encoder for the bulk, the
 * per-character loop after a character above U+00FF) lets the scanner see exactly what the byte path sees: for
 * text of every script, written in pieces of every size across many windows, the writer writes the characters
 * the byte path writes as UTF-8.
 */
final class WriterShadowTest {

    private static final String PREFIX = "https://d111111abcdef8.cloudfront.net/private/";
    private static final LinkSigner SIGNER = url -> "Expires=1&Signature=" + url.length() + "&Key-Pair-Id=K";
    private static final LinkRewriter REWRITER =
            LinkRewriter.builder().protectedPrefix(PREFIX).build();

    /** Pieces of text: ASCII markup, Latin-1, CJK, an emoji (a surrogate pair) and links. */
    private static final String[] PIECES = {
        "<p>",
        "</p>\n",
        " ",
        "\"",
        "<a href=\"",
        "\">",
        "<img src=\"",
        PREFIX,
        PREFIX + "caf\u00e9.jpg",
        PREFIX + "\u4e2d\u6587.png",
        PREFIX + "x.mp4?a=1&amp;b=2",
        "\u00e9t\u00e9",
        "\u00ae\u00ff\u0080",
        "\u65e5\u672c\u8a9e\u306e\u6587\u7ae0",
        "\ud83d\ude00",
        "\u0141\u00f3d\u017a",
        "8.",
        "d111111abcdef8.cloudfront.net"
    };

    @Test
    void writer_writesWhatTheBytePathWrites_forTextOfEveryScript() throws IOException {
        Random random = new Random(22);
        for (int doc = 0; doc < 40; doc++) {
            StringBuilder sb = new StringBuilder();
            // 10-40 KB: several 8 KiB windows, with runs of CJK longer than the 64 characters shaded one by one
            int size = 10_000 + random.nextInt(30_000);
            while (sb.length() < size) {
                if (random.nextInt(50) == 0) {
                    sb.append("\u6f22\u5b57".repeat(40 + random.nextInt(200)));
                }
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String body = sb.toString();
            String expected = bytePath(body);
            assertTrue(expected.contains("Expires=1"), "the document has signed links");
            assertEquals(expected, writerPath(body, random), "document " + doc);
        }
    }

    @Test
    void writer_oneCharacterAtATime_writesWhatTheBytePathWrites() throws IOException {
        String body = "<p>\u4e2d " + PREFIX + "\u00e9\u4e2d.jpg \ud83d\ude00 <a href=\"" + PREFIX + "a.mp4\">"
                + "\u0141</a></p>";
        StringWriter sink = new StringWriter();
        try (Writer out = REWRITER.wrap(sink, "text/html", "https", SIGNER)) {
            for (int i = 0; i < body.length(); i++) {
                out.write(body.charAt(i));
            }
        }
        assertEquals(bytePath(body), sink.toString());
    }

    private static String bytePath(String body) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, "text/html", "https", SIGNER)) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    /** Writes {@code body} in pieces of 1 to 300 characters, as Strings and as char arrays. */
    private static String writerPath(String body, Random random) throws IOException {
        StringWriter sink = new StringWriter();
        try (Writer out = REWRITER.wrap(sink, "text/html", "https", SIGNER)) {
            for (int off = 0; off < body.length(); ) {
                int n = Math.min(body.length() - off, 1 + random.nextInt(300));
                if (random.nextBoolean()) {
                    out.write(body, off, n);
                } else {
                    out.write(body.toCharArray(), off, n);
                }
                off += n;
            }
        }
        return sink.toString();
    }
}
