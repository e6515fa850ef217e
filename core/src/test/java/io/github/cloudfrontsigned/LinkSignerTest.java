package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class LinkSignerTest {

    private static final String URL = "https://cdn.example.com/private/a.mp4";
    private static final Policy TEN_MINUTES =
            Policy.builder().expiresIn(Duration.ofMinutes(10)).build();

    /** A clock the test moves. */
    @Test
    void linkSigner_answersExactlyWhatTheSignerWouldAnswerNow() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-22T10:00:00Z"));
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .clock(clock)
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        LinkSigner memo = signer.linkSigner(Duration.ofMinutes(10));
        String first = memo.signingParameters(URL);
        for (int seconds = 0; seconds <= 900; seconds += 30) {
            clock.now.set(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(seconds));
            assertEquals(
                    signer.signingParameters(URL, TEN_MINUTES), memo.signingParameters(URL), "at +" + seconds + "s");
        }
        assertNotEquals(first, memo.signingParameters(URL), "a later window gives a later expiry");
    }

    @Test
    void linkSigner_followsKeyRotation() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .key("KNEXT", TestKeys.RSA.getPrivate())
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        LinkSigner memo = signer.linkSigner(Duration.ofMinutes(10));
        memo.signingParameters(URL);
        signer.activate("KNEXT");
        assertEquals(signer.signingParameters(URL, TEN_MINUTES), memo.signingParameters(URL));
    }

    @Test
    void linkSigner_leavesCustomPolicyLinksToTheSigner() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .build();
        String parameters = signer.linkSigner(Duration.ofMinutes(10)).signingParameters(URL + "?a=1");
        assertEquals(true, parameters.startsWith("Expires="), parameters);
    }
}
