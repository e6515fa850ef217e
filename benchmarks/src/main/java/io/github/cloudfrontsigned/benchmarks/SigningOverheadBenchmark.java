package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Everything a cold signing costs except the signature operation: the same call as
 * {@link SigningBenchmark#coldRsaCannedUrl} (new URL every call) on a real signer whose
 * {@code SignatureProvider.JDK} resolves to {@link NullSignatureProvider}. The time per call divided by a cold
 * signing's time per call is the overhead the issue bounds at 5%. {@code cacheSize=10000} is the default
 * signer, as in {@link SigningBenchmark}; {@code cacheSize=0} shows what the signature cache adds on a miss.
 */
public class SigningOverheadBenchmark extends ThroughputBenchmark {

    /** Created by JMH. */
    public SigningOverheadBenchmark() {}

    /** A signer whose signatures cost nothing, for an RSA-2048 or ECDSA P-256 key, with or without the cache. */
    @State(Scope.Thread)
    public static class NullSigning {
        /** The key type: {@code RSA} (2048-bit, SHA-1) or {@code EC} (P-256, SHA-256). */
        @Param({"RSA", "EC"})
        public String keyType;

        /** The signature cache size: {@code 10000} (the default) or {@code 0} (off). */
        @Param({"10000", "0"})
        public int cacheSize;

        CloudFrontSigner signer;
        long n;

        /** Created by JMH. */
        public NullSigning() {}

        /** Installs the null provider, builds the signer, and checks that it signs with the null provider. */
        @Setup
        public void setUp() {
            NullSignatureProvider.install();
            signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, BenchmarkKeys.of(keyType).getPrivate())
                    .signatureProvider(SignatureProvider.JDK)
                    .signatureCacheSize(cacheSize)
                    .build();
            String expected = "&Signature="
                    + NullSignatureProvider.encodedSignature(
                            "RSA".equals(keyType)
                                    ? NullSignatureProvider.RSA_LENGTH
                                    : NullSignatureProvider.ECDSA_LENGTH)
                    + "&";
            String url = signer.signUrl(Urls.unique(-1), SigningBenchmark.TTL);
            if (!url.contains(expected)) {
                throw new IllegalStateException("the signer did not use NullSignatureProvider: " + url);
            }
        }

        /** Removes the null provider. */
        @TearDown
        public void tearDown() {
            NullSignatureProvider.uninstall();
        }
    }

    /**
     * A cold canned-policy signed URL with the signature operation taken out.
     *
     * @param s the signer
     * @return the signed URL (with a signature of zeros)
     */
    @Benchmark
    public String coldCannedUrlWithoutSignature(NullSigning s) {
        return s.signer.signUrl(Urls.unique(s.n++), SigningBenchmark.TTL);
    }
}
