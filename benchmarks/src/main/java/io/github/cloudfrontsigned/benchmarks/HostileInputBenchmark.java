package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The verifier against the worst crafted input of each class (issue 13), beside {@link VerificationBenchmark}:
 * each operation verifies one request completely (limits, signature, the denial's reason rendered). Read each
 * input as a ratio to {@code valid}, a valid canned-policy URL of ordinary size; the goal is that no input up to
 * 8 KB costs more than 10 valid verifications. RSA-2048 and ECDSA P-256 keys, JDK provider.
 */
public class HostileInputBenchmark extends ThroughputBenchmark {

    private static final String HOST = "https://d111111abcdef8.cloudfront.net";

    /** Created by JMH. */
    public HostileInputBenchmark() {}

    /** A verifier trusting an RSA and an ECDSA key, and the hostile requests. */
    @State(Scope.Thread)
    public static class Inputs {
        /**
         * The input: {@code valid} (the yardstick: RSA-2048), {@code validEcdsa} (the same URL signed with the
         * ECDSA key, the yardstick for {@code forgedEcdsa}), or a class of hostile input: {@code emptyParameters} (995
         * {@code a&} and a path, 8 KB, forged RSA signature), {@code distinctParameters} (990 parameters, 7 KB,
         * forged), {@code reencodedPath} (an 8 KB path of escapes, forged), {@code forgedEcdsa} (8 KB, a real
         * ECDSA signature by another key: every variant costs a verification), {@code overLimitUrl} (14 KB of {@code a&}, the example),
         * {@code manyCookies} (179 cookies, 18 KB, forged signed cookies), {@code wildcardMatch} /
         * {@code wildcardMismatch} (a 6 KB Resource of 3,000 wildcards in signed cookies against an 8 KB URL:
         * the key holder's input), {@code wildcardAnyOne} (a 6 KB Resource of {@code *?} pairs, whose states all
         * stay live before the query's {@code ?}: the matcher's worst case).
         */
        @Param({
            "valid",
            "validEcdsa",
            "emptyParameters",
            "distinctParameters",
            "reencodedPath",
            "forgedEcdsa",
            "overLimitUrl",
            "manyCookies",
            "wildcardMatch",
            "wildcardMismatch",
            "wildcardAnyOne"
        })
        public String input;

        CloudFrontVerifier verifier;
        ViewerRequest request;

        /** Created by JMH. */
        public Inputs() {}

        /** Signs and forges the requests. */
        @Setup
        public void setUp() {
            KeyPair rsa = BenchmarkKeys.rsa();
            KeyPair ec = BenchmarkKeys.ecdsa();
            CloudFrontSigner signer = CloudFrontSigner.builder()
                    .key(BenchmarkKeys.KEY_PAIR_ID, rsa.getPrivate())
                    .signatureProvider(SignatureProvider.JDK)
                    .build();
            verifier = CloudFrontVerifier.builder()
                    .trustedKey(BenchmarkKeys.KEY_PAIR_ID, rsa.getPublic())
                    .trustedKey("K3ECDSAKEY", ec.getPublic())
                    .signatureProvider(SignatureProvider.JDK)
                    .build();
            ViewerRequest valid = ViewerRequest.fromUrl(
                    signer.signUrl(HOST + "/images/2026/photo-00042.jpg?size=large", Duration.ofHours(1)));
            long expires = System.currentTimeMillis() / 1000 + 3600;
            String forged =
                    "Expires=" + expires + "&Signature=" + forged(256) + "&Key-Pair-Id=" + BenchmarkKeys.KEY_PAIR_ID;
            StringBuilder distinct = new StringBuilder();
            for (int i = 0; i < 990; i++) {
                distinct.append('p').append(i).append("=1&");
            }
            switch (input) {
                case "valid":
                    request = valid;
                    break;
                case "validEcdsa":
                    request = ViewerRequest.fromUrl(CloudFrontSigner.builder()
                            .key("K3ECDSAKEY", ec.getPrivate())
                            .signatureProvider(SignatureProvider.JDK)
                            .build()
                            .signUrl(HOST + "/images/2026/photo-00042.jpg?size=large", Duration.ofHours(1)));
                    break;
                case "emptyParameters":
                    request = ViewerRequest.fromUrl(HOST + "/" + "a".repeat(5700) + "?" + "a&".repeat(995) + forged);
                    break;
                case "distinctParameters":
                    request = ViewerRequest.fromUrl(HOST + "/a?" + distinct + forged);
                    break;
                case "reencodedPath":
                    request = ViewerRequest.fromUrl(HOST + "/" + "%2F%41b+".repeat(940) + "?q=%20+&r=1&" + forged);
                    break;
                case "forgedEcdsa":
                    request = ViewerRequest.fromUrl(
                            HOST + "/" + "%41b".repeat(1900) + "?q=%20&r=1&Expires=" + expires + "&Signature="
                                    + ecdsaSignatureOfAnotherKey() + "&Key-Pair-Id=K3ECDSAKEY&Hash-Algorithm=SHA256");
                    break;
                case "overLimitUrl":
                    request = ViewerRequest.fromUrl(HOST + "/a?" + "a&".repeat(7000) + forged);
                    break;
                case "manyCookies":
                    ViewerRequest.Builder b = ViewerRequest.builder().url(HOST + "/a.jpg");
                    for (int i = 0; i < 176; i++) {
                        b.cookie("c" + i, "v".repeat(100));
                    }
                    request = b.cookie("CloudFront-Expires", Long.toString(expires))
                            .cookie("CloudFront-Signature", forged(256))
                            .cookie("CloudFront-Key-Pair-Id", BenchmarkKeys.KEY_PAIR_ID)
                            .build();
                    break;
                case "wildcardAnyOne":
                    SignedCookies anyOne = signer.signCookies(Policy.builder()
                            .resource(HOST + "/" + "*?".repeat(2900) + "*b")
                            .expiresIn(Duration.ofHours(1))
                            .build());
                    request = ViewerRequest.builder()
                            .url(HOST + "/" + "a".repeat(7990) + "?x=1")
                            .cookies(anyOne.cookies())
                            .build();
                    break;
                default:
                    SignedCookies cookies = signer.signCookies(Policy.builder()
                            .resource(HOST + "/" + "*a".repeat(3000) + "*b")
                            .expiresIn(Duration.ofHours(1))
                            .build());
                    String path = input.equals("wildcardMatch") ? "a".repeat(7999) + "b" : "a".repeat(8000);
                    request = ViewerRequest.builder()
                            .url(HOST + "/" + path)
                            .cookies(cookies.cookies())
                            .build();
            }
            if ((input.startsWith("valid") || input.equals("wildcardMatch"))
                    != verifier.verify(request).isAllowed()) {
                throw new IllegalStateException(input + ": " + verifier.verify(request));
            }
        }

        /** A well-formed DER ECDSA signature that no trusted key made: the verifier must do the math to refuse it. */
        private static String ecdsaSignatureOfAnotherKey() {
            try {
                java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
                generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
                java.security.Signature signature = java.security.Signature.getInstance("SHA256withECDSA");
                signature.initSign(generator.generateKeyPair().getPrivate());
                signature.update(new byte[] {1, 2, 3});
                return Base64.getEncoder()
                        .encodeToString(signature.sign())
                        .replace('+', '-')
                        .replace('=', '_')
                        .replace('/', '~');
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String forged(int length) {
            byte[] bytes = new byte[length];
            new Random(length).nextBytes(bytes);
            bytes[0] = 0x30;
            bytes[1] = (byte) (length - 2);
            return Base64.getEncoder()
                    .encodeToString(bytes)
                    .replace('+', '-')
                    .replace('=', '_')
                    .replace('/', '~');
        }
    }

    /**
     * One request, verified completely, with the denial's reason rendered.
     *
     * @param s the inputs
     * @return the reason
     */
    @Benchmark
    public String verify(Inputs s) {
        return s.verifier.verify(s.request).reason();
    }
}
