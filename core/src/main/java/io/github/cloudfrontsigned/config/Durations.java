package io.github.cloudfrontsigned.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the durations of the configuration: ISO-8601 ({@code PT10M}, {@code P7D}, as
 * {@link Duration#parse(CharSequence)}) or numbers with units {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d}, {@code w}, optionally combined ({@code 1h30m}). Thread safety: stateless.
 */
public final class Durations {

    private Durations() {}

    /**
     * @param text the duration text, for example {@code 10m}, {@code 1h30m} or {@code PT10M}
     * @return the duration
     * @throws IllegalArgumentException if the text is neither form; the message says what was expected
     *     (a bare number is refused because its unit would be a guess)
     */
    public static Duration parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration; write for example 10m, 2h, 7d, 30s or PT10M");
        }
        char first = t.charAt(0);
        if (first == 'P'
                || first == 'p'
                || ((first == '-' || first == '+') && t.length() > 1 && (t.charAt(1) == 'P' || t.charAt(1) == 'p'))) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration; write for example PT10M, PT2H or P7D");
            }
        }
        Duration total = Duration.ZERO;
        int i = 0;
        boolean negative = false;
        if (first == '-') {
            negative = true;
            i = 1;
        }
        if (i == t.length()) {
            throw new IllegalArgumentException("not a duration; write for example 10m, 2h, 7d, 30s or PT10M");
        }
        while (i < t.length()) {
            int digits = i;
            while (i < t.length() && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (digits == i) {
                throw new IllegalArgumentException(
                        "expected a number at position " + i + "; write for example 10m, 2h, 7d, 30s or PT10M");
            }
            long amount;
            try {
                amount = Long.parseLong(t.substring(digits, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("number too large at position " + digits);
            }
            int unitStart = i;
            while (i < t.length() && Character.isLetter(t.charAt(i))) {
                i++;
            }
            String unit = t.substring(unitStart, i).toLowerCase(Locale.ROOT);
            Duration part;
            switch (unit) {
                case "ms":
                    part = Duration.ofMillis(amount);
                    break;
                case "s":
                    part = Duration.ofSeconds(amount);
                    break;
                case "m":
                    part = Duration.ofMinutes(amount);
                    break;
                case "h":
                    part = Duration.ofHours(amount);
                    break;
                case "d":
                    part = Duration.ofDays(amount);
                    break;
                case "w":
                    part = Duration.ofDays(Math.multiplyExact(amount, 7));
                    break;
                case "":
                    throw new IllegalArgumentException("the number " + amount + " has no unit; write "
                            + amount + "s, " + amount + "m, " + amount + "h or " + amount + "d (or ISO-8601 such as PT"
                            + amount + "S)");
                default:
                    throw new IllegalArgumentException("unknown unit \"" + unit + "\"; use ms, s, m, h, d or w"
                            + " (for example 10m), or ISO-8601 such as PT10M");
            }
            total = total.plus(part);
        }
        return negative ? total.negated() : total;
    }
}
