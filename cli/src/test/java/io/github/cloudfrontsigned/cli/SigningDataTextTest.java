package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.verify.SignedRequest;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link SigningDataText}: what {@code inspect} prints. */
class SigningDataTextTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String URL = "https://d111111abcdef8.cloudfront.net/images/cat.jpg";

    @Test
    void describe_showsTimesInUtcAndRelativeToNow() {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        String text = SigningDataText.describe(
                SignedRequest.parse(ViewerRequest.fromUrl(signer.signUrl(URL, NOW.plusSeconds(5400)))), NOW);
        assertTrue(text.startsWith("Signed URL, canned policy\n"), text);
        assertTrue(text.contains("Key pair ID:      K2JCJMDEHXQW5F"), text);
        assertTrue(text.contains("Hash algorithm:   SHA1 (the default: no Hash-Algorithm)"), text);
        assertTrue(
                text.contains("DateLessThan:     2026-11-22T11:30:00Z (epoch " + (NOW.getEpochSecond() + 5400)
                        + "), in 1 hour 30 minutes"),
                text);
    }

    @Test
    void describe_listsProblems() {
        String text = SigningDataText.describe(
                SignedRequest.parse(ViewerRequest.fromUrl(URL + "?Policy=%%%&Signature=abc!&Hash-Algorithm=MD5")), NOW);
        assertTrue(text.contains("Problem:          there is no Key-Pair-Id"), text);
        assertTrue(text.contains("Problem:          Policy is not in CloudFront's base64"), text);
        assertTrue(text.contains("Problem:          Hash-Algorithm \"MD5\" is not SHA1 or SHA256"), text);
        assertTrue(text.contains("Problem:          Signature is not in CloudFront's base64 alphabet"), text);
    }

    @Test
    void describe_ofAnUnsignedRequest_saysSo() {
        assertTrue(SigningDataText.describe(SignedRequest.parse(ViewerRequest.fromUrl(URL)), NOW)
                .startsWith("Not signed: "));
    }
}
