package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.security.PrivateKey;
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
     * One key pair ID's key: fixed (a local key or a remote signer), or the current key of a
     * {@link PrivateKeyProvider}, re-wrapped when the provider hands out a different key object.
     */
    static final class Slot {
        final String keyPairId;
        private final PrivateKeyProvider provider;
        private final SignatureProvider signatureProvider;
        private volatile SigningKey current;

        Slot(SigningKey fixed) {
            this.keyPairId = fixed.keyPairId;
            this.provider = null;
            this.signatureProvider = null;
            this.current = fixed;
        }

        Slot(String keyPairId, PrivateKeyProvider provider, SignatureProvider signatureProvider) {
            this.keyPairId = keyPairId;
            this.provider = provider;
            this.signatureProvider = signatureProvider;
            PrivateKey k = Objects.requireNonNull(provider.privateKey(), "privateKey() of " + provider.description());
            this.current = new SigningKey(idFor(k), k, signatureProvider);
        }

        /** The key pair ID the provider keeps with {@code key}, else the one the key was added under. */
        private String idFor(PrivateKey key) {
            String id = provider.keyPairId(key);
            return id == null ? keyPairId : id;
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
                        LOG.log(System.Logger.Level.WARNING, "the new key from {0} for key pair ID {1} cannot sign,"
                                + " keeping the previous one: {2}", provider.description(), keyPairId, e.getMessage());
                    }
                }
                return c;
            }
        }
    }
}
