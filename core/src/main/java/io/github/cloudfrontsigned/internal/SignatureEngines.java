package io.github.cloudfrontsigned.internal;

import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Chooses the JCA provider for a signature algorithm and hands out ready-to-use {@link Signature} objects for
 * signing and verifying.
 * Providers are private instances: nothing is registered in {@code java.security.Security}.
 * Thread safety: thread-safe; the {@link Signature} objects it creates are not, and are kept per thread.
 */
public final class SignatureEngines {

    private static final String CORRETTO_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private SignatureEngines() {}

    /** Lazily created BouncyCastle provider: building it costs tens of milliseconds. */
    private static final class BouncyCastle {
        static final Provider INSTANCE = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    /** Amazon Corretto Crypto Provider when present and healthy, else {@code null}. */
    private static final class Corretto {
        static final Provider INSTANCE = load();
        static final String PROBLEM = INSTANCE == null ? problem() : null;

        private static Provider load() {
            try {
                Class<?> type = Class.forName(CORRETTO_CLASS, true, SignatureEngines.class.getClassLoader());
                Provider provider = (Provider) type.getField("INSTANCE").get(null);
                Method loadingError = type.getMethod("getLoadingError");
                return loadingError.invoke(provider) == null ? provider : null;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return null;
            }
        }

        private static String problem() {
            try {
                Class<?> type = Class.forName(CORRETTO_CLASS, true, SignatureEngines.class.getClassLoader());
                Object provider = type.getField("INSTANCE").get(null);
                Object error = type.getMethod("getLoadingError").invoke(provider);
                return "its native library did not load: " + error;
            } catch (ClassNotFoundException e) {
                return "it is not on the class path (add software.amazon.cryptools:AmazonCorrettoCryptoProvider,"
                        + " classifier linux-x86_64)";
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return "it could not be loaded: " + e;
            }
        }
    }

    /** @return whether Amazon Corretto Crypto Provider is on the class path and healthy */
    public static boolean correttoAvailable() {
        return Corretto.INSTANCE != null;
    }

    /** @return BouncyCastle's provider (a private instance, created on first use) */
    public static Provider bouncyCastle() {
        return BouncyCastle.INSTANCE;
    }

    /** @return Amazon Corretto Crypto Provider when present and healthy, else {@code null} */
    public static Provider corretto() {
        return Corretto.INSTANCE;
    }

    /** @return why Amazon Corretto Crypto Provider is unavailable, for an error message; {@code null} if it is available */
    public static String correttoProblem() {
        return Corretto.PROBLEM;
    }

    /** A {@link Signature} initialised for signing with {@code key}. */
    public static Signature newSigner(Provider provider, String jcaName, PrivateKey key) {
        return newSignature(provider, jcaName, key, "sign");
    }

    /** A {@link Signature} initialised for verifying with {@code key}. */
    public static Signature newVerifier(Provider provider, String jcaName, PublicKey key) {
        return newSignature(provider, jcaName, key, "verify");
    }

    private static Signature newSignature(Provider provider, String jcaName, Key key, String purpose) {
        try {
            Signature signature =
                    provider == null ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, provider);
            if (key instanceof PrivateKey) {
                signature.initSign((PrivateKey) key);
            } else {
                signature.initVerify((PublicKey) key);
            }
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot " + purpose + " with " + jcaName + " (" + (provider == null ? "JDK" : provider.getName())
                            + "): " + e.getMessage(),
                    e);
        }
    }

    /** A human-readable provider name for logs. */
    public static String name(Provider provider) {
        return provider == null ? "JDK" : provider.getName();
    }
}
