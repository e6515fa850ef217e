package io.github.cloudfrontsigned.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontsigned.SignedCookies;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ViewerRequestTest {

    @Test
    void fromUrl_keepsPathAndQueryExactlyAsWritten() {
        ViewerRequest r =
                ViewerRequest.fromUrl("https://d111111abcdef8.cloudfront.net:8443/a%2fb/./c d.jpg?x=%7E&&y#frag");
        assertEquals("https", r.scheme());
        assertEquals("d111111abcdef8.cloudfront.net:8443", r.host());
        assertEquals("/a%2fb/./c d.jpg", r.rawPath());
        assertEquals("x=%7E&&y", r.rawQuery());
        assertEquals("https://d111111abcdef8.cloudfront.net:8443/a%2fb/./c d.jpg?x=%7E&&y", r.url());
    }

    @Test
    void fromUrl_withoutQuery_hasNullQuery() {
        assertNull(ViewerRequest.fromUrl("https://example.com/a").rawQuery());
        assertEquals("", ViewerRequest.fromUrl("https://example.com/a?").rawQuery());
    }

    @Test
    void fromUrl_withoutPath_keepsItEmpty() {
        ViewerRequest r = ViewerRequest.fromUrl("https://example.com?x=1");
        assertEquals("", r.rawPath());
        assertEquals("x=1", r.rawQuery());
    }

    @Test
    void fromUrl_refusesARelativeUrl() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ViewerRequest.fromUrl("/a.jpg"));
        assertEquals("URL \"/a.jpg\" is not absolute: it must start with a scheme such as https://", e.getMessage());
    }

    @Test
    void fromUrl_refusesAUrlWithoutHost() {
        assertThrows(IllegalArgumentException.class, () -> ViewerRequest.fromUrl("https:///a.jpg"));
    }

    @Test
    void cookieHeader_isSplitTrimmedAndUnquoted() {
        List<SignedCookies.Cookie> cookies = ViewerRequest.parseCookieHeader(" a=1;b = \"two\" ;; novalue; c=x=y ");
        assertEquals(
                List.of(
                        new SignedCookies.Cookie("a", "1"),
                        new SignedCookies.Cookie("b", "two"),
                        new SignedCookies.Cookie("c", "x=y")),
                cookies);
    }

    @Test
    void cookieValues_keepsDuplicatesInOrder() {
        ViewerRequest r = ViewerRequest.builder()
                .url("https://e.com/")
                .cookie("a", "1")
                .cookieHeader("a=2; b=3")
                .build();
        assertEquals(List.of("1", "2"), r.cookieValues("a"));
    }

    @Test
    void builder_needsSchemeAndHost() {
        assertThrows(
                IllegalStateException.class,
                () -> ViewerRequest.builder().rawPath("/a").build());
    }
}
