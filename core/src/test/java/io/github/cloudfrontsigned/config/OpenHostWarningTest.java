package io.github.cloudfrontsigned.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.MovingClock;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A cookie resource with a wildcard before the {@code /} that ends its host matches other hosts too: the
 * configuration warns at startup and names the fix ({@link SigningConfigurationChecks#openHostWarning(String)}).
 */
final class OpenHostWarningTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final CloudFrontSigner signer = CloudFrontSigner.builder()
            .key("K2JCJMDEHXQW5F", TestKeys.RSA.getPrivate())
            .clock(clock)
            .build();
    private final CloudFrontVerifier verifier = CloudFrontVerifier.builder()
            .trustedKey("K2JCJMDEHXQW5F", TestKeys.RSA.getPublic())
            .clock(clock)
            .build();

    private List<String> startupWarnings(String resource) {
        return LogCapture.messages(LogCapture.logged(
                        SigningConfiguration.class,
                        () -> SigningConfiguration.builder()
                                .signer(signer)
                                .cookie(CookieSpec.of(
                                        resource, CookieAttributes.builder().build()))
                                .build())
                .stream()
                .filter(r -> r.getLevel().equals(Level.WARNING))
                .toList());
    }

    @Test
    void resourceWithAWildcardInItsHost_warnsAtStartupWithTheFix() {
        List<String> warnings = startupWarnings("https://d111111abcdef8.cloudfront.net*");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(
                warnings.get(0)
                        .contains("also matches other hosts such as"
                                + " https://d111111abcdef8.cloudfront.net.evil.example/"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("https://d111111abcdef8.cloudfront.net/*"), warnings.get(0));
    }

    @Test
    void resourceWhoseHostEndsWithASlash_startsQuietly() {
        assertEquals(List.of(), startupWarnings("https://d111111abcdef8.cloudfront.net/*"));
        assertEquals(List.of(), startupWarnings("https://cdn.example.com/users/{user}/*"));
    }

    @Test
    void wildcardHostResource_reallyMatchesAnotherHost() {
        SignedCookies cookies = signer.signCookies(Policy.builder()
                .resource("https://d111111abcdef8.cloudfront.net*")
                .expiresIn(Duration.ofMinutes(5))
                .build());
        assertTrue(verifier.verify(ViewerRequest.builder()
                        .url("https://d111111abcdef8.cloudfront.net.evil.example/x")
                        .cookies(cookies.cookies())
                        .build())
                .isAllowed());
    }
}
