package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontsigned.internal.Validation;
import org.junit.jupiter.api.Test;

final class ResourceUrlsTest {

    private static final String BASE = "https://d111111abcdef8.cloudfront.net";

    @Test
    void segmentsWithSpacesUnicodePlusQuotePercent_areEncoded() {
        assertEquals(
                BASE + "/media/Summer%202026/Caf%C3%A9%20%2B%20friend%27s%20100%25.jpg",
                ResourceUrls.of(BASE + "/media", "Summer 2026", "Café + friend's 100%.jpg"));
    }

    @Test
    void reservedCharactersInASegment_areEncoded() {
        assertEquals(
                BASE + "/a%2Fb%3Fc%23d%26e%3Df%3Bg%2Ch%3Ai%40j%2Ak", ResourceUrls.of(BASE, "a/b?c#d&e=f;g,h:i@j*k"));
    }

    @Test
    void unreservedCharacters_stayAsTheyAre() {
        assertEquals(BASE + "/AZaz09-._~", ResourceUrls.of(BASE + "/", "AZaz09-._~"));
    }

    @Test
    void fromPath_keepsSlashesBetweenSegments() {
        assertEquals(BASE + "/photos/2026/Beach%20day.jpg", ResourceUrls.fromPath(BASE, "/photos/2026/Beach day.jpg"));
    }

    @Test
    void internationalHost_becomesPunycode() {
        assertEquals("https://xn--bcher-kva.example/a", ResourceUrls.of("https://bücher.example", "a"));
    }

    @Test
    void queryParameter_isEncodedWithPercent20NotPlus() {
        assertEquals(
                BASE + "/a.pdf?response-content-disposition=attachment%3B%20filename%3D%22a%20b.pdf%22",
                ResourceUrls.withQueryParameter(
                        BASE + "/a.pdf", "response-content-disposition", "attachment; filename=\"a b.pdf\""));
    }

    @Test
    void baseWithQuery_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResourceUrls.of(BASE + "/a?x=1", "b"));
    }

    @Test
    void relativeBase_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResourceUrls.of("/media", "b"));
    }

    @Test
    void encodedUrl_isAcceptedByTheSigner() {
        String url = ResourceUrls.of(BASE, "Café + friend's #1.jpg");
        Validation.checkUrl(url, "URL");
    }
}
