package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

final class TimesTest {

    @Test
    void time_asEpochSeconds() {
        assertEquals(Instant.parse("2026-01-01T18:00:00Z"), Times.parseInstant("1767290400"));
    }

    @Test
    void time_asADate_isMidnightUtc() {
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), Times.parseInstant("2026-12-01"));
    }

    @Test
    void time_withZoneOrOffset() {
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), Times.parseInstant("2026-12-01T10:00:00Z"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), Times.parseInstant("2026-12-01T12:00:00+02:00"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), Times.parseInstant("2026-12-01T12:00:00+0200"));
    }

    @Test
    void time_withoutOffset_isUtc() {
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), Times.parseInstant("2026-12-01 10:00"));
    }

    @Test
    void time_unreadable_isRefusedWithExamples() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> Times.parseInstant("next week"));
        assertEquals(
                "\"next week\" is not a time: give epoch seconds (1767290400) or ISO-8601 (2026-12-01,"
                        + " 2026-12-01T10:00:00Z, 2026-12-01T12:00:00+02:00)",
                e.getMessage());
    }

    @Test
    void duration_withUnits() {
        assertEquals(Duration.ofMinutes(10), Times.parseDuration("10m"));
        assertEquals(Duration.ofHours(2), Times.parseDuration("2h"));
        assertEquals(Duration.ofDays(7), Times.parseDuration("7d"));
        assertEquals(Duration.ofMinutes(90), Times.parseDuration("1h30m"));
        assertEquals(Duration.ofDays(14), Times.parseDuration("2w"));
    }

    @Test
    void duration_asIso8601OrSeconds() {
        assertEquals(Duration.ofMinutes(10), Times.parseDuration("PT10M"));
        assertEquals(Duration.ofDays(7), Times.parseDuration("P7D"));
        assertEquals(Duration.ofSeconds(600), Times.parseDuration("600"));
    }

    @Test
    void duration_unreadableOrZero_isRefused() {
        assertThrows(TypeConversionException.class, () -> Times.parseDuration("10 minutes"));
        assertThrows(TypeConversionException.class, () -> Times.parseDuration("10x"));
        assertThrows(TypeConversionException.class, () -> Times.parseDuration("m"));
        assertEquals(
                "\"0s\" is not a positive duration",
                assertThrows(TypeConversionException.class, () -> Times.parseDuration("0s"))
                        .getMessage());
    }
}
