package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

final class AsciiCompatibilityTest {

    @Test
    void asciiSupersets_areCompatible() {
        for (String name :
                new String[] {"UTF-8", "ISO-8859-1", "US-ASCII", "windows-1252", "ISO-8859-15", "KOI8-R", "EUC-JP"}) {
            assertTrue(AsciiCompatibility.test(Charset.forName(name)), name);
        }
    }

    @Test
    void wideAndStatefulCharsets_areNot() {
        for (String name : new String[] {"UTF-16", "UTF-16LE", "UTF-32", "IBM037", "ISO-2022-JP", "UTF-7"}) {
            if (Charset.isSupported(name)) {
                assertFalse(AsciiCompatibility.test(Charset.forName(name)), name);
            }
        }
    }

    @Test
    void charsetsWithAsciiTrailBytes_areNot() {
        for (String name : new String[] {"Shift_JIS", "windows-31j", "GBK", "Big5", "GB18030"}) {
            assertFalse(AsciiCompatibility.test(Charset.forName(name)), name);
        }
    }
}
