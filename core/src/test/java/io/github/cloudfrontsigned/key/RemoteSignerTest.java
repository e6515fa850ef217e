package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.MovingClock;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.Verification;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class RemoteSignerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    /** A remote signer as KMS behaves: the private key stays inside it, SHA-256 only, every call counted. */
    private static final class InTestRemoteSigner implements RemoteSigner {
        final KeyPair pair;
        final AtomicInteger calls = new AtomicInteger();

        InTestRemoteSigner(KeyPair pair) {
            this.pair = pair;
        }

        @Override
        public PublicKey publicKey() {
            return pair.getPublic();
        }

        @Override
        public byte[] sign(HashAlgorithm hash, byte[] policyBytes) {
            calls.incrementAndGet();
            try {
                Signature s =
                        Signature.getInstance(hash.jcaName(pair.getPrivate().getAlgorithm()));
                s.initSign(pair.getPrivate());
                s.update(policyBytes);
                return s.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String description() {
            return "in-test remote key";
        }
    }

    private static String parameter(String url, String name) {
        for (String p : url.substring(url.indexOf('?') + 1).split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void rsaRemoteSigner_signsWithSha256AndItsSignatureVerifies() {
        InTestRemoteSigner remote = new InTestRemoteSigner(TestKeys.RSA);
        CloudFrontSigner signer =
                CloudFrontSigner.builder().key("KREMOTE", remote).clock(CLOCK).build();
        String url = signer.signUrl("https://d111111abcdef8.cloudfront.net/a.jpg", Duration.ofMinutes(10));
        assertEquals("SHA256", parameter(url, "Hash-Algorithm"));
        String policy = PolicyDocument.writeCanned(
                "https://d111111abcdef8.cloudfront.net/a.jpg", Long.parseLong(parameter(url, "Expires")));
        assertTrue(Verification.verifies(
                TestKeys.RSA.getPublic(), HashAlgorithm.SHA256, policy, parameter(url, "Signature")));
    }

    @Test
    void ecRemoteSigner_cookiesVerifyWithItsPublicKey() {
        InTestRemoteSigner remote = new InTestRemoteSigner(TestKeys.EC);
        CloudFrontSigner signer =
                CloudFrontSigner.builder().key("KREMOTE", remote).clock(CLOCK).build();
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource("https://d111111abcdef8.cloudfront.net/members/*")
                .expiresIn(Duration.ofHours(1))
                .build());
        assertEquals(HashAlgorithm.SHA256, cookies.hashAlgorithm());
        CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                .trustedKey("KREMOTE", signer.publicKey("KREMOTE"))
                .clock(CLOCK)
                .build();
        assertTrue(verifier.verify(ViewerRequest.builder()
                        .url("https://d111111abcdef8.cloudfront.net/members/v.mp4")
                        .cookieHeader(cookies.toCookieHeader())
                        .build())
                .isAllowed());
    }

    @Test
    void remoteSigner_samePolicyWithinOneGranularityWindow_callsTheRemoteSignerOnce() {
        InTestRemoteSigner remote = new InTestRemoteSigner(TestKeys.RSA);
        MovingClock moving = new MovingClock(Instant.parse("2026-01-01T10:00:05Z"));
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KREMOTE", remote)
                .clock(moving)
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        String first = signer.signUrl("https://d111111abcdef8.cloudfront.net/a.jpg", Duration.ofHours(1));
        moving.now.set(Instant.parse("2026-01-01T10:04:59Z"));
        String again = signer.signUrl("https://d111111abcdef8.cloudfront.net/a.jpg", Duration.ofHours(1));
        signer.signUrl("https://d111111abcdef8.cloudfront.net/b.jpg", Duration.ofHours(1));
        assertEquals(first, again);
        assertEquals(2, remote.calls.get(), "one remote call per distinct policy per window");
    }

    @Test
    void remoteSigner_withSha1Configured_isRefusedAtBuild() {
        CloudFrontSigner.Builder builder = CloudFrontSigner.builder()
                .key("KREMOTE", new InTestRemoteSigner(TestKeys.RSA))
                .hashAlgorithm(HashAlgorithm.SHA1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("SHA256 only"), e.getMessage());
    }

    @Test
    void remoteSigner_sha1View_refusesToSign() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KREMOTE", new InTestRemoteSigner(TestKeys.RSA))
                .clock(CLOCK)
                .build()
                .withHashAlgorithm(HashAlgorithm.SHA1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> signer.signUrl("https://d111111abcdef8.cloudfront.net/a.jpg", Duration.ofMinutes(10)));
        assertTrue(e.getMessage().contains("in-test remote key"), e.getMessage());
    }

    @Test
    void remoteSigner_describeActiveKey_namesTheRemoteKeyAndFingerprint() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KREMOTE", new InTestRemoteSigner(TestKeys.EC))
                .build();
        String d = signer.describeActiveKey();
        assertTrue(
                d.contains("in-test remote key")
                        && d.contains(Keys.fingerprint(TestKeys.EC.getPublic()))
                        && d.contains("hash SHA256"),
                d);
    }
}
