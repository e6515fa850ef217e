package io.github.cloudfrontsigned.key;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.internal.Validation;
import java.lang.ref.WeakReference;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
 *       success is logged at {@code INFO}.</li>
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

        @Override
        public String toString() {
            return "StoredKey[privateKey=" + privateKey
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
    private final ScheduledExecutorService scheduler;
    private volatile StoredKey current;
    private volatile StoredKey previous;
    private volatile String lastFailure;
    /** The refresh thread, once started; {@link #close()} waits for it to end. */
    private final AtomicReference<Thread> refreshThread = new AtomicReference<>();

    private RefreshingPrivateKey(String description, StoredKeyFetcher fetcher, StoredKey first, Duration interval) {
        this.description = description;
        this.fetcher = fetcher;
        this.current = first;
        if (interval == null) {
            this.scheduler = null;
        } else {
            // the factory holds the thread's holder, not this provider (see the weak reference below)
            AtomicReference<Thread> thread = refreshThread;
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cloudfront-key-refresh");
                t.setDaemon(true);
                thread.set(t);
                return t;
            });
            long millis = interval.toMillis();
            // the task holds this provider weakly: once nothing else does (the application was undeployed without
            // close()), the next tick stops the thread instead of keeping the application's classes alive
            WeakReference<RefreshingPrivateKey> self = new WeakReference<>(this);
            ScheduledExecutorService s = scheduler;
            scheduler.scheduleWithFixedDelay(() -> {
                RefreshingPrivateKey key = self.get();
                if (key == null) {
                    s.shutdownNow();
                } else {
                    key.refresh();
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }
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
    public static RefreshingPrivateKey startStored(String description, Duration refreshInterval,
            StoredKeyFetcher fetcher) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fetcher, "fetcher");
        if (refreshInterval != null && refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("refresh interval of " + description + " must be at least 1 second, got "
                    + refreshInterval);
        }
        StoredKey first;
        try {
            first = checked(fetcher.fetch(), description);
        } catch (KeyLoadingException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyLoadingException(description, "could not be fetched: " + message(e), e);
        }
        LOG.log(System.Logger.Level.INFO, "CloudFront private key loaded from {0}: {1}, public key SHA-256"
                + " fingerprint {2}{3}", description, Keys.describe(first.privateKey()), fingerprint(first.privateKey()),
                first.keyPairId() == null ? "" : ", key pair ID " + first.keyPairId());
        return new RefreshingPrivateKey(description, fetcher, first, refreshInterval);
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
            String problem = message(e);
            if (lastFailure == null) {
                LOG.log(System.Logger.Level.WARNING, "CloudFront private key refresh from {0} failed, signing goes on"
                        + " with the last good key until a refresh succeeds: {1}", description, problem);
            }
            lastFailure = problem;
            return false;
        }
        if (lastFailure != null) {
            LOG.log(System.Logger.Level.INFO, "CloudFront private key refresh from {0} succeeded again", description);
            lastFailure = null;
        }
        StoredKey old = current;
        if (Arrays.equals(old.privateKey().getEncoded(), fetched.privateKey().getEncoded())
                && Objects.equals(old.keyPairId(), fetched.keyPairId())) {
            return false;
        }
        previous = old;
        current = fetched;
        LOG.log(System.Logger.Level.INFO, "CloudFront private key from {0} changed: now {1}, public key SHA-256"
                + " fingerprint {2}{3}", description, Keys.describe(fetched.privateKey()),
                fingerprint(fetched.privateKey()), fetched.keyPairId() == null ? "" : ", key pair ID "
                + fetched.keyPairId());
        return true;
    }

    /**
     * @return the error of the latest refresh if it failed, or {@code null} when it succeeded (for a health
     *     check); never key material
     */
    public String lastRefreshFailure() {
        return lastFailure;
    }

    /**
     * Stops the background refresh and waits, at most {@value #CLOSE_WAIT_SECONDS} seconds, for the refresh thread
     * to end (a fetch in progress is interrupted), so that a servlet container stopping the application finds no
     * thread of it left; the last key stays available. Idempotent.
     */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                Thread thread = refreshThread.get();
                if (thread != null && thread != Thread.currentThread()) {
                    thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
                }
                if (thread != null && thread.isAlive() && thread != Thread.currentThread()) {
                    LOG.log(System.Logger.Level.WARNING, "the CloudFront key refresh of {0} did not end within {1} s"
                            + " of close()", description, CLOSE_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long {@link #close()} waits for the refresh thread to end. */
    static final long CLOSE_WAIT_SECONDS = 10;

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

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
