package io.github.cloudfrontsigned.request;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.MovingClock;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestRules#carriesFreshCookies}: cookies a request carries are re-issued only when they are not the
 * application's own, still valid for more than the refresh margin (10 minutes by default).
 */
final class FreshCookiesTest {

    private static final KeyPair KEY = TestKeys.RSA;
    private static final KeyPair OTHER_KEY = TestKeys.RSA_2;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String MEMBERS = "https://cdn.example.com/members/*";

    private static CloudFrontSigner signer(String keyPairId, KeyPair key) {
        return CloudFrontSigner.builder()
                .key(keyPairId, key.getPrivate())
                .clock(CLOCK)
                .build();
    }

    private static RequestRules rules(boolean withVerifier) {
        RequestRules.Builder b = RequestRules.builder(signer("KACTIVE", KEY));
        if (withVerifier) {
            b.verifier(CloudFrontVerifier.builder()
                    .trustedKey("KACTIVE", KEY.getPublic())
                    .clock(CLOCK)
                    .build());
        }
        return b.build();
    }

    private static Map<String, String> cookies(CloudFrontSigner signer, String resource, Duration ttl, String ip) {
        Policy.Builder p = Policy.builder().resource(resource).expiresIn(ttl);
        if (ip != null) {
            p.ipAddress(ip);
        }
        SignedCookies signed = signer.signCookies(p.build());
        Map<String, String> m = new LinkedHashMap<>();
        signed.cookies().forEach(c -> m.put(c.name(), c.value()));
        return m;
    }

    @Test
    void ownCookiesWithAnHourLeft_areFresh_checkedByTheVerifier() {
        RequestRules c = rules(true);
        assertTrue(c.carriesFreshCookies(
                MEMBERS, cookies(c.signer(), MEMBERS, Duration.ofHours(1), null), null, "192.0.2.7"));
    }

    @Test
    void ownCookiesWithAnHourLeft_areFresh_byTheirDecodedPolicyWithoutAVerifier() {
        RequestRules c = rules(false);
        assertTrue(c.carriesFreshCookies(MEMBERS, cookies(c.signer(), MEMBERS, Duration.ofHours(1), null), null, null));
    }

    @Test
    void cookiesWithLessThanTheRefreshMarginLeft_areNotFresh() {
        RequestRules c = rules(true);
        assertFalse(
                c.carriesFreshCookies(MEMBERS, cookies(c.signer(), MEMBERS, Duration.ofMinutes(5), null), null, null));
    }

    @Test
    void cookiesForAnotherResource_areNotFresh() {
        RequestRules c = rules(true);
        assertFalse(c.carriesFreshCookies(
                MEMBERS,
                cookies(c.signer(), "https://cdn.example.com/other/*", Duration.ofHours(1), null),
                null,
                null));
    }

    @Test
    void cookiesBoundToAnotherAddress_areNotFresh() {
        RequestRules c = rules(false);
        assertFalse(c.carriesFreshCookies(
                MEMBERS,
                cookies(c.signer(), MEMBERS, Duration.ofHours(1), "192.0.2.7"),
                "198.51.100.1/32",
                "198.51.100.1"));
    }

    @Test
    void cookiesOfAnotherKeyPairId_areNotFresh() {
        RequestRules c = rules(false);
        assertFalse(c.carriesFreshCookies(
                MEMBERS, cookies(signer("KOLD", OTHER_KEY), MEMBERS, Duration.ofHours(1), null), null, null));
    }

    @Test
    void cookiesWithAForgedSignature_areNotFresh_whenTheVerifierChecks() {
        RequestRules c = rules(true);
        assertFalse(c.carriesFreshCookies(
                MEMBERS, cookies(signer("KACTIVE", OTHER_KEY), MEMBERS, Duration.ofHours(1), null), null, null));
    }

    @Test
    void cookiesThatVerifiedBefore_stopBeingFreshWhenTheMarginIsReached() {
        MovingClock clock = new MovingClock(CLOCK.instant());
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("KACTIVE", KEY.getPrivate())
                .clock(clock)
                .build();
        RequestRules c = RequestRules.builder(signer)
                .verifier(CloudFrontVerifier.builder()
                        .trustedKey("KACTIVE", KEY.getPublic())
                        .clock(clock)
                        .build())
                .build();
        Map<String, String> carried = cookies(signer, MEMBERS, Duration.ofHours(1), null);
        assertTrue(c.carriesFreshCookies(MEMBERS, carried, null, null));
        assertTrue(c.carriesFreshCookies(MEMBERS, carried, null, null), "the same cookies again");
        clock.now.set(CLOCK.instant().plus(Duration.ofMinutes(55)));
        assertFalse(c.carriesFreshCookies(MEMBERS, carried, null, null), "5 minutes left, margin 10 minutes");
    }

    @Test
    void noCookies_areNotFresh() {
        assertFalse(rules(true).carriesFreshCookies(MEMBERS, Map.of(), null, null));
    }
}
