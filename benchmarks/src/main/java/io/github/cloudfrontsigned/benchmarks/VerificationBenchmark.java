package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.security.KeyPair;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The verifier, side by side with signing on the same key and provider: a canned-policy signed URL and a
 * custom-policy (wildcard, IP range) signed URL, each parsed from the raw URL string and verified completely
 * (signature, times, IP, resource) per operation. Issue 3's target: at least 20,000 RSA-2048 verifications/s
 * per core.
 */
public class VerificationBenchmark extends ThroughputBenchmark {

    /** Created by JMH. */
    public VerificationBenchmark() {}

    /** A verifier trusting one key, and URLs signed with it. */
    @State(Scope.Thread)
    public static class Keyed {
        /** {@code RSA} (RSA-2048, SHA-1) or {@code ECDSA} (P-256, SHA-256). */
        @Param({"RSA", "ECDSA"})
        public String keyType;

        /** The provider that verifies: {@code JDK} or {@code CORRETTO}. */
        @Param({"JDK", "CORRETTO"})
        public SignatureProvider provider;

        CloudFrontVerifier verifier;
        String cannedUrl;
        String customUrl;
        ViewerRequest customRequest;

        /** Created by JMH. */
        public Keyed() {}

        /** Signs the URLs and builds the verifier; checks that both verdicts allow. */
        @Setup
        public void setUp() {
            KeyPair pair = keyType.equals("RSA") ? BenchmarkKeys.rsa() : BenchmarkKeys.ecdsa();
            CloudFrontSigner signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, pair.getPrivate())
                    .signatureProvider(provider)
                    .build();
            verifier = CloudFrontVerifier.builder()
                    .trustedKey(BenchmarkKeys.KEY_PAIR_ID, pair.getPublic())
                    .signatureProvider(provider)
                    .build();
            String url = "https://d111111abcdef8.cloudfront.net/images/2026/photo-00042.jpg?size=large";
            cannedUrl = signer.signUrl(url, Duration.ofHours(1));
            customUrl = signer.signUrl(
                    url,
                    Policy.builder()
                            .resource("https://d111111abcdef8.cloudfront.net/images/*")
                            .expiresIn(Duration.ofHours(1))
                            .ipAddress("192.0.2.0/24")
                            .build());
            customRequest =
                    ViewerRequest.builder().url(customUrl).clientIp("192.0.2.7").build();
            for (Verdict v : new Verdict[] {verifier.verify(cannedUrl), verifier.verify(customRequest)}) {
                if (!v.isAllowed()) {
                    throw new IllegalStateException("benchmark URL does not verify: " + v.code() + ": " + v.reason());
                }
            }
        }
    }

    /**
     * A canned-policy signed URL: parse, rebuild the policy, verify the signature, check the expiry.
     *
     * @param s the verifier and URL
     * @return the verdict
     */
    @Benchmark
    public Verdict cannedUrl(Keyed s) {
        return s.verifier.verify(s.cannedUrl);
    }

    /**
     * A custom-policy signed URL with a wildcard resource and an IP range, from a viewer inside the range.
     *
     * @param s the verifier and request
     * @return the verdict
     */
    @Benchmark
    public Verdict customUrl(Keyed s) {
        return s.verifier.verify(
                ViewerRequest.builder().url(s.customUrl).clientIp("192.0.2.7").build());
    }
}
