package io.github.cloudfrontsigned.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/**
 * The baseline: AWS SDK for Java v2 {@code CloudFrontUtilities} (2.44.4: RSA with SHA-1, JDK provider) on the
 * same RSA-2048 key and the same URLs as {@link SigningBenchmark}, a new URL every call. The SDK is given the
 * loaded {@link PrivateKey} (its fastest use), except in {@link #cannedUrlKeyFile}, which passes the key file's
 * {@link Path} as the request builder also allows: the SDK then reads and parses the key on every request.
 */
public class SdkBaselineBenchmark extends ThroughputBenchmark {

    /** Created by JMH. */
    public SdkBaselineBenchmark() {}

    /** The SDK utility, the key, and the key written to a temporary PEM file. */
    @State(Scope.Thread)
    public static class Sdk {
        final CloudFrontUtilities utilities = CloudFrontUtilities.create();
        PrivateKey key;
        Path keyFile;
        long n;

        /** Created by JMH. */
        public Sdk() {}

        /**
         * Makes the key and writes it as an unencrypted PKCS#8 PEM file.
         *
         * @throws IOException if the temporary file cannot be written
         */
        @Setup
        public void setUp() throws IOException {
            key = BenchmarkKeys.rsa().getPrivate();
            keyFile = Files.createTempFile("cloudfront-signed-benchmark-", ".pem");
            Files.writeString(
                    keyFile,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                            + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
        }

        /**
         * Deletes the key file.
         *
         * @throws IOException if it cannot be deleted
         */
        @TearDown
        public void tearDown() throws IOException {
            Files.deleteIfExists(keyFile);
        }
    }

    /**
     * Cold canned-policy signed URL, as {@link SigningBenchmark#coldRsaCannedUrl}.
     *
     * @param s the SDK and key
     * @return the signed URL
     */
    @Benchmark
    public String cannedUrl(Sdk s) {
        String url = Urls.unique(s.n++);
        Instant expires = Instant.now().plus(SigningBenchmark.TTL);
        return s.utilities
                .getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url)
                        .privateKey(s.key)
                        .keyPairId(BenchmarkKeys.KEY_PAIR_ID)
                        .expirationDate(expires))
                .url();
    }

    /**
     * As {@link #cannedUrl}, with the key given as a PEM file path, which the SDK loads on every request.
     *
     * @param s the SDK and key file
     * @return the signed URL
     * @throws Exception if the SDK cannot load the key file (it declares {@code Exception})
     */
    @Benchmark
    public String cannedUrlKeyFile(Sdk s) throws Exception {
        CannedSignerRequest request = CannedSignerRequest.builder()
                .resourceUrl(Urls.unique(s.n++))
                .privateKey(s.keyFile)
                .keyPairId(BenchmarkKeys.KEY_PAIR_ID)
                .expirationDate(Instant.now().plus(SigningBenchmark.TTL))
                .build();
        return s.utilities.getSignedUrlWithCannedPolicy(request).url();
    }

    /**
     * Cold signed cookies for a wildcard custom policy, as {@link SigningBenchmark#coldRsaCustomPolicyCookies}.
     *
     * @param s the SDK and key
     * @return the cookies
     */
    @Benchmark
    public CookiesForCustomPolicy customPolicyCookies(Sdk s) {
        String resource = Urls.uniquePrefix(s.n++);
        Instant expires = Instant.now().plus(SigningBenchmark.TTL);
        return s.utilities.getCookiesForCustomPolicy(r -> r.resourceUrl(resource)
                .privateKey(s.key)
                .keyPairId(BenchmarkKeys.KEY_PAIR_ID)
                .expirationDate(expires));
    }
}
