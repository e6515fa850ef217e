package io.github.cloudfrontsigned.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A log for events that anyone on the network can cause (denied requests, refused user names): each event is
 * logged on one line at {@code DEBUG} ({@code FINE} in java.util.logging), and at most once per interval one
 * summary line at a visible level (such as {@code INFO}) gives the counts per reason since the last summary and
 * the latest event. A burst of a million requests thus writes one visible line a minute, not a million.
 *
 * <p>The summary is written when an event arrives at least one interval after the previous summary (the
 * first event is summarized at once, so a developer sees the first denial immediately); no thread is started.
 * Counts that arrive after the last summary are reported with the next event. Event lines must already be
 * safe: build them with {@link LogText#of(Object)}.
 *
 * <p>Thread safety: thread-safe; the counting is one short synchronized section per event.
 */
public final class SummarizingLog {

    private final System.Logger logger;
    private final System.Logger.Level summaryLevel;
    private final String what;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Long> counts = new TreeMap<>();
    private Instant lastSummary;

    /**
     * @param logger where both the event lines and the summaries go
     * @param summaryLevel the level of the summary, for example {@code INFO} or {@code WARNING}
     * @param what what an event is, plural, for the summary, for example {@code "requests denied"}
     * @param clock the time source (tests move it)
     * @param interval the shortest time between two summaries, positive
     * @throws IllegalArgumentException if the interval is not positive
     */
    public SummarizingLog(
            System.Logger logger, System.Logger.Level summaryLevel, String what, Clock clock, Duration interval) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.summaryLevel = Objects.requireNonNull(summaryLevel, "summaryLevel");
        this.what = Objects.requireNonNull(what, "what");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the summary interval must be positive, not " + interval);
        }
        this.interval = interval;
    }

    /**
     * Records one event: a {@code DEBUG} line, and a summary when one is due. The line is built only when it is
     * written (DEBUG enabled, or a summary due), so a costly explanation is not computed for every event.
     *
     * @param reason a short fixed category such as {@code AccessDenied} (never attacker text: it becomes a key
     *     of the counts, whose number must stay bounded)
     * @param line makes the event's line, already one bounded line (see {@link LogText})
     */
    public void record(String reason, Supplier<String> line) {
        String text = null;
        if (logger.isLoggable(System.Logger.Level.DEBUG)) {
            text = line.get();
            logger.log(System.Logger.Level.DEBUG, text);
        }
        boolean due;
        Instant now = clock.instant();
        Map<String, Long> counted = null;
        Instant since = null;
        synchronized (counts) {
            counts.merge(reason, 1L, Long::sum);
            due = lastSummary == null || !now.isBefore(lastSummary.plus(interval));
            if (due) {
                counted = new TreeMap<>(counts);
                since = lastSummary;
                counts.clear();
                lastSummary = now;
            }
        }
        if (due && logger.isLoggable(summaryLevel)) {
            logger.log(summaryLevel, summary(counted, since, now, text != null ? text : line.get()));
        }
    }

    private String summary(Map<String, Long> counted, Instant since, Instant now, String line) {
        long total = 0;
        StringBuilder byReason = new StringBuilder();
        for (Map.Entry<String, Long> e : counted.entrySet()) {
            total += e.getValue();
            byReason.append(byReason.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(e.getValue());
        }
        if (total == 1) {
            return line + " (further " + what + " are counted and summarized at most every " + interval.toSeconds()
                    + " s; each one is logged at DEBUG/FINE)";
        }
        return total + " " + what + " in the last "
                + Duration.between(since, now).toSeconds() + " s (" + byReason + "); the latest: " + line;
    }
}
