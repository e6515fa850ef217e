package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The memo answers exactly what the signer would answer now: same window, moved window, rotated key. */
final class LinkMemoTest {

    private static final String URL = "https://cdn.example.com/private/a.mp4";

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:01Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final CloudFrontSigner signer = CloudFrontSigner.builder().key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
            .key("K3SECONDKEY", secondKey()).clock(clock).expiryGranularity(Duration.ofMinutes(5)).build();
    private final Policy policy = Policy.builder().expiresIn(Duration.ofHours(1)).build();
    private final LinkMemo memo = new LinkMemo(signer, policy);

    private static java.security.PrivateKey secondKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withinOneGranularityWindow_theParametersAreTheSignersOwn() {
        String first = memo.signingParameters(URL);
        clock.now = clock.now.plusSeconds(298);
        assertEquals(signer.signingParameters(URL, policy), memo.signingParameters(URL));
        assertEquals(first, memo.signingParameters(URL));
    }

    @Test
    void afterTheWindow_theExpiryMovesOn() {
        String first = memo.signingParameters(URL);
        clock.now = clock.now.plusSeconds(300);
        String later = memo.signingParameters(URL);
        assertNotEquals(first, later);
        assertEquals(signer.signingParameters(URL, policy), later);
    }

    @Test
    void afterKeyRotation_theNewKeySigns() {
        memo.signingParameters(URL);
        signer.activate("K3SECONDKEY");
        assertTrue(memo.signingParameters(URL).endsWith("&Key-Pair-Id=K3SECONDKEY"));
    }
}
