package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Times and durations as the command line takes them. A time T is epoch seconds or ISO-8601, as the AWS CLI
 * takes it ({@code 1767290400}, {@code 2026-12-01}, {@code 2026-12-01T10:00:00Z},
 * {@code 2026-12-01T12:00:00+02:00}; without an offset, UTC). A duration D is ISO-8601 ({@code PT10M},
 * {@code P7D}), a number with a unit ({@code 30s}, {@code 10m}, {@code 2h}, {@code 7d}, {@code 1w}, or several:
 * {@code 1h30m}), or plain seconds.
 */
final class Times {

    private Times() {}

    /** Parses a time T. */
    static Instant parseInstant(String text) {
        String t = text.strip();
        if (!t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(t));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new TypeConversionException("\"" + text + "\" is too large for epoch seconds");
            }
        }
        String iso = t.replace(' ', 'T');
        if (iso.length() > 5
                && (iso.charAt(iso.length() - 5) == '+' || iso.charAt(iso.length() - 5) == '-')
                && iso.indexOf('T') > 0
                && iso.substring(iso.length() - 4).chars().allMatch(Character::isDigit)) {
            iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2); // +0200 -> +02:00
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("\"" + text + "\" is not a time: give epoch seconds (1767290400) or"
                    + " ISO-8601 (2026-12-01, 2026-12-01T10:00:00Z, 2026-12-01T12:00:00+02:00)");
        }
    }

    /**
     * Parses a duration D: the configuration's syntax ({@link Durations#parse(String)}: {@code 10m}, {@code 2h},
     * {@code 7d}, {@code 1h30m}, ISO-8601 {@code PT10M}) or, on the command line only, bare seconds ({@code 600}).
     * It must be positive.
     */
    static Duration parseDuration(String text) {
        String t = text.strip();
        Duration d;
        try {
            d = !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9') && t.length() <= 12
                    ? Duration.ofSeconds(Long.parseLong(t))
                    : Durations.parse(t);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new TypeConversionException("\"" + text + "\" is not a duration: give 10m, 2h, 7d, 1h30m, seconds"
                    + " (600) or ISO-8601 (PT10M, P7D)");
        }
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("\"" + text + "\" is not a positive duration");
        }
        return d;
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return parseInstant(value);
        }
    }

    /** picocli converter for a duration D. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseDuration(value);
        }
    }
}
