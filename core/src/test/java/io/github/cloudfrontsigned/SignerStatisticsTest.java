package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link CloudFrontSigner#statistics()}: what metrics read. */
final class SignerStatisticsTest {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/private/a.jpg";

    private static CloudFrontSigner signer() {
        return CloudFrontSigner.builder()
                .key("K2JCJMDEHXQW5F", TestKeys.EC.getPrivate())
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
    }

    @Test
    void statistics_startAtZero() {
        assertEquals(new CloudFrontSigner.Statistics(0, 0, 0, 0), signer().statistics());
        assertEquals(0.0, signer().statistics().reuseRatio());
    }

    @Test
    void statistics_countARepeatedLinkAsOneComputedAndOneReusedSignature() {
        CloudFrontSigner signer = signer();
        signer.signUrl(URL, Duration.ofMinutes(10));
        signer.signUrl(URL, Duration.ofMinutes(10));
        assertEquals(new CloudFrontSigner.Statistics(2, 0, 1, 1), signer.statistics());
        assertEquals(0.5, signer.statistics().reuseRatio());
    }

    @Test
    void statistics_countLinkSignerMemoHitsAsReused() {
        CloudFrontSigner signer = signer();
        var links = signer.linkSigner(Duration.ofMinutes(10));
        links.signingParameters(URL);
        links.signingParameters(URL);
        links.signingParameters(URL);
        assertEquals(new CloudFrontSigner.Statistics(3, 0, 1, 2), signer.statistics());
    }

    @Test
    void statistics_countCookieSets() {
        CloudFrontSigner signer = signer();
        signer.signCookies(Policy.builder()
                .resource("https://d111111abcdef8.cloudfront.net/members/*")
                .expiresIn(Duration.ofHours(1))
                .build());
        assertEquals(1, signer.statistics().cookiesSigned());
        assertEquals(0, signer.statistics().linksSigned());
    }

    @Test
    void statistics_areSharedWithHashAlgorithmViews() {
        CloudFrontSigner signer = signer();
        signer.withHashAlgorithm(HashAlgorithm.SHA256).signUrl(URL, Duration.ofMinutes(10));
        assertEquals(1, signer.statistics().linksSigned());
    }
}
