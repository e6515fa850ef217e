package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rewriter remembers links it has signed; what it inserts is still always what the signer returns now. */
final class LinkMemoTest {

    private static final LinkRewriter REWRITER = LinkRewriter.builder()
            .protectedPrefix("https://d111111abcdef8.cloudfront.net/private/")
            .build();
    private static final String PAGE = "<img src=\"https://d111111abcdef8.cloudfront.net/private/a.jpg\">";

    @Test
    void linkMemo_insertsWhatTheSignerReturnsNow() {
        AtomicInteger calls = new AtomicInteger();
        LinkSigner changing = url -> "Expires=" + calls.incrementAndGet() + "&Signature=S&Key-Pair-Id=K";
        for (int i = 1; i <= 3; i++) {
            assertEquals(
                    "<img src=\"https://d111111abcdef8.cloudfront.net/private/a.jpg?Expires=" + i
                            + "&amp;Signature=S&amp;Key-Pair-Id=K\">",
                    REWRITER.rewrite(PAGE, "text/html", null, changing));
        }
    }

    @Test
    void linkMemo_writesTheSameParametersInEachLinksSyntax() {
        String parameters = "Expires=1&Signature=S&Key-Pair-Id=K";
        LinkSigner same = url -> parameters;
        String link = "https://d111111abcdef8.cloudfront.net/private/a.jpg";
        assertEquals(
                link + "?Expires=1&amp;Signature=S&amp;Key-Pair-Id=K", REWRITER.rewrite(link, "text/html", null, same));
        assertEquals(link + "?Expires=1&Signature=S&Key-Pair-Id=K", REWRITER.rewrite(link, same));
        assertEquals(
                "\"" + link + "?x=1&amp;Expires=1&amp;Signature=S&amp;Key-Pair-Id=K\"",
                REWRITER.rewrite("\"" + link + "?x=1\"", "text/html", null, same));
    }

    @Test
    void linkMemo_signsEachSchemeForItself() {
        LinkSigner echo = url -> "Expires=1&Signature=" + (url.startsWith("https:") ? "S" : "H") + "&Key-Pair-Id=K";
        String link = "//d111111abcdef8.cloudfront.net/private/a.jpg";
        assertEquals(
                link + "?Expires=1&Signature=S&Key-Pair-Id=K", REWRITER.rewrite(link, "text/plain", "https", echo));
        assertEquals(link + "?Expires=1&Signature=H&Key-Pair-Id=K", REWRITER.rewrite(link, "text/plain", "http", echo));
    }
}
