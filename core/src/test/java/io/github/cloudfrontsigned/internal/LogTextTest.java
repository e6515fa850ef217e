package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LogText}: text from the network on one bounded log line. */
class LogTextTest {

    @Test
    void of_keepsPrintableTextAsItIs() {
        assertEquals("/private/a.jpg?x=1 Grüße ☃", LogText.of("/private/a.jpg?x=1 Grüße ☃"));
    }

    @Test
    void of_writesNullAsTheWordNull() {
        assertEquals("null", LogText.of(null));
    }

    @Test
    void of_escapesLineBreaksSoNoLogLineCanBeForged() {
        assertEquals("/a\\r\\n2026-01-01 INFO forged\\tline", LogText.of("/a\r\n2026-01-01 INFO forged\tline"));
    }

    @Test
    void of_escapesOtherControlCharactersAndUnicodeLineSeparators() {
        assertEquals(
                "a\\u0000b\\u001Bc\\u007Fd\\u0085e\\u2028f\\u2029",
                LogText.of("a\0b\u001bc\u007fd\u0085e\u2028f\u2029"));
    }

    @Test
    void of_keepsAtMostMaxLengthCharactersAndCountsTheRest() {
        String s = "x".repeat(LogText.MAX_LENGTH + 1234);
        assertEquals("x".repeat(LogText.MAX_LENGTH) + "...(1234 more)", LogText.of(s));
    }

    @Test
    void of_boundsTheResultWhateverTheInputsLength() {
        String hostile = "\n".repeat(1_000_000);
        String logged = LogText.of(hostile);
        // each kept character becomes at most a 6-character escape, plus the marker
        assertTrue(logged.length() <= 6 * LogText.MAX_LENGTH + 20, "length " + logged.length());
        assertTrue(logged.endsWith("...(" + (1_000_000 - LogText.MAX_LENGTH) + " more)"), logged);
    }

    @Test
    void of_usesTheObjectsText() {
        assertEquals("42", LogText.of(42));
    }

    @Test
    void oneLine_joinsEachLineBreakAndItsIndentationIntoOneSpace() {
        assertEquals(
                "the policy from the request, {\"Statement\":[]}",
                LogText.oneLine("the policy from the request,\n    {\"Statement\":[]}"));
    }

    @Test
    void oneLine_dropsATrailingLineBreak() {
        assertEquals("denied", LogText.oneLine("denied\r\n"));
    }

    @Test
    void oneLine_stillEscapesOtherControlCharacters() {
        assertEquals("a\\tb\\u0000", LogText.oneLine("a\tb\0"));
    }
}
