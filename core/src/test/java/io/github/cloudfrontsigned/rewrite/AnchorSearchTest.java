package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With a single protected host the search rejects most anchor hits at once by comparing the host name and path
 * eight bytes at a time ({@code acceptAnchor}); with several hosts every hit goes to the full check. A second
 * protected host (never present in the bodies) switches the quick rejection off, so the two rewriters below must
 * write the same bytes for every body, whole and in random pieces.
 */
final class AnchorSearchTest {

    private static final String HOST = "d111111abcdef8.cloudfront.net";
    private static final LinkRewriter SINGLE_HOST = LinkRewriter.builder()
            .protectedPrefix("https://" + HOST + "/private/")
            .build();
    private static final LinkRewriter TWO_HOSTS = LinkRewriter.builder()
            .protectedPrefix("https://" + HOST + "/private/")
            .protectedPrefix("https://zz.invalid/x/")
            .build();
    private static final String[] PIECES = {
        "https://",
        "//",
        "https:\\/\\/",
        "\\/\\/",
        HOST,
        HOST.toUpperCase(),
        HOST.substring(0, 9),
        HOST.substring(5),
        "abcdef8.",
        "f8.cloudfront",
        "/private/",
        "\\/private\\/",
        "a.jpg",
        "?w=1",
        "&amp;",
        "\\u0026",
        "#t",
        ", ",
        " ",
        "\n",
        "\"",
        "'",
        "<",
        ">",
        "<a href=\"",
        "url(",
        ")",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<?xml ?>",
        "{",
        "\u00e9",
        "x",
        "8.",
        "0123456789abcdef",
        "<p>some text of a page</p>"
    };

    @Test
    void singleHostSearch_findsWhatTheFullCheckFinds() throws IOException {
        Random random = new Random(17);
        String[] types = {"text/html", "application/xml", "application/json", "text/css"};
        int signed = 0;
        for (int doc = 0; doc < 3000; doc++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + random.nextInt(80); k > 0; k--) {
                if (random.nextInt(5) == 0) { // a link, or something close to one
                    sb.append(pick(random, "\"", " ", "(", "=", ">", "x"))
                            .append(pick(random, "https://", "//", "https:\\/\\/", "HTTPS://"))
                            .append(pick(random, HOST, HOST, HOST.toUpperCase(), "e" + HOST))
                            .append(pick(random, "/private/", "\\/private\\/", "/public/"));
                }
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            String type = types[random.nextInt(types.length)];
            long seed = random.nextLong();
            byte[] expected = write(TWO_HOSTS, body, type, new Random(seed));
            assertArrayEquals(expected, write(SINGLE_HOST, body, type, new Random(seed)), "body " + doc + ": " + sb);
            assertArrayEquals(expected, write(SINGLE_HOST, body, type, null), "body " + doc + " whole: " + sb);
            signed += expected.length != body.length ? 1 : 0;
        }
        assertTrue(signed > 500, signed + " bodies had a link signed");
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] write(LinkRewriter rewriter, byte[] body, String type, Random pieces) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = rewriter.wrap(
                sink,
                StandardCharsets.UTF_8,
                type,
                "https",
                url -> "Expires=1&Signature=" + url.length() + "&Key-Pair-Id=K")) {
            int off = 0;
            while (off < body.length) {
                int n = pieces == null ? body.length : Math.min(body.length - off, 1 + pieces.nextInt(40));
                out.write(body, off, n);
                off += n;
            }
        }
        return sink.toByteArray();
    }
}
