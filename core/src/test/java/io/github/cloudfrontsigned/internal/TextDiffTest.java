package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link TextDiff}: where two strings part, shown to people. */
class TextDiffTest {

    @Test
    void firstDifference_isTheIndexOfTheFirstDifferentCharacter() {
        assertEquals(3, TextDiff.firstDifference("abcd", "abcX"));
    }

    @Test
    void firstDifference_isTheShorterLengthWhenOneIsAPrefixOfTheOther() {
        assertEquals(2, TextDiff.firstDifference("ab", "abc"));
    }

    @Test
    void firstDifference_isMinusOneForEqualStrings() {
        assertEquals(-1, TextDiff.firstDifference("same", "same"));
    }

    @Test
    void diagram_putsACaretUnderEachMarkWithLabelsAligned() {
        String d = TextDiff.diagram("Resource", "https://h/images/*", 10, "URL", "https://h/video/a", 10);
        assertEquals(
                "  Resource: https://h/images/*\n"
                        + "                      ^\n"
                        + "  URL:      https://h/video/a\n"
                        + "                      ^",
                d);
    }

    @Test
    void diagram_escapesControlCharactersAndKeepsTheCaretAligned() {
        String d = TextDiff.diagram("A", "\tx", 1, "B", "yx", 1);
        assertEquals("  A: \\u0009x\n" + "           ^\n" + "  B: yx\n" + "      ^", d);
    }

    @Test
    void diagram_showsOnlyAWindowAroundTheMarkOfALongValue() {
        String longValue = "a".repeat(5000) + "X" + "b".repeat(5000);
        String d = TextDiff.diagram("A", longValue, 5000, "B", "short", 0);
        String firstLine = d.substring(0, d.indexOf('\n'));
        assertTrue(firstLine.startsWith("  A: ...") && firstLine.endsWith("..."), firstLine);
        assertEquals(2 * TextDiff.WINDOW + "  A: ......".length(), firstLine.length());
        String caretLine = d.split("\n")[1];
        assertEquals('X', firstLine.charAt(caretLine.length() - 1));
    }

    @Test
    void charAt_quotesThePrintableCharacterOrSaysTheEnd() {
        assertEquals("'b'", TextDiff.charAt("ab", 1));
        assertEquals("the end", TextDiff.charAt("ab", 2));
    }
}
