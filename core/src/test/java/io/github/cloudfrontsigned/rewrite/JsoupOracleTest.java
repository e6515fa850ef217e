package io.github.cloudfrontsigned.rewrite;

import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.PARAMS;
import static io.github.cloudfrontsigned.rewrite.LinkRewriterTest.REWRITER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Parses the original and the rewritten page with jsoup: only the protected links may differ. */
final class JsoupOracleTest {

    static final String PAGE = "<!DOCTYPE html><html><head><title>A &amp; B</title>"
            + "<link rel=stylesheet href=\"https://cdn.example.com/private/site.css?v=3\">"
            + "<script src='//cdn.example.com/private/app.js'></script>"
            + "<style>body{background:url(https://cdn.example.com/private/bg.png)}</style></head><body>"
            + "<a href=\"https://cdn.example.com/private/a.mp4?x=1&amp;y=2#t=5\" title=\"https://cdn.example.com/"
            + "private/t\">a</a><a href=https://cdn.example.com/private/u.zip>u</a>"
            + "<img src=\"https://cdn.example.com/private/i.jpg\" srcset=\"https://cdn.example.com/private/i1.jpg 1x,"
            + " https://cdn.example.com/private/i2.jpg 2x\" alt=\"\">"
            + "<a href=\"https://cdn.example.com/public/p.jpg\">p</a><a href=\"https://example.org/x\">o</a>"
            + "<div style=\"background-image:url('https://cdn.example.com/private/d.png')\" data-x='1 < 2'>d</div>"
            + "<video><source src=\"https://cdn.example.com/private/v.m3u8\" type=application/x-mpegURL></video>"
            + "<p>Text https://cdn.example.com/private/text.pdf &lt;here&gt;</p></body></html>";

    @Test
    void onlyProtectedLinkAttributesChange() {
        Random random = new Random(3);
        String page = PAGE.replace("</body>", LinkRewriterTest.randomPage(random, 30, 20_000) + "</body>");
        String rewritten = REWRITER.rewrite(page, "text/html", "https", url -> PARAMS);
        Document before = Jsoup.parse(page);
        Document after = Jsoup.parse(rewritten);
        Elements a = before.getAllElements();
        Elements b = after.getAllElements();
        assertEquals(a.size(), b.size());
        int changed = 0;
        for (int i = 0; i < a.size(); i++) {
            Element x = a.get(i);
            Element y = b.get(i);
            assertEquals(x.tagName(), y.tagName());
            assertEquals(x.attributes().size(), y.attributes().size(), x.tagName());
            for (Attribute attr : x.attributes()) {
                String original = attr.getValue();
                String now = y.attr(attr.getKey());
                int links = count(original, "cdn.example.com/private/");
                if (links == 0) {
                    assertEquals(original, now, attr.getKey());
                    continue;
                }
                changed += links;
                assertEquals(links, count(now, "Expires=1767290400&Signature=abc~-_&Key-Pair-Id=K2JCJMDEHXQW5F"), now);
                assertEquals(original, now.replace("?" + PARAMS, "").replace("&" + PARAMS, ""), attr.getKey());
            }
            if (x.tagName().equals("script")
                    || x.tagName().equals("style")
                    || x.tagName().equals("title")
                    || x.tagName().equals("p")) {
                assertEquals(x.data() + x.ownText(), (y.data() + y.ownText()).replace("?" + PARAMS, ""));
            }
        }
        assertEquals(40, changed); // 10 in the fixed part (one in a title), 30 random
        assertTrue(after.select("a[href*=a.mp4]").attr("href").endsWith("&" + PARAMS + "#t=5"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
