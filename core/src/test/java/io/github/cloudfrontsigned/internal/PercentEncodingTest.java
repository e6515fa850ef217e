package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** {@link PercentEncoding}: the re-encodings tools apply to URLs, which the verifier tries. */
class PercentEncodingTest {

    @Test
    void decode_turnsEachEscapeIntoItsUtf8Byte() {
        assertEquals("/caf\u00e9 menu.pdf", PercentEncoding.decode("/caf%C3%A9%20menu.pdf", false));
    }

    @Test
    void decode_acceptsLowerCaseHex() {
        assertEquals("~", PercentEncoding.decode("%7e", false));
    }

    @Test
    void decode_leavesMalformedEscapesAsTheyAre() {
        assertEquals("100% %zz %4", PercentEncoding.decode("100% %zz %4", false));
    }

    @Test
    void decode_turnsPlusIntoSpaceOnlyWhenAsked() {
        assertEquals("a b", PercentEncoding.decode("a+b", true));
        assertEquals("a+b", PercentEncoding.decode("a+b", false));
    }

    @Test
    void decode_replacesInvalidUtf8WithTheReplacementCharacter() {
        assertEquals("\uFFFD", PercentEncoding.decode("%C3", false));
    }

    @Test
    void decode_keepsCharactersOutsideTheBasicPlane() {
        assertEquals("\uD83D\uDE00%", PercentEncoding.decode("\uD83D\uDE00%25", false));
    }

    @Test
    void decode_returnsTheSameStringWhenThereIsNothingToDecode() {
        String s = "/images/a.png";
        assertSame(s, PercentEncoding.decode(s, true));
    }

    @Test
    void encode_escapesEverythingOutsideTheUnreservedSetWithUpperCaseHex() {
        assertEquals("a%2Fb%20c~%C3%A9", PercentEncoding.encode("a/b c~\u00e9", "", false));
    }

    @Test
    void encode_keepsTheGivenCharacters() {
        assertEquals("/a/b%3Fc", PercentEncoding.encode("/a/b?c", "/", false));
    }

    @Test
    void encode_inFormStyleWritesSpaceAsPlusEncodesTildeAndKeepsStar() {
        assertEquals("a+b%7E*", PercentEncoding.encode("a b~*", "", true));
    }

    @Test
    void encodeUnsafe_encodesOnlyWhatABrowserEncodes() {
        assertEquals("/a%20b%22%3C%3E?q=%7B1%7D&r=%C3%A9", PercentEncoding.encodeUnsafe("/a b\"<>?q={1}&r=\u00e9"));
    }

    @Test
    void encodeUnsafe_keepsExistingEscapes() {
        assertEquals("/a%20b%2F", PercentEncoding.encodeUnsafe("/a%20b%2F"));
    }

    @Test
    void hexCase_rewritesTheHexDigitsOfValidEscapesOnly() {
        assertEquals("%2f%c3%a9%zz", PercentEncoding.hexCase("%2F%C3%A9%zz", false));
        assertEquals("%2F%C3%A9", PercentEncoding.hexCase("%2f%c3%a9", true));
    }
}
