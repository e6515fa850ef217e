package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Asserts that an exception (its message, and the messages of its causes) reveals no key material. */
public final class NoKeyMaterial {

    private NoKeyMaterial() {}

    /** The whole stack trace, with every cause's message. */
    static String fullText(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** No line (or space-separated piece) of the PEM body of {@code keyText}, and not the passphrase. */
    public static void assertAbsent(Throwable e, String keyText, String passphrase) {
        assertAbsent(fullText(e), bodyPieces(keyText), passphrase);
    }

    /** No 64-character base64 line of the DER bytes, no hex of them, and not the passphrase. */
    public static void assertAbsent(Throwable e, byte[] der, String passphrase) {
        List<String> pieces = new ArrayList<>();
        String base64 = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < base64.length(); i += 64) {
            pieces.add(base64.substring(i, Math.min(base64.length(), i + 64)));
        }
        String hex = HexFormat.of().formatHex(der);
        for (int i = 0; i < hex.length(); i += 32) {
            pieces.add(hex.substring(i, Math.min(hex.length(), i + 32)));
        }
        pieces.removeIf(p -> p.length() < 8);
        assertAbsent(fullText(e), pieces, passphrase);
    }

    /** Same check on any text, such as a log line. */
    public static void assertAbsent(String text, String keyText, String passphrase) {
        assertAbsent(text, bodyPieces(keyText), passphrase);
    }

    private static void assertAbsent(String text, List<String> pieces, String passphrase) {
        for (String piece : pieces) {
            assertFalse(text.contains(piece), () -> "key material '" + piece + "' leaked into:\n" + text);
        }
        if (passphrase != null) {
            assertFalse(text.contains(passphrase), () -> "passphrase leaked into:\n" + text);
        }
    }

    private static List<String> bodyPieces(String keyText) {
        List<String> pieces = new ArrayList<>();
        String normalized = keyText.replace("\\r", "\n").replace("\\n", "\n");
        for (String line : normalized.split("\r?\n")) {
            String l = line.strip();
            if (l.startsWith("-----") || l.contains(":")) {
                continue;
            }
            for (String piece : l.split("\\s+")) {
                if (piece.length() >= 8) {
                    pieces.add(piece);
                }
            }
        }
        return pieces;
    }
}
