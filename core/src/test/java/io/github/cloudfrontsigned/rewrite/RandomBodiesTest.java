package io.github.cloudfrontsigned.rewrite;

import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.REWRITER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bodies stitched from the pieces links and markup are made of: whatever the scanner makes of them, it only ever
 * inserts signing parameters, and the way the body is split into writes never matters.
 */
final class RandomBodiesTest {

    private static final String PARAMS = "Expires=1&Signature=Z~_-&Key-Pair-Id=K";
    private static final String[] PIECES = {
        "https://",
        "http://",
        "//",
        "https:\\/\\/",
        "\\/\\/",
        "cdn.example.com",
        "CDN.EXAMPLE.COM",
        "cdn.exa",
        "/private/",
        "\\/private\\/",
        "/privat",
        "a.mp4",
        "x",
        "?",
        "?x=1",
        "&",
        "&amp;",
        "&#38;",
        "&quot;",
        "&foo;",
        "\\u0026",
        "\\u0022",
        "\\",
        "#",
        "#t",
        ",",
        ", ",
        " ",
        "\n",
        "\"",
        "'",
        "`",
        "=",
        "<",
        ">",
        "<a href=",
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
        "$",
        "Expires=1",
        ".",
        "..",
        "%2e",
        "\u00e9",
        "\u65e5",
        "\ud83d\ude00",
        "\r\n",
        "https://cdn.e"
    };

    @Test
    void randomBodies_onlyInsertParametersAndIgnoreSplits() throws IOException {
        Random random = new Random(2026);
        String[] types = {"text/html", "application/xml", "application/json", null};
        int signed = 0;
        for (int doc = 0; doc < 1500; doc++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(60);
            for (int k = 0; k < pieces; k++) {
                if (random.nextInt(4) == 0) { // a link, or something close to one
                    sb.append(pick(random, "\"", "'", " ", "(", "=", "url(", "\n", ">", "x"))
                            .append(pick(random, "https://", "//", "https:\\/\\/", "HTTPS://", "http://"))
                            .append(pick(
                                    random, "cdn.example.com", "cdn.example.com", "CDN.example.com", "cdn.example.org"))
                            .append(pick(random, "/private/", "/private/", "\\/private\\/", "/public/"));
                    for (int b = random.nextInt(4); b > 0; b--) {
                        sb.append(pick(
                                random,
                                "a.mp4",
                                "v/1",
                                "?x=1",
                                "&amp;y=2",
                                "&z=3",
                                "\\u0026w=4",
                                "\\/b",
                                "#t=5",
                                "\u00e9",
                                "%20",
                                ","));
                    }
                } else {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            String type = types[random.nextInt(types.length)];
            byte[] whole = write(body, type, random, false);
            String out = new String(whole, StandardCharsets.UTF_8);
            String stripped = out.replace("&amp;" + PARAMS.replace("&", "&amp;"), "")
                    .replace("?" + PARAMS.replace("&", "&amp;"), "")
                    .replace("\\u0026" + PARAMS.replace("&", "\\u0026"), "")
                    .replace("?" + PARAMS.replace("&", "\\u0026"), "")
                    .replace("&" + PARAMS, "")
                    .replace("?" + PARAMS, "");
            assertEquals(sb.toString(), stripped, "body " + doc);
            signed += out.equals(sb.toString()) ? 0 : 1;
            assertArrayEquals(whole, write(body, type, random, true), "body " + doc + " written in pieces");
        }
        assertTrue(signed > 300, signed + " bodies had a link signed");
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] write(byte[] body, String type, Random random, boolean pieces) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = REWRITER.wrap(sink, StandardCharsets.UTF_8, type, "https", url -> PARAMS)) {
            int off = 0;
            while (off < body.length) {
                int n = pieces ? Math.min(body.length - off, 1 + random.nextInt(12)) : body.length;
                out.write(body, off, n);
                if (pieces && random.nextBoolean()) {
                    out.flush();
                }
                off += n;
            }
        }
        return sink.toByteArray();
    }
}
