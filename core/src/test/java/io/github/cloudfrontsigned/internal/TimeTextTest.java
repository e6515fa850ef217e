package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link TimeText}: epoch seconds shown to people. */
class TimeTextTest {

    @Test
    void instant_givesTheIsoTimeAndTheEpoch() {
        assertEquals("2026-11-22T12:10:00Z (epoch 1795349400)", TimeText.instant(1795349400L));
    }

    @Test
    void instant_givesTheEpochAloneOutsideInstantsRange() {
        assertEquals("epoch " + Long.MAX_VALUE, TimeText.instant(Long.MAX_VALUE));
    }

    @Test
    void toInstant_clampsToInstantsRange() {
        assertEquals(
                Instant.MAX.getEpochSecond(), TimeText.toInstant(Long.MAX_VALUE).getEpochSecond());
        assertEquals(
                Instant.MIN.getEpochSecond(), TimeText.toInstant(Long.MIN_VALUE).getEpochSecond());
    }

    @Test
    void relative_saysInForTheFutureAndAgoForThePast() {
        assertEquals("in 2 hours 5 minutes", TimeText.relative(1000 + 2 * 3600 + 5 * 60, 1000));
        assertEquals("5 minutes ago", TimeText.relative(1000 - 5 * 60, 1000));
    }

    @Test
    void relative_saysNowForTheSameSecond() {
        assertEquals("now", TimeText.relative(1000, 1000));
    }

    @Test
    void relative_survivesADifferenceThatOverflowsALong() {
        assertEquals("in more than 290 billion years", TimeText.relative(Long.MAX_VALUE, -10));
        assertEquals("more than 290 billion years ago", TimeText.relative(Long.MIN_VALUE, 10));
    }

    @Test
    void span_namesTheTwoLargestUnitsAndSkipsAZeroSecond() {
        assertEquals("1 day 3 hours", TimeText.span(86400 + 3 * 3600 + 59));
        assertEquals("1 hour", TimeText.span(3600 + 30));
        assertEquals("12 seconds", TimeText.span(12));
    }

    @Test
    void span_usesSingularForOne() {
        assertEquals("1 minute 1 second", TimeText.span(61));
    }
}
