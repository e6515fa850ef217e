package io.github.cloudfrontsigned.internal;

/**
 * Renders two strings side by side with a caret under the first character that differs, for messages such as
 * "the policy Resource and the requested URL differ here". Thread safety: stateless.
 */
public final class TextDiff {

    private TextDiff() {}

    /** @return the index of the first character where {@code a} and {@code b} differ, or -1 if they are equal */
    public static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    /**
     * Two labelled lines, each followed by a line with {@code ^} under the marked position, indented by two
     * spaces; control characters in the values are escaped so the carets stay aligned. A value longer than
     * {@value #WINDOW} characters each side of its mark is shown around the mark only, with {@code ...} for what
     * is left out, so the diagram stays readable and small for any input.
     *
     * <pre>
     *   Resource: https://d111111abcdef8.cloudfront.net/images/*
     *                                                   ^
     *   URL:      https://d111111abcdef8.cloudfront.net/video/a.mp4
     *                                                   ^
     * </pre>
     */
    public static String diagram(String labelA, String a, int posA, String labelB, String b, int posB) {
        int width = Math.max(labelA.length(), labelB.length()) + 2;
        StringBuilder sb = new StringBuilder(16 * WINDOW + 64);
        line(sb, labelA, a, posA, width);
        sb.append('\n');
        line(sb, labelB, b, posB, width);
        return sb.toString();
    }

    /** Characters shown each side of a marked position. */
    static final int WINDOW = 100;

    private static void line(StringBuilder sb, String label, String value, int pos, int width) {
        sb.append("  ").append(label).append(':');
        for (int i = label.length() + 1; i < width; i++) {
            sb.append(' ');
        }
        int start = Math.max(0, pos - WINDOW);
        int end = (int) Math.min(value.length(), (long) pos + WINDOW);
        int caret = 0;
        if (start > 0) {
            sb.append("...");
            caret = 3;
        }
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            int shown = 1;
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04X", (int) c));
                shown = 6;
            } else {
                sb.append(c);
            }
            if (i < pos) {
                caret += shown;
            }
        }
        if (end < value.length()) {
            sb.append("...");
        }
        sb.append('\n');
        for (int i = 0; i < 2 + width + caret; i++) {
            sb.append(' ');
        }
        sb.append('^');
    }

    /** One character for a message: {@code 'x'}, or "the end" when {@code pos} is past the string. */
    static String charAt(String s, int pos) {
        if (pos >= s.length()) {
            return "the end";
        }
        char c = s.charAt(pos);
        return c < 0x20 || c == 0x7f ? CloudFrontBase64.describe(c) : "'" + c + "'";
    }
}
