package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.request.RequestRules;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a request that carries the configuration's own signed cookies costs the servlet filter and the JAX-RS
 * feature: {@link RequestRules#carriesFreshCookies} (the same cookies on every request, RSA-2048 on the
 * JDK) side by side with signing the cookies again (a signature-cache hit within the expiry window).
 */
public class FreshCookiesBenchmark extends ThroughputBenchmark {

    private static final String RESOURCE = "https://d111111abcdef8.cloudfront.net/members/*";

    /** Created by JMH. */
    public FreshCookiesBenchmark() {}

    /** An application's request rules with a verifier, and the cookies they issued. */
    @State(Scope.Thread)
    public static class Carried {
        RequestRules rules;
        Map<String, String> cookies;
        Policy policy;

        /** Created by JMH. */
        public Carried() {}

        /** Builds the rules and signs the cookies once. */
        @Setup
        public void setUp() {
            KeyPair rsa = BenchmarkKeys.rsa();
            CloudFrontSigner signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, rsa.getPrivate())
                    .signatureProvider(SignatureProvider.JDK)
                    .build();
            rules = RequestRules.builder(signer)
                    .verifier(CloudFrontVerifier.builder()
                            .trustedKey(BenchmarkKeys.KEY_PAIR_ID, rsa.getPublic())
                            .signatureProvider(SignatureProvider.JDK)
                            .build())
                    .build();
            policy = Policy.builder()
                    .resource(RESOURCE)
                    .expiresIn(Duration.ofHours(1))
                    .build();
            cookies = new HashMap<>();
            signer.signCookies(policy).cookies().forEach(c -> cookies.put(c.name(), c.value()));
        }
    }

    /**
     * @param c the carried cookies
     * @return whether they are fresh (always: keeps the work observable)
     */
    @Benchmark
    public boolean carriedCookiesCheck(Carried c) {
        return c.rules.carriesFreshCookies(RESOURCE, c.cookies, null, "192.0.2.7");
    }

    /**
     * @param c the rules
     * @return the cookies signed again (a cache hit)
     */
    @Benchmark
    public Object signAgain(Carried c) {
        return c.rules.signer().signCookies(c.policy);
    }
}
