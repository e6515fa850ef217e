package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class CloudFrontBase64Test {

    @Test
    void encode_isStandardBase64WithCloudFrontSubstitutions() {
        Random random = new Random(7);
        for (int len = 0; len < 300; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            String expected = Base64.getEncoder()
                    .encodeToString(data)
                    .replace('+', '-')
                    .replace('=', '_')
                    .replace('/', '~');
            assertEquals(expected, CloudFrontBase64.encode(data));
        }
    }

    @Test
    void decode_reversesEncode() {
        Random random = new Random(8);
        for (int len = 0; len < 300; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            assertArrayEquals(data, CloudFrontBase64.decode(CloudFrontBase64.encode(data)));
        }
    }

    @Test
    void decode_toleratesMissingPadding() {
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, CloudFrontBase64.decode("-~8"));
    }

    @Test
    void decode_refusesCharactersOutsideTheAlphabetNamingPosition() {
        String m = assertThrows(IllegalArgumentException.class, () -> CloudFrontBase64.decode("abc%def"))
                .getMessage();
        assertTrue(m.contains("'%' (U+0025) at position 3"), m);
    }
}
