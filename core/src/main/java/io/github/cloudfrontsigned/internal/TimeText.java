package io.github.cloudfrontsigned.internal;

import java.time.Instant;

/** Renders epoch seconds for people: {@code 2026-11-22T12:10:00Z (epoch 1795349400)}, "5 minutes ago". Stateless. */
public final class TimeText {

    private TimeText() {}

    /** {@code 2026-11-22T12:10:00Z (epoch 1795349400)}; the epoch alone when out of {@link Instant}'s range. */
    public static String instant(long epochSeconds) {
        if (epochSeconds < Instant.MIN.getEpochSecond() || epochSeconds > Instant.MAX.getEpochSecond()) {
            return "epoch " + epochSeconds;
        }
        return Instant.ofEpochSecond(epochSeconds) + " (epoch " + epochSeconds + ")";
    }

    /** The instant for epoch seconds, clamped to {@link Instant}'s range. */
    public static Instant toInstant(long epochSeconds) {
        return Instant.ofEpochSecond(
                Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), epochSeconds)));
    }

    /** "in 2 hours 5 minutes", "5 minutes ago", "now": {@code epochSeconds} relative to {@code now}. */
    public static String relative(long epochSeconds, long now) {
        long delta;
        try {
            delta = Math.subtractExact(epochSeconds, now);
        } catch (ArithmeticException e) {
            return epochSeconds > now ? "in more than 290 billion years" : "more than 290 billion years ago";
        }
        if (delta == 0) {
            return "now";
        }
        String span = span(Math.abs(delta));
        return delta > 0 ? "in " + span : span + " ago";
    }

    /** "1 day 3 hours", "4 minutes 30 seconds", "12 seconds": the two largest units. */
    static String span(long seconds) {
        long[] sizes = {365L * 86400, 86400, 3600, 60, 1};
        String[] names = {"year", "day", "hour", "minute", "second"};
        StringBuilder sb = new StringBuilder();
        int used = 0;
        long rest = seconds;
        for (int i = 0; i < sizes.length && used < 2; i++) {
            long n = rest / sizes[i];
            if (n > 0 || (used > 0)) {
                if (n > 0) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(n).append(' ').append(names[i]).append(n == 1 ? "" : "s");
                }
                used++;
                rest -= n * sizes[i];
            }
        }
        return sb.length() == 0 ? "0 seconds" : sb.toString();
    }
}
