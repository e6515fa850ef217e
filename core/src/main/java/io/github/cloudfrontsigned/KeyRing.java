package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.SignatureEngines;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RemoteSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A signer's keys by key pair ID and the active one, shared by every view made with {@code with...}: the
 * active key switches atomically ({@link CloudFrontSigner#activate(String)}), safe under concurrent signing.
 */
final class KeyRing {

    private static final System.Logger LOG = System.getLogger(CloudFrontSigner.class.getName());

    final Map<String, Slot> keys;
    final AtomicReference<Slot> active;

    KeyRing(Map<String, Slot> keys, Slot active) {
        this.keys = keys;
        this.active = new AtomicReference<>(active);
    }

    /**
     * The ring {@link CloudFrontSigner.Builder#build()} makes from the keys added to it: startup work, once per
     * signer.
     *
     * @param added key pair ID to a {@link PrivateKey}, {@link PrivateKeyProvider} or {@link RemoteSigner}, in
     *     the order added; not empty
     * @param sources key pair ID to where its fixed key came from, for {@link KeyStatus}
     * @param activeKeyPairId the key that signs at first, or {@code null} for the first one added
     * @param hashAlgorithm the configured hash, or {@code null}; {@link HashAlgorithm#SHA1} is refused with a
     *     {@link RemoteSigner}
     * @param signatureProvider the JCA provider that signs with local keys
     * @param now when the keys count as loaded
     * @return the ring
     * @throws IllegalArgumentException if the active key pair ID names no added key, a key is not RSA or ECDSA
     *     P-256, or SHA-1 was asked for with a {@link RemoteSigner}
     */
    static KeyRing of(
            Map<String, Object> added,
            Map<String, String> sources,
            String activeKeyPairId,
            HashAlgorithm hashAlgorithm,
            SignatureProvider signatureProvider,
            Instant now) {
        Map<String, Slot> signingKeys = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : added.entrySet()) {
            Object k = e.getValue();
            Slot slot;
            if (k instanceof PrivateKey) {
                slot = new Slot(
                        new SigningKey(e.getKey(), (PrivateKey) k, signatureProvider),
                        sources.getOrDefault(e.getKey(), "private key given in code"),
                        now);
            } else if (k instanceof PrivateKeyProvider) {
                slot = new Slot(e.getKey(), (PrivateKeyProvider) k, signatureProvider, now);
            } else {
                RemoteSigner remote = (RemoteSigner) k;
                if (hashAlgorithm == HashAlgorithm.SHA1) {
                    throw new IllegalArgumentException("key pair ID " + e.getKey() + " is signed by "
                            + remote.description() + ", which signs with SHA256 only: remove hashAlgorithm(SHA1)");
                }
                slot = new Slot(new SigningKey(e.getKey(), remote), remote.description(), now);
            }
            signingKeys.put(e.getKey(), slot);
        }
        String activeId = activeKeyPairId != null
                ? activeKeyPairId
                : added.keySet().iterator().next();
        Slot active = signingKeys.get(activeId);
        if (active == null) {
            throw new IllegalArgumentException(
                    "active key pair ID \"" + activeId + "\" is not among the keys " + signingKeys.keySet());
        }
        return new KeyRing(Collections.unmodifiableMap(signingKeys), active);
    }

    /**
     * @param keyPairId a key pair ID
     * @return its slot
     * @throws IllegalArgumentException if the ring has no key with that ID, naming the ones it has
     */
    Slot slot(String keyPairId) {
        Slot slot = keys.get(keyPairId);
        if (slot == null) {
            throw new IllegalArgumentException(
                    "no key with key pair ID \"" + keyPairId + "\"; this signer has " + keys.keySet());
        }
        return slot;
    }

    /** @return the background fetches of every refreshing key, summed; thread-safe */
    CloudFrontSigner.KeyRefreshes refreshes() {
        long ok = 0;
        long failed = 0;
        for (Slot slot : keys.values()) {
            io.github.cloudfrontsigned.key.RefreshState r = slot.refreshState();
            if (r != null) {
                ok += r.successes();
                failed += r.failures();
            }
        }
        return new CloudFrontSigner.KeyRefreshes(ok, failed);
    }

    /**
     * One key pair ID's key: fixed (a local key or a remote signer), or the current key of a
     * {@link PrivateKeyProvider}, re-wrapped when the provider hands out a different key object.
     */
    static final class Slot {
        final String keyPairId;
        private final PrivateKeyProvider provider;
        private final SignatureProvider signatureProvider;
        /** Where the key comes from, for {@link KeyStatus}; never key material. */
        private final String source;
        /** When the key was loaded (a fixed key) or the slot made (a provider's). */
        private final Instant loadedAt;

        private volatile SigningKey current;

        Slot(SigningKey fixed, String source, Instant loadedAt) {
            this.keyPairId = fixed.keyPairId;
            this.provider = null;
            this.signatureProvider = null;
            this.current = fixed;
            this.source = source;
            this.loadedAt = loadedAt;
        }

        Slot(String keyPairId, PrivateKeyProvider provider, SignatureProvider signatureProvider, Instant loadedAt) {
            this.keyPairId = keyPairId;
            this.provider = provider;
            this.signatureProvider = signatureProvider;
            this.source = provider.description();
            this.loadedAt = loadedAt;
            PrivateKey k = Objects.requireNonNull(provider.privateKey(), "privateKey() of " + provider.description());
            this.current = new SigningKey(idFor(k), k, signatureProvider);
        }

        /** The key pair ID the provider keeps with {@code key}, else the one the key was added under. */
        private String idFor(PrivateKey key) {
            String id = provider.keyPairId(key);
            return id == null ? keyPairId : id;
        }

        /** The provider's refresh state, or {@code null}. */
        io.github.cloudfrontsigned.key.RefreshState refreshState() {
            return provider == null ? null : provider.refreshState();
        }

        /** The key's state now; never throws. */
        KeyStatus status() {
            SigningKey k;
            try {
                k = key();
            } catch (RuntimeException e) {
                String m = e.getMessage();
                return KeyStatus.down(
                        keyPairId,
                        source,
                        loadedAt,
                        "the key provider failed: "
                                + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m));
            }
            String type;
            try {
                type = Keys.describe(k.remote != null ? k.remote.publicKey() : k.privateKey);
            } catch (RuntimeException e) {
                type = "unknown";
            }
            return KeyStatus.of(k.keyPairId, type, source, loadedAt, provider == null ? null : provider.refreshState());
        }

        SigningKey key() {
            SigningKey c = current;
            if (provider == null) {
                return c;
            }
            PrivateKey k = provider.privateKey();
            if (k == c.privateKey || k == null) {
                return c;
            }
            synchronized (this) {
                c = current;
                if (k != c.privateKey) {
                    try {
                        c = new SigningKey(idFor(k), k, signatureProvider);
                        current = c;
                    } catch (RuntimeException e) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "the new key from {0} for key pair ID {1} cannot sign,"
                                        + " keeping the previous one: {2}",
                                provider.description(),
                                keyPairId,
                                e.getMessage());
                    }
                }
                return c;
            }
        }
    }

    /**
     * @param configured the signer's configured hash algorithm, or {@code null} to follow the key type
     * @return the active key described for logs: key pair ID, key type, hash algorithm, provider or remote signer,
     *     public key fingerprint (never key material)
     */
    String describeActive(HashAlgorithm configured) {
        SigningKey key = active.get().key();
        String fingerprint;
        try {
            fingerprint = Keys.fingerprint(key.publicKey());
        } catch (RuntimeException e) {
            fingerprint = "unknown (" + e.getMessage() + ")";
        }
        return "key pair ID " + key.keyPairId + ", " + key.describe() + ", hash "
                + SigningSnapshot.hashFor(key, configured).parameterValue()
                + (key.remote != null ? ", signed remotely" : ", provider " + SignatureEngines.name(key.provider))
                + ", public key SHA-256 fingerprint " + fingerprint;
    }
}
