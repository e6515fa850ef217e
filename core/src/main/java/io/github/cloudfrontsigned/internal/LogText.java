package io.github.cloudfrontsigned.internal;

/**
 * Makes text that came from the network (a path, a query, a user name, a header) safe for one log line: at most
 * {@value #MAX_LENGTH} characters of it are kept (longer text ends with {@code ...(N more)}), and control
 * characters (line breaks included) become {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}
 * escapes, so a request can neither forge log lines nor fill the log.
 *
 * <pre>{@code
 * LOG.log(DEBUG, "403 {0}", LogText.of(request.getRequestURI()));
 * }</pre>
 *
 * <p>Thread safety: stateless.
 */
public final class LogText {

    /** The most characters of one value that reach a log line. */
    public static final int MAX_LENGTH = 200;

    private LogText() {}

    /**
     * @param text attacker-controlled text, or {@code null}
     * @return the text on one line, bounded to {@value #MAX_LENGTH} characters plus a short marker and escapes
     *     ({@code "null"} for {@code null}); work and result are linear in {@value #MAX_LENGTH}, whatever the
     *     input's length
     */
    public static String of(Object text) {
        return escaped(text, false);
    }

    /**
     * For a message of ours that spans lines and quotes the request (a verifier's reason): as {@link #of(Object)},
     * but each line break, with the indentation after it, becomes one space, so that the log line reads
     * {@code ... from the request, {"Statement":...}} instead of showing {@code \n}. Other control characters are
     * escaped as by {@link #of(Object)}; the result is one line, bounded the same way.
     *
     * @param text a multi-line message, or {@code null}
     * @return the text on one line
     */
    public static String oneLine(Object text) {
        return escaped(text, true);
    }

    private static String escaped(Object text, boolean joinLines) {
        if (text == null) {
            return "null";
        }
        String s = text.toString();
        int kept = Math.min(s.length(), MAX_LENGTH);
        StringBuilder sb = new StringBuilder(kept + 16);
        for (int i = 0; i < kept; i++) {
            char c = s.charAt(i);
            if (joinLines && (c == '\n' || c == '\r')) {
                while (i + 1 < kept
                        && (s.charAt(i + 1) == '\n'
                                || s.charAt(i + 1) == '\r'
                                || s.charAt(i + 1) == ' '
                                || s.charAt(i + 1) == '\t')) {
                    i++;
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' && i + 1 < kept) {
                    sb.append(' ');
                }
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > kept) {
            sb.append("...(").append(s.length() - kept).append(" more)");
        }
        return sb.toString();
    }
}
