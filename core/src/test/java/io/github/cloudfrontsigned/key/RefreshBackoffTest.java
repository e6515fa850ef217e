package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.TestKeys;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * The background refresh of a failing key store: requests counted and delays read from a scheduler the test drives
 * by hand, so nothing depends on timing.
 */
final class RefreshBackoffTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    /** A key store that fails the given number of fetches after the first, then answers again. */
    static final class FailingStore implements RefreshingPrivateKey.StoredKeyFetcher {
        final PrivateKey key = TestKeys.RSA.getPrivate();
        int fetches;
        int failuresLeft;

        @Override
        public RefreshingPrivateKey.StoredKey fetch() {
            fetches++;
            if (fetches > 1 && failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("InternalFailure (HTTP 500): the store is down");
            }
            return new RefreshingPrivateKey.StoredKey(key, null);
        }
    }

    /** Runs the scheduled refresh when the test says so, and records each requested delay. */
    static final class ManualScheduler implements RefreshingPrivateKey.Scheduler {
        final List<Duration> delays = new ArrayList<>();
        Runnable pending;
        boolean shutdown;

        @Override
        public void schedule(Runnable task, long delayMillis) {
            delays.add(Duration.ofMillis(delayMillis));
            pending = task;
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        void tick(int times) {
            for (int i = 0; i < times; i++) {
                Runnable task = pending;
                pending = null;
                task.run();
            }
        }
    }

    private static RefreshingPrivateKey start(
            FailingStore store, ManualScheduler scheduler, Duration interval, double jitter) {
        return RefreshingPrivateKey.startStored("in-test store", interval, store, scheduler, CLOCK, () -> jitter);
    }

    private static List<Duration> minutes(long... values) {
        List<Duration> l = new ArrayList<>();
        for (long v : values) {
            l.add(Duration.ofMinutes(v));
        }
        return l;
    }

    @Test
    void failingStore_isRetriedWithExponentialBackoffCappedAtAnHour() {
        FailingStore store = new FailingStore();
        store.failuresLeft = Integer.MAX_VALUE;
        ManualScheduler scheduler = new ManualScheduler();
        try (RefreshingPrivateKey key = start(store, scheduler, Duration.ofMinutes(1), 0.0)) {
            scheduler.tick(8);
            assertEquals(1 + 8, store.fetches, "the first fetch and one per tick, no more");
            assertEquals(minutes(1, 2, 4, 8, 16, 32, 60, 60, 60), scheduler.delays);
            assertSame(store.key, key.privateKey(), "the last good key stays in use");
        }
    }

    @Test
    void recoveredStore_isFetchedAtThePlainIntervalAgain() {
        FailingStore store = new FailingStore();
        store.failuresLeft = 3;
        ManualScheduler scheduler = new ManualScheduler();
        try (RefreshingPrivateKey key = start(store, scheduler, Duration.ofMinutes(1), 0.0)) {
            scheduler.tick(6);
            assertEquals(minutes(1, 2, 4, 8, 1, 1, 1), scheduler.delays);
        }
    }

    @Test
    void failingStore_logsOneWarningWhenItStartsFailingAndOneInfoWhenItRecovers() {
        FailingStore store = new FailingStore();
        store.failuresLeft = 5;
        ManualScheduler scheduler = new ManualScheduler();
        try (RefreshingPrivateKey key = start(store, scheduler, Duration.ofMinutes(1), 0.0)) {
            List<LogRecord> failing = LogCapture.logged(RefreshingPrivateKey.class, () -> scheduler.tick(5));
            assertEquals(
                    1,
                    failing.stream().filter(r -> r.getLevel() == Level.WARNING).count(),
                    LogCapture.messages(failing).toString());
            assertEquals(
                    0, failing.stream().filter(r -> r.getLevel() == Level.INFO).count());
            String warning = LogCapture.messages(failing).get(0);
            assertTrue(
                    warning.contains("in-test store")
                            && warning.contains("HTTP 500")
                            && warning.contains("from 2m up to 1h"),
                    warning);
            List<LogRecord> recovering = LogCapture.logged(RefreshingPrivateKey.class, () -> scheduler.tick(2));
            List<String> messages = LogCapture.messages(recovering);
            assertEquals(1, messages.size(), messages.toString());
            assertEquals(Level.INFO, recovering.get(0).getLevel());
            assertTrue(messages.get(0).contains("succeeded again after 5 failed attempts"), messages.get(0));
        }
    }

    @Test
    void refreshState_countsConsecutiveFailuresAndClearsThemOnSuccess() {
        FailingStore store = new FailingStore();
        store.failuresLeft = 2;
        ManualScheduler scheduler = new ManualScheduler();
        try (RefreshingPrivateKey key = start(store, scheduler, Duration.ofMinutes(1), 0.0)) {
            scheduler.tick(2);
            RefreshState failing = key.refreshState();
            assertEquals(2, failing.consecutiveFailures());
            assertEquals("InternalFailure (HTTP 500): the store is down", failing.lastFailure());
            assertEquals(1, failing.successes());
            assertEquals(2, failing.failures());
            scheduler.tick(1);
            RefreshState recovered = key.refreshState();
            assertEquals(0, recovered.consecutiveFailures());
            assertNull(recovered.lastFailure());
            assertEquals(2, recovered.successes());
            assertEquals(CLOCK.instant(), recovered.lastLoaded());
        }
    }

    @Test
    void jitter_makesABackedOffAttemptAtMostTwentyPercentEarlier() {
        FailingStore store = new FailingStore();
        store.failuresLeft = Integer.MAX_VALUE;
        ManualScheduler scheduler = new ManualScheduler();
        try (RefreshingPrivateKey key = start(store, scheduler, Duration.ofMinutes(10), 0.999999)) {
            scheduler.tick(1);
            Duration afterOneFailure = scheduler.delays.get(1);
            assertTrue(
                    afterOneFailure.compareTo(Duration.ofMinutes(16)) >= 0
                            && afterOneFailure.compareTo(Duration.ofMinutes(20)) < 0,
                    afterOneFailure.toString());
        }
    }

    @Test
    void intervalLongerThanTheCap_failingStoreIsRetriedAtTheInterval() {
        FailingStore store = new FailingStore();
        store.failuresLeft = Integer.MAX_VALUE;
        ManualScheduler scheduler = new ManualScheduler();
        try (RefreshingPrivateKey key = start(store, scheduler, Duration.ofHours(2), 0.5)) {
            scheduler.tick(2);
            assertEquals(List.of(Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2)), scheduler.delays);
        }
    }

    @Test
    void close_stopsTheScheduledRefresh() {
        FailingStore store = new FailingStore();
        ManualScheduler scheduler = new ManualScheduler();
        RefreshingPrivateKey key = start(store, scheduler, Duration.ofMinutes(1), 0.0);
        key.close();
        scheduler.tick(1);
        assertTrue(scheduler.shutdown);
        assertEquals(1, store.fetches, "no fetch after close()");
    }
}
