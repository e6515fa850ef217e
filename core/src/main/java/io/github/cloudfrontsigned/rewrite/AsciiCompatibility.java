package io.github.cloudfrontsigned.rewrite;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a charset is ASCII-compatible in the strong sense the byte-level scanner needs: every ASCII
 * character is the same single byte, and no byte below 0x80 ever occurs inside the encoding of another character.
 * UTF-8, ISO-8859-*, windows-125x, KOI8-R and EUC-JP qualify; UTF-16, UTF-32, EBCDIC, ISO-2022-*, Shift_JIS,
 * GBK, Big5 and GB18030 do not (the last four put ASCII bytes in the second byte of double-byte characters).
 * Results are cached; thread-safe.
 */
final class AsciiCompatibility {

    private static final Map<Charset, Boolean> CACHE = new ConcurrentHashMap<>();

    private AsciiCompatibility() {}

    static boolean test(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)
                || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII)) {
            return true;
        }
        return CACHE.computeIfAbsent(charset, AsciiCompatibility::compute);
    }

    private static boolean compute(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        char[] ascii = new char[128];
        byte[] bytes = new byte[128];
        for (int i = 0; i < 128; i++) {
            ascii[i] = (char) i;
            bytes[i] = (byte) i;
        }
        try {
            ByteBuffer encoded = charset.newEncoder().encode(CharBuffer.wrap(ascii));
            if (encoded.remaining() != 128 || !encoded.equals(ByteBuffer.wrap(bytes))) {
                return false;
            }
            CharBuffer decoded = charset.newDecoder().decode(ByteBuffer.wrap(bytes));
            if (!decoded.equals(CharBuffer.wrap(ascii))) {
                return false;
            }
        } catch (CharacterCodingException e) {
            return false;
        }
        // a character encoded in more than one byte must use bytes >= 0x80 only (a single ASCII byte for another
        // character, such as EUC-JP's U+00A5 -> 0x5C, is a one-way fallback: that byte still decodes as ASCII)
        CharsetEncoder encoder = charset.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(64);
        CharBuffer in = CharBuffer.allocate(2);
        for (int cp = 0x80; cp <= 0x10FFFF; cp = cp < 0xFFFF ? cp + 1 : cp + 0x1FF) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            in.clear();
            in.put(Character.toChars(cp)).flip();
            out.clear();
            encoder.reset();
            if (encoder.encode(in, out, true).isError() || encoder.flush(out).isError()) {
                continue; // not encodable
            }
            if (out.position() > 1) {
                for (int i = 0; i < out.position(); i++) {
                    if (out.get(i) >= 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
