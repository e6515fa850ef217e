package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link SummarizingLog}: events anyone can cause, one visible line per interval at most. */
class SummarizingLogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A System.Logger that keeps what it is given, at levels from {@code lowest} up. */
    private static final class Recorder implements System.Logger {
        final List<String> lines = new ArrayList<>();
        final Level lowest;

        Recorder(Level lowest) {
            this.lowest = lowest;
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= lowest.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }
    }

    private final MovingClock clock = new MovingClock(T0);

    private SummarizingLog log(Recorder recorder) {
        return new SummarizingLog(recorder, System.Logger.Level.INFO, "requests denied", clock, Duration.ofSeconds(60));
    }

    @Test
    void record_summarizesTheFirstEventAtOnce() {
        Recorder r = new Recorder(System.Logger.Level.INFO);
        log(r).record("AccessDenied", () -> "denied /a");
        assertEquals(
                List.of("INFO denied /a (further requests denied are counted and summarized at most every 60 s;"
                        + " each one is logged at DEBUG/FINE)"),
                r.lines);
    }

    @Test
    void record_writesNoVisibleLineForEventsWithinTheInterval() {
        Recorder r = new Recorder(System.Logger.Level.INFO);
        SummarizingLog log = log(r);
        log.record("AccessDenied", () -> "denied /a");
        clock.now.set(T0.plusSeconds(59));
        log.record("AccessDenied", () -> "denied /b");
        assertEquals(1, r.lines.size());
    }

    @Test
    void record_summarizesTheCountsPerReasonOnceTheIntervalHasPassed() {
        Recorder r = new Recorder(System.Logger.Level.INFO);
        SummarizingLog log = log(r);
        log.record("AccessDenied", () -> "denied /a");
        clock.now.set(T0.plusSeconds(10));
        log.record("MissingKey", () -> "denied /b");
        clock.now.set(T0.plusSeconds(61));
        log.record("AccessDenied", () -> "denied /c");
        assertEquals(
                "INFO 2 requests denied in the last 61 s (AccessDenied 1, MissingKey 1); the latest: denied /c",
                r.lines.get(1));
    }

    @Test
    void record_logsEveryEventAtDebugWhenDebugIsEnabled() {
        Recorder r = new Recorder(System.Logger.Level.DEBUG);
        SummarizingLog log = log(r);
        log.record("AccessDenied", () -> "denied /a");
        log.record("AccessDenied", () -> "denied /b");
        assertEquals(
                List.of(
                        "DEBUG denied /a",
                        "INFO denied /a (further requests denied are counted and summarized"
                                + " at most every 60 s; each one is logged at DEBUG/FINE)",
                        "DEBUG denied /b"),
                r.lines);
    }

    @Test
    void record_buildsNoLineForAnEventThatIsNeitherLoggedNorSummarized() {
        Recorder r = new Recorder(System.Logger.Level.INFO);
        SummarizingLog log = log(r);
        log.record("AccessDenied", () -> "denied /a");
        AtomicInteger built = new AtomicInteger();
        Supplier<String> line = () -> {
            built.incrementAndGet();
            return "denied /b";
        };
        log.record("AccessDenied", line);
        assertEquals(0, built.get());
    }

    @Test
    void constructor_refusesAnIntervalThatIsNotPositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new SummarizingLog(
                        new Recorder(System.Logger.Level.INFO), System.Logger.Level.INFO, "x", clock, Duration.ZERO));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }
}
