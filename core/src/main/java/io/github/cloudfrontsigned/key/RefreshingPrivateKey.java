package io.github.cloudfrontsigned.key;

import io.github.cloudfrontsigned.internal.Validation;
import java.lang.ref.WeakReference;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A {@link PrivateKeyProvider} over a fetch function (for example a call to AWS Secrets Manager): fetched once
 * when started, kept in memory, and fetched again in the background every refresh interval, so a rotated key is
 * picked up without a restart and the secret store sees one call per interval, not one per signature.
 *
 * <pre>{@code
 * RefreshingPrivateKey key = RefreshingPrivateKey.start("secret cloudfront/key", Duration.ofMinutes(10),
 *     () -> Keys.loadPrivateKey(KeySource.inline(fetchPemFromVault())));
 * CloudFrontSigner signer = CloudFrontSigner.builder().key("K2JCJMDEHXQW5F", key).build();
 * }</pre>
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>The first fetch runs in {@link #start(String, Duration, Fetcher)}; if it fails, or the key is not one
 *       CloudFront accepts, {@code start} throws {@link KeyLoadingException} naming the source and the error, so
 *       the application fails at startup.</li>
 *   <li>A later fetch that fails (or returns an unsupported key) keeps the last good key. The first failure of a
 *       run of failures is logged once at {@code WARNING} (source and error, never key material); the next
 *       success is logged once at {@code INFO} (with the number of failed attempts); the attempts in between are
 *       logged at {@code DEBUG} only.</li>
 *   <li>While fetches fail, the background refresh backs off exponentially: after {@code n} consecutive failures
 *       the next attempt comes {@code min(refreshInterval × 2^n, cap)} after the last one, where the cap is
 *       {@link #MAX_BACKOFF} (one hour) or the refresh interval if that is longer, shortened by a random jitter
 *       of up to {@value #JITTER_PERCENT}% so that many instances failing together do not retry in step. With
 *       the default 15-minute interval: 30 min, 1 h, 1 h, ...; with a 1-second interval: 2 s, 4 s, 8 s, ... up
 *       to 1 h. The first success returns to the plain interval. {@link #refreshState()} reports the failures for a
 *       health check.</li>
 *   <li>A fetch returning the same key (same encoded bytes) keeps the existing key object, so the signer's
 *       signature cache stays valid; a different key replaces it and is logged at {@code INFO} with its
 *       public-key fingerprint.</li>
 * </ul>
 *
 * <p>Thread safety: thread-safe. The refresh runs on one daemon thread per instance; {@link #close()} stops it,
 * and so does the first refresh after the instance became unreachable (an application undeployed without
 * closing it).
 */
public final class RefreshingPrivateKey implements PrivateKeyProvider, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RefreshingPrivateKey.class.getName());

    /**
     * The longest wait between two attempts of a failing background refresh (unless the refresh interval is
     * longer): one hour.
     */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** The jitter of a backed-off attempt: up to this share (in percent) earlier than the computed delay. */
    public static final int JITTER_PERCENT = 20;

    /** Runs the background refresh; a seam for tests, which drive the refresh by hand and read the delays. */
    interface Scheduler {
        /**
         * @param task what to run once
         * @param delayMillis after how many milliseconds
         */
        void schedule(Runnable task, long delayMillis);

        /** Stops: no scheduled task runs any more. */
        void shutdown();
    }

    /** The real scheduler: one daemon thread. */
    private static Scheduler daemonThread(String description) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudfront-key-refresh");
            t.setDaemon(true);
            thread.set(t);
            return t;
        });
        return new Scheduler() {
            @Override
            public void schedule(Runnable task, long delayMillis) {
                try {
                    executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closed meanwhile
                }
            }

            /**
             * Stops the thread and, unless called from it, waits at most {@value #CLOSE_WAIT_SECONDS} seconds for it
             * to end (a fetch in progress is interrupted), so that a servlet container stopping the application
             * finds no thread of it left.
             */
            @Override
            public void shutdown() {
                executor.shutdownNow();
                Thread t = thread.get();
                if (t == null || t == Thread.currentThread()) {
                    return;
                }
                try {
                    t.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
                    if (t.isAlive()) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "the CloudFront key refresh of {0} did not end within" + " {1} s of close()",
                                description,
                                CLOSE_WAIT_SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Fetches the key from its store. */
    @FunctionalInterface
    public interface Fetcher {
        /**
         * @return the private key as the store holds it now
         * @throws Exception if the store cannot be reached, refuses, or holds no valid key; the message is logged
         *     and must not hold key material
         */
        PrivateKey fetch() throws Exception;
    }

    /**
     * A key as its store holds it: the private key and, when the store keeps it alongside (for rotation in place),
     * the key pair ID CloudFront gave its public key.
     *
     * @param privateKey the private key; not {@code null}
     * @param keyPairId the key pair ID, or {@code null} to sign with the ID configured for the key
     */
    public record StoredKey(PrivateKey privateKey, String keyPairId) {

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof StoredKey)) {
                return false;
            }
            StoredKey other = (StoredKey) o;
            return java.util.Objects.equals(privateKey, other.privateKey)
                    && java.util.Objects.equals(keyPairId, other.keyPairId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(privateKey, keyPairId);
        }

        /** Names the key's algorithm, never its value (a private key's own toString may print its numbers). */
        @Override
        public String toString() {
            return "StoredKey[privateKey=" + (privateKey == null ? null : privateKey.getAlgorithm() + " key, not shown")
                    + ", keyPairId=" + keyPairId + "]";
        }
    }

    /** Fetches the key and its key pair ID from a store that keeps both. */
    @FunctionalInterface
    public interface StoredKeyFetcher {
        /**
         * @return the key and key pair ID as the store holds them now
         * @throws Exception as for {@link Fetcher#fetch()}
         */
        StoredKey fetch() throws Exception;
    }

    private final String description;
    private final StoredKeyFetcher fetcher;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Clock clock;
    private final DoubleSupplier random;
    private volatile StoredKey current;
    private volatile StoredKey previous;
    private volatile Instant lastLoaded;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;
    private volatile Instant failingSince;
    /** Failed fetches since the last success; written under the instance's lock. */
    private volatile int consecutiveFailures;

    private final LongAdder successes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean closed;

    private RefreshingPrivateKey(
            String description,
            StoredKeyFetcher fetcher,
            StoredKey first,
            Duration interval,
            Scheduler scheduler,
            Clock clock,
            DoubleSupplier random) {
        this.description = description;
        this.fetcher = fetcher;
        this.current = first;
        this.interval = interval;
        this.clock = clock;
        this.random = random;
        this.lastLoaded = clock.instant();
        this.successes.increment();
        this.scheduler = interval == null ? null : scheduler;
        if (this.scheduler != null) {
            scheduleNext(this.scheduler, new WeakReference<>(this), interval.toMillis());
        }
    }

    /**
     * Schedules one refresh; the task holds the provider weakly: once nothing else does (the application was
     * undeployed without close()), the next tick stops the scheduler instead of keeping the application's classes
     * alive.
     */
    private static void scheduleNext(Scheduler scheduler, WeakReference<RefreshingPrivateKey> self, long delayMillis) {
        scheduler.schedule(
                () -> {
                    RefreshingPrivateKey key = self.get();
                    if (key == null) {
                        scheduler.shutdown();
                        return;
                    }
                    if (key.closed) {
                        return;
                    }
                    key.refresh();
                    long next = key.nextDelayMillis();
                    key = null; // not held while waiting
                    scheduleNext(scheduler, self, next);
                },
                delayMillis);
    }

    /**
     * The wait before the next background attempt: the refresh interval after a success; after {@code n}
     * consecutive failures {@code min(interval × 2^n, max(interval, MAX_BACKOFF))}, less a random jitter of up to
     * {@value #JITTER_PERCENT}%.
     */
    long nextDelayMillis() {
        long base = interval.toMillis();
        int n = consecutiveFailures;
        if (n == 0) {
            return base;
        }
        long cap = Math.max(base, MAX_BACKOFF.toMillis());
        long delay = n >= 62 || base > (cap >> Math.min(n, 62)) ? cap : Math.min(cap, base << n);
        if (delay == base) {
            return delay; // no backoff possible (the interval is at the cap): no jitter below the interval either
        }
        long jitter = (long) (delay * (JITTER_PERCENT / 100.0) * random.getAsDouble());
        return Math.max(base, delay - jitter);
    }

    /**
     * Fetches the key now and starts refreshing it every {@code refreshInterval}.
     *
     * @param description where the key comes from, for logs and messages, for example
     *     {@code AWS Secrets Manager secret "cloudfront/key"}; never key material
     * @param refreshInterval time between the end of one fetch and the start of the next, at least one second;
     *     {@code null} to fetch only once (then {@link #refresh()} is the only way to fetch again)
     * @param fetcher fetches the key; called on the caller's thread now, on the refresh thread later
     * @return the provider, holding the fetched key
     * @throws KeyLoadingException if the first fetch fails or gives a key CloudFront does not accept; the message
     *     names {@code description} and the fetch's error
     * @throws IllegalArgumentException if {@code refreshInterval} is shorter than a second
     */
    public static RefreshingPrivateKey start(String description, Duration refreshInterval, Fetcher fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return startStored(description, refreshInterval, () -> new StoredKey(fetcher.fetch(), null));
    }

    /**
     * As {@link #start(String, Duration, Fetcher)}, for a store that keeps the key pair ID with the key (for
     * example a JSON secret {@code {"keyPairId":"K2JCJMDEHXQW5F","privateKey":"-----BEGIN ..."}}): when the store
     * is rotated to a new key with a new key pair ID, the signer signs with both from the next refresh on. See
     * {@link #keyPairId(PrivateKey)}.
     *
     * @param description as for {@link #start(String, Duration, Fetcher)}
     * @param refreshInterval as for {@link #start(String, Duration, Fetcher)}
     * @param fetcher fetches the key and its key pair ID
     * @return the provider, holding the fetched key
     * @throws KeyLoadingException if the first fetch fails, gives a key CloudFront does not accept, or a key pair
     *     ID that is not letters and digits
     * @throws IllegalArgumentException if {@code refreshInterval} is shorter than a second
     */
    public static RefreshingPrivateKey startStored(
            String description, Duration refreshInterval, StoredKeyFetcher fetcher) {
        StoredKey first = first(description, refreshInterval, fetcher);
        return new RefreshingPrivateKey(
                description,
                fetcher,
                first,
                refreshInterval,
                refreshInterval == null ? null : daemonThread(description),
                Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** As {@link #startStored(String, Duration, StoredKeyFetcher)} on a given scheduler, clock and jitter source. */
    static RefreshingPrivateKey startStored(
            String description,
            Duration refreshInterval,
            StoredKeyFetcher fetcher,
            Scheduler scheduler,
            Clock clock,
            DoubleSupplier random) {
        StoredKey first = first(description, refreshInterval, fetcher);
        return new RefreshingPrivateKey(description, fetcher, first, refreshInterval, scheduler, clock, random);
    }

    private static StoredKey first(String description, Duration refreshInterval, StoredKeyFetcher fetcher) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fetcher, "fetcher");
        if (refreshInterval != null && refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "refresh interval of " + description + " must be at least 1 second, got " + refreshInterval);
        }
        StoredKey first;
        try {
            first = checked(fetcher.fetch(), description);
        } catch (KeyLoadingException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyLoadingException(description, "could not be fetched: " + message(e), e);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "CloudFront private key loaded from {0}: {1}, public key SHA-256" + " fingerprint {2}{3}",
                description,
                Keys.describe(first.privateKey()),
                fingerprint(first.privateKey()),
                first.keyPairId() == null ? "" : ", key pair ID " + first.keyPairId());
        return first;
    }

    /** @return the last good key; never {@code null}, never blocks */
    @Override
    public PrivateKey privateKey() {
        return current.privateKey();
    }

    /**
     * @param key a key {@link #privateKey()} returned
     * @return the key pair ID the store keeps with that key (the current or the previous one), or {@code null}
     *     when it keeps none (then the ID configured for the key signs)
     */
    @Override
    public String keyPairId(PrivateKey key) {
        StoredKey c = current;
        if (c.privateKey() == key) {
            return c.keyPairId();
        }
        StoredKey p = previous;
        return p != null && p.privateKey() == key ? p.keyPairId() : null;
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Fetches the key now, on the calling thread, as the background refresh does: a failure keeps the last good
     * key and is logged once per run of failures.
     *
     * @return {@code true} if a different key was fetched and is now current
     */
    public boolean refresh() {
        StoredKey fetched;
        try {
            fetched = checked(fetcher.fetch(), description);
        } catch (Exception e) {
            failed(message(e));
            return false;
        }
        succeeded();
        StoredKey old = current;
        if (Arrays.equals(old.privateKey().getEncoded(), fetched.privateKey().getEncoded())
                && Objects.equals(old.keyPairId(), fetched.keyPairId())) {
            return false;
        }
        previous = old;
        current = fetched;
        LOG.log(
                System.Logger.Level.INFO,
                "CloudFront private key from {0} changed: now {1}, public key SHA-256" + " fingerprint {2}{3}",
                description,
                Keys.describe(fetched.privateKey()),
                fingerprint(fetched.privateKey()),
                fetched.keyPairId() == null ? "" : ", key pair ID " + fetched.keyPairId());
        return true;
    }

    private synchronized void failed(String problem) {
        failures.increment();
        int n = consecutiveFailures + 1;
        consecutiveFailures = n;
        lastFailure = problem;
        lastFailureAt = clock.instant();
        if (n == 1) {
            failingSince = lastFailureAt;
            LOG.log(
                    System.Logger.Level.WARNING,
                    "CloudFront private key refresh from {0} failed, signing goes on"
                            + " with the last good key (loaded {1}) until a refresh succeeds{2}: {3}",
                    description,
                    lastLoaded,
                    interval == null
                            ? ""
                            : "; retrying with exponential backoff from "
                                    + text(interval.multipliedBy(2)) + " up to "
                                    + text(interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF),
                    problem);
        } else {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "CloudFront private key refresh from {0} failed again ({1} in a row):" + " {2}",
                    description,
                    n,
                    problem);
        }
    }

    private synchronized void succeeded() {
        successes.increment();
        lastLoaded = clock.instant();
        int n = consecutiveFailures;
        if (n > 0) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "CloudFront private key refresh from {0} succeeded again after {1}"
                            + " failed attempt{2} since {3}",
                    description,
                    n,
                    n == 1 ? "" : "s",
                    firstFailureText());
            consecutiveFailures = 0;
            lastFailure = null;
        }
    }

    private String firstFailureText() {
        Instant at = failingSince;
        return at == null ? "unknown" : at.toString();
    }

    /**
     * @return the error of the latest refresh if it failed, or {@code null} when it succeeded (for a health
     *     check); never key material
     */
    public String lastRefreshFailure() {
        return lastFailure;
    }

    /**
     * The refresh's state now, for a health check or metrics: when the key was last fetched, the failures since
     * and the total counts. See {@link RefreshState}.
     *
     * @return a snapshot; thread-safe
     */
    @Override
    public RefreshState refreshState() {
        synchronized (this) {
            return new RefreshState(
                    lastLoaded,
                    consecutiveFailures,
                    lastFailure,
                    consecutiveFailures == 0 ? null : lastFailureAt,
                    successes.sum(),
                    failures.sum(),
                    interval);
        }
    }

    /**
     * Stops the background refresh and waits, at most {@value #CLOSE_WAIT_SECONDS} seconds, for the refresh thread
     * to end (a fetch in progress is interrupted), so that a servlet container stopping the application finds no
     * thread of it left; the last key stays available. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    private static StoredKey checked(StoredKey stored, String description) {
        if (stored == null || stored.privateKey() == null) {
            throw new KeyLoadingException(description, "the fetch returned no key");
        }
        Keys.checkSupported(stored.privateKey(), description);
        if (stored.keyPairId() != null) {
            try {
                Validation.checkKeyPairId(stored.keyPairId());
            } catch (IllegalArgumentException e) {
                throw new KeyLoadingException(description, e.getMessage());
            }
        }
        return stored;
    }

    private static String fingerprint(PrivateKey key) {
        try {
            return Keys.fingerprint(Keys.publicKey(key));
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** A duration for a log line: {@code 2s}, {@code 30m}, {@code 1h}. */
    static String text(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return s > 0 ? s + "s" : d.toMillis() + "ms";
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** How long {@link #close()} waits for the refresh thread to end. */
    static final long CLOSE_WAIT_SECONDS = 10;
}
