package io.github.cloudfrontsigned.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cache-behavior path patterns for {@code edge --protect}. */
final class PathPatternsTest {

    @Test
    void star_matchesAnyCharactersIncludingSlashes() {
        assertTrue(PathPatterns.matches("/private/*", "/private/a/b/c.txt"));
        assertTrue(PathPatterns.matches("/private/*", "/private/"));
        assertFalse(PathPatterns.matches("/private/*", "/public/a.txt"));
    }

    @Test
    void questionMark_matchesExactlyOneCharacter() {
        assertTrue(PathPatterns.matches("/v?/a", "/v1/a"));
        assertFalse(PathPatterns.matches("/v?/a", "/v12/a"));
    }

    @Test
    void starInTheMiddle_findsTheSuffix() {
        assertTrue(PathPatterns.matches("*.m3u8", "/stream/x/playlist.m3u8"));
        assertFalse(PathPatterns.matches("*.m3u8", "/stream/x/playlist.m3u8.bak"));
    }

    @Test
    void patternWithoutLeadingSlash_getsOne() {
        assertTrue(PathPatterns.of(List.of("images/*")).matches("/images/a.png"));
    }

    @Test
    void manyStars_onALongPath_stayFast() {
        String path = "/" + "a".repeat(8000) + "b";
        assertFalse(PathPatterns.matches("/*a*a*a*a*a*a*a*c", path));
    }
}
