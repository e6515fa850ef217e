package io.github.cloudfrontsigned.benchmarks;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The issue-13 findings and {@link HostileInputBenchmark}'s inputs, timed in thread CPU time (median of repeated
 * calls), which a loaded machine disturbs far less than wall time. It uses only the public API of 6bf0ed3, so the
 * same class measures the code before the fix: compile it against that commit's core classes and run it with
 * them on the class path (see benchmarks/RESULTS.md). Not a JMH benchmark: a before/after harness for findings
 * that took seconds per call.
 */
public final class HostileInputTiming {

    private static final String HOST = "https://d111111abcdef8.cloudfront.net";
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HostileInputTiming() {}

    /**
     * Prints one line per input: the median CPU time of one verification and the start of the verdict.
     *
     * @param args none
     * @throws GeneralSecurityException if the JDK cannot make RSA or EC keys
     */
    public static void main(String[] args) throws GeneralSecurityException {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        KeyPair rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(256);
        KeyPair ec = ecGenerator.generateKeyPair();
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", rsa.getPrivate())
                .build();
        CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                .trustedKey("K2JCJMDEHXQW5F", rsa.getPublic())
                .trustedKey("K3ECDSAKEY", ec.getPublic())
                .build();
        long expires = System.currentTimeMillis() / 1000 + 3600;
        String tail = "Expires=" + expires + "&Signature=" + forged() + "&Key-Pair-Id=K2JCJMDEHXQW5F";
        Map<String, ViewerRequest> inputs = new LinkedHashMap<>();
        inputs.put(
                "valid RSA canned URL (ordinary)",
                ViewerRequest.fromUrl(
                        signer.signUrl(HOST + "/images/2026/photo-00042.jpg?size=large", Duration.ofHours(1))));
        inputs.put(
                "valid ECDSA canned URL (ordinary)",
                ViewerRequest.fromUrl(CloudFrontSigner.builder()
                        .key("K3ECDSAKEY", ec.getPrivate())
                        .build()
                        .signUrl(HOST + "/images/2026/photo-00042.jpg?size=large", Duration.ofHours(1))));
        inputs.put("1: a& x 7000, forged (14 KB)", ViewerRequest.fromUrl(HOST + "/a?" + "a&".repeat(7000) + tail));
        inputs.put("1: a& x 3800, forged (7.6 KB)", ViewerRequest.fromUrl(HOST + "/a?" + "a&".repeat(3800) + tail));
        inputs.put(
                "1: a& x 995 + path, forged (8 KB)",
                ViewerRequest.fromUrl(HOST + "/" + "a".repeat(5700) + "?" + "a&".repeat(995) + tail));
        inputs.put("2: 1,200 parameters, forged (9 KB)", ViewerRequest.fromUrl(HOST + "/a?" + parameters(1200) + tail));
        inputs.put("2: 1,000 parameters, forged (7 KB)", ViewerRequest.fromUrl(HOST + "/a?" + parameters(1000) + tail));
        inputs.put("2: 990 parameters, forged (7 KB)", ViewerRequest.fromUrl(HOST + "/a?" + parameters(990) + tail));
        inputs.put(
                "re-encoded 8 KB path, forged",
                ViewerRequest.fromUrl(HOST + "/" + "%2F%41b+".repeat(940) + "?q=%20+&r=1&" + tail));
        inputs.put(
                "forged ECDSA signature (8 KB)",
                ViewerRequest.fromUrl(HOST + "/" + "%41b".repeat(1900)
                        + "?q=%20&r=1&Expires=" + expires + "&Signature=" + ecdsaSignatureOfAnotherKey(ecGenerator)
                        + "&Key-Pair-Id=K3ECDSAKEY&Hash-Algorithm=SHA256"));
        ViewerRequest.Builder cookies = ViewerRequest.builder().url(HOST + "/a.jpg");
        for (int i = 0; i < 176; i++) {
            cookies.cookie("c" + i, "v".repeat(100));
        }
        inputs.put(
                "179 cookies, forged (18 KB)",
                cookies.cookie("CloudFront-Expires", Long.toString(expires))
                        .cookie("CloudFront-Signature", forged())
                        .cookie("CloudFront-Key-Pair-Id", "K2JCJMDEHXQW5F")
                        .build());
        String deep = HOST + "/" + "*a".repeat(3000) + "*b";
        inputs.put("3: *a x 3000 Resource, 8 KB URL, match", wildcard(signer, deep, "a".repeat(7999) + "b"));
        inputs.put("3: *a x 3000 Resource, 8 KB URL, mismatch", wildcard(signer, deep, "a".repeat(8000)));
        inputs.put(
                "3: *a x 1000 Resource, 3 KB URL, mismatch",
                wildcard(signer, HOST + "/" + "*a".repeat(1000) + "*b", "a".repeat(3000) + "?x=1&y=2"));
        inputs.put(
                "3: *? x 2900 Resource, 8 KB URL (worst)",
                wildcard(signer, HOST + "/" + "*?".repeat(2900) + "*b", "a".repeat(7990) + "?x=1"));
        for (Map.Entry<String, ViewerRequest> e : inputs.entrySet()) {
            Verdict verdict = verifier.verify(e.getValue());
            String reason = verdict.toString().replace('\n', ' ');
            System.out.printf(
                    "%-44s CPU median %10.3f ms   %s%n",
                    e.getKey(),
                    median(verifier, e.getValue()) / 1e6,
                    reason.substring(0, Math.min(80, reason.length())));
        }
    }

    /** The median thread CPU time of one verification: at least 5 calls, then for up to 3 s or 2,000 calls. */
    private static long median(CloudFrontVerifier verifier, ViewerRequest request) {
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        while (times.size() < 5 || (System.nanoTime() - start < 3_000_000_000L && times.size() < 2000)) {
            long t0 = CPU.getCurrentThreadCpuTime();
            verifier.verify(request).reason();
            times.add(CPU.getCurrentThreadCpuTime() - t0);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static ViewerRequest wildcard(CloudFrontSigner signer, String resource, String path) {
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource(resource)
                .expiresIn(Duration.ofHours(1))
                .build());
        return ViewerRequest.builder()
                .url(HOST + "/" + path)
                .cookies(cookies.cookies())
                .build();
    }

    private static String parameters(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append('p').append(i).append("=1&");
        }
        return sb.toString();
    }

    private static String forged() {
        byte[] bytes = new byte[256];
        new Random(1).nextBytes(bytes);
        return cloudFrontBase64(bytes);
    }

    private static String ecdsaSignatureOfAnotherKey(KeyPairGenerator generator) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update(new byte[] {1, 2, 3});
        return cloudFrontBase64(signature.sign());
    }

    private static String cloudFrontBase64(byte[] bytes) {
        return Base64.getEncoder()
                .encodeToString(bytes)
                .replace('+', '-')
                .replace('=', '_')
                .replace('/', '~');
    }
}
