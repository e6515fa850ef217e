package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.Verification;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import java.lang.ref.WeakReference;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

final class RefreshingPrivateKeyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String URL = "https://d111111abcdef8.cloudfront.net/a.jpg";

    /** A key store in the test: hands out what it holds now, or fails with the given error. */
    private static final class InTestStore implements RefreshingPrivateKey.Fetcher {
        volatile PrivateKey key;
        volatile RuntimeException failure;
        volatile int fetches;

        InTestStore(KeyPair pair) {
            this.key = pair.getPrivate();
        }

        @Override
        public PrivateKey fetch() {
            fetches++;
            if (failure != null) {
                throw failure;
            }
            return key;
        }
    }

    private static boolean signedBy(KeyPair pair, String url) {
        String q = url.substring(url.indexOf('?') + 1);
        String expires = q.replaceAll(".*Expires=([0-9]+).*", "$1");
        String signature = q.replaceAll(".*Signature=([^&]+).*", "$1");
        return Verification.verifies(
                pair.getPublic(),
                HashAlgorithm.SHA1,
                PolicyDocument.writeCanned(URL, Long.parseLong(expires)),
                signature);
    }

    @Test
    void start_fetchesOnce_andSignerSignsWithTheFetchedKey() {
        InTestStore store = new InTestStore(TestKeys.RSA);
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", null, store)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSTORE", key).clock(CLOCK).build();
            assertTrue(signedBy(TestKeys.RSA, signer.signUrl(URL, Duration.ofMinutes(10))));
            signer.signUrl(URL, Duration.ofMinutes(20));
            assertEquals(1, store.fetches, "signing never fetches");
        }
    }

    @Test
    void refresh_afterRotation_signerSignsWithTheNewKeyAndDropsCachedSignatures() {
        InTestStore store = new InTestStore(TestKeys.RSA);
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", null, store)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSTORE", key).clock(CLOCK).build();
            signer.signUrl(URL, Duration.ofMinutes(10));
            store.key = TestKeys.RSA_2.getPrivate();
            assertTrue(key.refresh());
            assertTrue(signedBy(TestKeys.RSA_2, signer.signUrl(URL, Duration.ofMinutes(10))));
        }
    }

    @Test
    void refresh_sameKeyAgain_keepsTheKeyObject() {
        InTestStore store = new InTestStore(TestKeys.RSA);
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", null, store)) {
            PrivateKey before = key.privateKey();
            store.key =
                    Keys.loadPrivateKey(KeySource.der(TestKeys.RSA.getPrivate().getEncoded()));
            assertFalse(key.refresh());
            assertSame(before, key.privateKey());
        }
    }

    @Test
    void refresh_failing_keepsTheLastGoodKeyAndLogsOncePerRunOfFailures() {
        InTestStore store = new InTestStore(TestKeys.RSA);
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", null, store)) {
            CloudFrontSigner signer =
                    CloudFrontSigner.builder().key("KSTORE", key).clock(CLOCK).build();
            store.failure = new IllegalStateException("ThrottlingException: Rate exceeded");
            List<LogRecord> records = LogCapture.logged(RefreshingPrivateKey.class, () -> {
                key.refresh();
                key.refresh();
                key.refresh();
            });
            assertTrue(signedBy(TestKeys.RSA, signer.signUrl(URL, Duration.ofMinutes(10))));
            assertEquals("ThrottlingException: Rate exceeded", key.lastRefreshFailure());
            assertEquals(
                    1,
                    records.stream().filter(r -> r.getLevel() == Level.WARNING).count());
            store.failure = null;
            key.refresh();
            assertNull(key.lastRefreshFailure());
        }
    }

    @Test
    void refresh_unsupportedKey_keepsTheLastGoodKey() throws Exception {
        InTestStore store = new InTestStore(TestKeys.RSA);
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", null, store)) {
            java.security.KeyPairGenerator dsa = java.security.KeyPairGenerator.getInstance("DSA");
            dsa.initialize(2048);
            store.key = dsa.generateKeyPair().getPrivate();
            assertFalse(key.refresh());
            assertSame(TestKeys.RSA.getPrivate(), key.privateKey());
            assertTrue(key.lastRefreshFailure().contains("in-test store"), key.lastRefreshFailure());
        }
    }

    @Test
    void start_firstFetchFails_throwsKeyLoadingExceptionNamingTheSourceAndError() {
        InTestStore store = new InTestStore(TestKeys.RSA);
        store.failure = new IllegalStateException("AccessDeniedException: not authorized");
        KeyLoadingException e = assertThrows(
                KeyLoadingException.class,
                () -> RefreshingPrivateKey.start("secret cloudfront/key", Duration.ofMinutes(5), store));
        assertTrue(
                e.getMessage().contains("secret cloudfront/key")
                        && e.getMessage().contains("AccessDeniedException"),
                e.getMessage());
    }

    @Test
    void backgroundRefresh_picksUpARotatedKeyWithoutACall() throws Exception {
        InTestStore store = new InTestStore(TestKeys.RSA);
        try (RefreshingPrivateKey key = RefreshingPrivateKey.start("in-test store", Duration.ofSeconds(1), store)) {
            store.key = TestKeys.RSA_2.getPrivate();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (key.privateKey() != TestKeys.RSA_2.getPrivate() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertSame(TestKeys.RSA_2.getPrivate(), key.privateKey());
        }
    }

    @Test
    void providerNobodyHoldsAnyMore_stopsItsRefreshThreadAtTheNextTick() throws Exception {
        InTestStore store = new InTestStore(TestKeys.RSA);
        WeakReference<RefreshingPrivateKey> ref =
                new WeakReference<>(RefreshingPrivateKey.start("in-test store", Duration.ofSeconds(1), store));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(ref.get(), "the refresh thread must not keep the provider reachable");
        Thread.sleep(1500); // the next tick finds the provider gone and stops the thread
        int fetches = store.fetches;
        Thread.sleep(2500);
        assertEquals(fetches, store.fetches, "no refresh after the thread stopped");
    }
}
