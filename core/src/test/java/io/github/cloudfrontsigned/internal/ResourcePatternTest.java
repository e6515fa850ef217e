package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Resource wildcard rules of the custom-policy page, each documented example as a specification. */
final class ResourcePatternTest {

    private static boolean matches(String resource, String url) {
        return ResourcePattern.of(resource).matches(url);
    }

    @Test
    void exactResource_matchesOnlyTheSameBytes() {
        assertTrue(matches(
                "https://d111111abcdef8.cloudfront.net/a%20b.jpg", "https://d111111abcdef8.cloudfront.net/a%20b.jpg"));
        assertFalse(matches(
                "https://d111111abcdef8.cloudfront.net/a%20b.jpg", "https://d111111abcdef8.cloudfront.net/a%20B.jpg"));
        assertFalse(matches(
                "https://d111111abcdef8.cloudfront.net/a.jpg", "https://d111111abcdef8.cloudfront.net/a.jpg?x=1"));
    }

    @Test
    void starInPath_matchesWithinThePath() {
        assertTrue(matches("https://www.example.com/hello*world", "https://www.example.com/helloworld"));
        assertTrue(matches("https://www.example.com/hello*world", "https://www.example.com/hello-world"));
        assertTrue(matches("https://www.example.com/hello*world", "https://www.example.com/hello/new/world"));
    }

    @Test
    void starInPath_doesNotCrossIntoTheQuery() {
        assertFalse(matches("https://www.example.com/hello*world", "https://www.example.com/hello?world"));
        assertFalse(matches("https://www.example.com/*.jpg", "https://www.example.com/a?x=.jpg"));
    }

    @Test
    void starInDomain_doesNotCrossIntoThePath() {
        assertTrue(matches("https://*.example.com/a.jpg", "https://cdn.example.com/a.jpg"));
        assertFalse(matches("https://*.example.com/a.jpg", "https://evil.net/x.example.com/a.jpg"));
    }

    @Test
    void starInProtocol_doesNotCrossIntoTheDomain() {
        assertTrue(matches("*://example.com/a.jpg", "http://example.com/a.jpg"));
        assertFalse(matches("http*example.com/a.jpg", "https://example.com/a.jpg"));
    }

    @Test
    void questionMark_matchesExactlyOneCharacter() {
        assertTrue(matches("https://example.com/file?.txt", "https://example.com/file1.txt"));
        assertFalse(matches("https://example.com/file?.txt", "https://example.com/file12.txt"));
        assertTrue(matches("https://example.com/a.jpg?size=large", "https://example.com/a.jpg?size=large"));
    }

    @Test
    void trailingStarInPath_alsoCoversAnyQuery() {
        assertTrue(matches("http://example.com/hello*", "http://example.com/hello/a.jpg?x=1&y=2"));
        assertTrue(matches(
                "https://d111111abcdef8.cloudfront.net/images/*",
                "https://d111111abcdef8.cloudfront.net/images/a.jpg?size=large"));
    }

    @Test
    void trailingStarInDomain_coversAnyPathAndQuery() {
        assertTrue(matches("http://example.com*", "http://example.com/a/b.jpg?x=1"));
        assertTrue(matches("http://example.com*", "http://example.com.evil.net/a.jpg"));
    }

    @Test
    void documentedGameDownloadExample() {
        String resource = "https://d111111abcdef8.cloudfront.net/*game_download.zip*";
        assertTrue(matches(resource, "https://d111111abcdef8.cloudfront.net/game_download.zip"));
        assertTrue(matches(resource, "https://d111111abcdef8.cloudfront.net/example_game_download.zip?license=yes"));
        assertTrue(matches(resource, "https://d111111abcdef8.cloudfront.net/test_game_download.zip?license=temp"));
        assertFalse(matches(resource, "https://d111111abcdef8.cloudfront.net/game.zip"));
    }

    @Test
    void omittedProtocol_impliesStarProtocolAndRootPath() {
        assertTrue(matches("*example.com", "https://www.example.com/"));
        assertTrue(matches("*example.com", "http://example.com/"));
        assertFalse(matches("*example.com", "https://www.example.com/a.jpg"));
    }

    @Test
    void starAlone_matchesEverything() {
        assertTrue(matches("*", "https://anything.example/a/b?c=d"));
    }

    @Test
    void escapedQuestionMark_isLiteral() {
        assertTrue(matches("https://example.com/a.jpg\\?x=1", "https://example.com/a.jpg?x=1"));
        assertFalse(matches("https://example.com/a.jpg\\?x=1", "https://example.com/a.jpgZx=1"));
    }

    @Test
    void mismatch_pointsAtTheFirstCharacterNoMatchCanConsume() {
        ResourcePattern.Mismatch m =
                ResourcePattern.of("https://example.com/images/*").mismatch("https://example.com/video/a.mp4");
        assertEquals(20, m.urlPosition());
        assertEquals(20, m.resourcePosition());
        assertEquals("path", m.section());
    }

