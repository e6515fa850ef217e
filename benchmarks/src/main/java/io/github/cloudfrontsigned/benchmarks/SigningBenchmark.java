package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.key.SignatureProvider;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Our signer: cold signing (a new URL every call, so the signature cache never hits) per key type and
 * provider, warm signing (the same URL within its expiry window: the cache path), and cold signed cookies.
 * Signers use the defaults a user gets (cache of 10,000, expiry granularity 1s) unless a benchmark says
 * otherwise; the provider is chosen explicitly, because {@link SignatureProvider#AUTO} would pick Amazon
 * Corretto Crypto Provider whenever it is on the class path, as it is here.
 */
public class SigningBenchmark extends ThroughputBenchmark {

    /** The time to live of every signed URL and cookie: 10 minutes. */
    static final Duration TTL = Duration.ofMinutes(10);

    /** Created by JMH. */
    public SigningBenchmark() {}

    /** An RSA-2048 signer on one provider. */
    @State(Scope.Thread)
    public static class Rsa {
        /** The provider that signs: {@code JDK} (SunRsaSign) or {@code CORRETTO}. */
        @Param({"JDK", "CORRETTO"})
        public SignatureProvider provider;

        CloudFrontSigner signer;
        long n;

        /** Created by JMH. */
        public Rsa() {}

        /** Builds the signer. */
        @Setup
        public void setUp() {
            signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, BenchmarkKeys.rsa().getPrivate())
                    .signatureProvider(provider)
                    .build();
        }
    }

    /** An ECDSA P-256 signer on one provider. */
    @State(Scope.Thread)
    public static class Ecdsa {
        /** The provider that signs: {@code JDK} (SunEC), {@code BOUNCY_CASTLE} or {@code CORRETTO}. */
        @Param({"JDK", "BOUNCY_CASTLE", "CORRETTO"})
        public SignatureProvider provider;

        CloudFrontSigner signer;
        long n;

        /** Created by JMH. */
        public Ecdsa() {}

        /** Builds the signer. */
        @Setup
        public void setUp() {
            signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, BenchmarkKeys.ecdsa().getPrivate())
                    .signatureProvider(provider)
                    .build();
        }
    }

    /** A signer configured for repeated links: expiries rounded up to 5 minutes, so a 10-minute link repeats. */
    @State(Scope.Thread)
    public static class Warm {
        CloudFrontSigner signer;

        /** Created by JMH. */
        public Warm() {}

        /** Builds the signer. */
        @Setup
        public void setUp() {
            signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, BenchmarkKeys.rsa().getPrivate())
                    .signatureProvider(SignatureProvider.JDK)
                    .expiryGranularity(Duration.ofMinutes(5))
                    .build();
        }
    }

    /**
     * Cold canned-policy signed URL, RSA-2048 with SHA-1 (what the AWS SDK signs).
     *
     * @param s the signer
     * @return the signed URL
     */
    @Benchmark
    public String coldRsaCannedUrl(Rsa s) {
        return s.signer.signUrl(Urls.unique(s.n++), TTL);
    }

    /**
     * Cold canned-policy signed URL, ECDSA P-256 with SHA-256.
     *
     * @param s the signer
     * @return the signed URL
     */
    @Benchmark
    public String coldEcdsaCannedUrl(Ecdsa s) {
        return s.signer.signUrl(Urls.unique(s.n++), TTL);
    }

    /**
     * The same URL again within its expiry window: a signature cache hit.
     *
     * @param s the signer
     * @return the signed URL
     */
    @Benchmark
    public String warmCannedUrl(Warm s) {
        return s.signer.signUrl(Urls.REPEATED, TTL);
    }

    /**
     * Cold signed cookies for a wildcard custom policy, RSA-2048 with SHA-1.
     *
     * @param s the signer
     * @return the cookies
     */
    @Benchmark
    public SignedCookies coldRsaCustomPolicyCookies(Rsa s) {
        return s.signer.signCookies(Policy.builder()
                .resource(Urls.uniquePrefix(s.n++))
                .expiresIn(TTL)
                .build());
    }
}
