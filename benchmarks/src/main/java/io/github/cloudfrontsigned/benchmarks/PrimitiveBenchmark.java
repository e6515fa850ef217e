package io.github.cloudfrontsigned.benchmarks;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The primitive alone: one {@link Signature#sign()} over the bytes of a canned policy, on a {@link Signature}
 * initialised once. The ceiling for {@link SigningBenchmark}'s cold benchmarks on the same provider.
 */
public class PrimitiveBenchmark extends ThroughputBenchmark {

    /** Created by JMH. */
    public PrimitiveBenchmark() {}

    /** A canned policy as the signer writes it, for a URL like {@link Urls#unique(long)}. */
    static final byte[] POLICY = ("{\"Statement\":[{\"Resource\":\"" + Urls.unique(123_456)
                    + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1795349400}}}]}")
            .getBytes(StandardCharsets.UTF_8);

    /** One JCA signature algorithm on one provider: {@code algorithm:provider}. */
    @State(Scope.Thread)
    public static class Engine {
        /** The JCA algorithm and the provider, for example {@code SHA256withECDSA:BOUNCY_CASTLE}. */
        @Param({
            "SHA1withRSA:JDK",
            "SHA1withRSA:CORRETTO",
            "SHA256withECDSA:JDK",
            "SHA256withECDSA:BOUNCY_CASTLE",
            "SHA256withECDSA:CORRETTO"
        })
        public String engine;

        Signature signature;

        /** Created by JMH. */
        public Engine() {}

        /**
         * Creates the {@link Signature} and initialises it for signing.
         *
         * @throws GeneralSecurityException if the provider lacks the algorithm or refuses the key
         */
        @Setup
        public void setUp() throws GeneralSecurityException {
            String algorithm = engine.substring(0, engine.indexOf(':'));
            String provider = engine.substring(engine.indexOf(':') + 1);
            PrivateKey key = algorithm.endsWith("RSA")
                    ? BenchmarkKeys.rsa().getPrivate()
                    : BenchmarkKeys.ecdsa().getPrivate();
            signature = "JDK".equals(provider)
                    ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, provider(provider));
            signature.initSign(key);
        }

        private static Provider provider(String name) {
            switch (name) {
                case "BOUNCY_CASTLE":
                    return new BouncyCastleProvider();
                case "CORRETTO":
                    AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
                    return AmazonCorrettoCryptoProvider.INSTANCE;
                default:
                    throw new IllegalArgumentException("provider \"" + name + "\": use JDK, BOUNCY_CASTLE or CORRETTO");
            }
        }
    }

    /**
     * One signature, as the signer's cold path computes it.
     *
     * @param e the initialised signature
     * @return the signature bytes
     * @throws SignatureException if signing fails
     */
    @Benchmark
    public byte[] sign(Engine e) throws SignatureException {
        e.signature.update(POLICY);
        return e.signature.sign();
    }
}