    @Test
    void mismatch_whenTheUrlEndsEarly_pointsAtItsEnd() {
        ResourcePattern.Mismatch m =
                ResourcePattern.of("https://example.com/a.jpg").mismatch("https://example.com/a");
        assertEquals(21, m.urlPosition());
        assertEquals(21, m.resourcePosition());
    }

    @Test
    void mismatch_inTheDomain_isNamed() {
        assertEquals(
                "domain",
                ResourcePattern.of("https://a.example.com/*")
                        .mismatch("https://b.example.com/x")
                        .section());
    }

    @Test
    void mismatch_isNullWhenItMatches() {
        assertNull(ResourcePattern.of("https://*.example.com/*").mismatch("https://a.example.com/x"));
    }

    @Test
    void manyStars_doNotBacktrackExponentially() {
        String resource = "https://e.com/" + "*a".repeat(200) + "b";
        assertFalse(matches(resource, "https://e.com/" + "a".repeat(4000)));
    }

    @Test
    void bitParallelMatching_agreesWithTheTokenByTokenNfaOnRandomPatterns() {
        java.util.Random random = new java.util.Random(13);
        String resourceChars = "ab/:?*.\\";
        String urlChars = "ab/:?.";
        for (int round = 0; round < 20000; round++) {
            int length = round % 10 == 0 ? 60 + random.nextInt(140) : random.nextInt(12);
            StringBuilder resource = new StringBuilder(random.nextBoolean() ? "https://" : "");
            for (int i = 0; i < length; i++) {
                resource.append(resourceChars.charAt(random.nextInt(resourceChars.length())));
            }
            StringBuilder url = new StringBuilder(random.nextInt(4) == 0 ? "" : "https://");
            int urlLength = random.nextInt(round % 10 == 0 ? 200 : 14);
            for (int i = 0; i < urlLength; i++) {
                url.append(urlChars.charAt(random.nextInt(urlChars.length())));
            }
            String r = resource.toString();
            String u = url.toString();
            ResourcePattern.Mismatch expected = ReferenceNfa.mismatch(r, u);
            ResourcePattern.Mismatch actual = ResourcePattern.of(r).mismatch(u);
            assertEquals(expected == null, ResourcePattern.of(r).matches(u), () -> r + " vs " + u);
            if (expected == null || actual == null) {
                assertEquals(expected, actual, () -> r + " vs " + u);
            } else {
                assertEquals(expected.urlPosition(), actual.urlPosition(), () -> r + " vs " + u);
                assertEquals(expected.section(), actual.section(), () -> r + " vs " + u);
            }
        }
    }

    /** The matcher before issue 13, one boolean per token and a loop over every token per URL character. */
    private static final class ReferenceNfa {
        private static final int ANY_ONE = -1;
        private static final int STAR = -2;

        static ResourcePattern.Mismatch mismatch(String resource, String url) {
            if (resource.equals("*")) {
                return null;
            }
            String effective = resource;
            if (resource.indexOf("://") < 0 && resource.startsWith("*")) {
                effective = "*://" + resource + (resource.indexOf('/') < 0 ? "/" : "");
            }
            int[] tokens = new int[effective.length()];
            int m = 0;
            for (int i = 0; i < effective.length(); i++) {
                char c = effective.charAt(i);
                if (c == '\\' && i + 1 < effective.length()) {
                    tokens[m++] = effective.charAt(++i);
                } else {
                    tokens[m++] = c == '*' ? STAR : c == '?' ? ANY_ONE : c;
                }
            }
            ResourcePattern.Sections sections = ResourcePattern.Sections.of(url);
            boolean[] cur = new boolean[m + 1];
            cur[0] = true;
            closure(cur, tokens, m);
            for (int i = 0; i < url.length(); i++) {
                boolean[] next = new boolean[m + 1];
                boolean alive = false;
                for (int j = 0; j < m; j++) {
                    if (cur[j] && tokens[j] == STAR && (!sections.isDelimiter(i) || j == m - 1)) {
                        next[j] = true;
                        alive = true;
                    } else if (cur[j] && (tokens[j] == ANY_ONE || tokens[j] == url.charAt(i))) {
                        next[j + 1] = true;
                        alive = true;
                    }
                }
                if (!alive) {
                    return new ResourcePattern.Mismatch(i, 0, sections.name(i));
                }
                closure(next, tokens, m);
                cur = next;
            }
            return cur[m] ? null : new ResourcePattern.Mismatch(url.length(), 0, sections.name(url.length()));
        }

        private static void closure(boolean[] states, int[] tokens, int m) {
            for (int j = 0; j < m; j++) {
                if (states[j] && tokens[j] == STAR) {
                    states[j + 1] = true;
                }
            }
        }
    }
}
