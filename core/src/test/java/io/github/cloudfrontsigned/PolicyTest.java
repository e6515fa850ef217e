package io.github.cloudfrontsigned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class PolicyTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-01T00:00:00Z");

    private static String resourceError(String resource) {
        return assertThrows(
                        IllegalArgumentException.class, () -> Policy.builder().resource(resource))
                .getMessage();
    }

    @Test
    void resourceWithDoubleQuote_isRefusedNamingCharacterAndPosition() {
        String m = resourceError("https://example.com/file\",\"Resource\":\"*");
        assertTrue(m.contains("'\"' (U+0022) at position 24") && m.contains("policy JSON"), m);
    }

    @Test
    void resourceWithBackslash_isRefused() {
        assertTrue(resourceError("https://example.com/a\\b").contains("'\\' (U+005C) at position 21"));
    }

    @Test
    void resourceWithControlCharacter_isRefusedAndPrintedEscaped() {
        String m = resourceError("https://example.com/a\nb");
        assertTrue(m.contains("U+000A (a control character) at position 21") && m.contains("\\u000A"), m);
    }

    @Test
    void resourceWithNonAscii_isRefusedSuggestingPercentEncoding() {
        String m = resourceError("https://example.com/café.jpg");
        assertTrue(m.contains("'é' (U+00E9) at position 23") && m.contains("percent-encode"), m);
    }

    @Test
    void resourceWithSpace_isRefused() {
        assertTrue(resourceError("https://example.com/a b").contains("%20"));
    }

    @Test
    void resourceWithFragment_isRefused() {
        assertTrue(resourceError("https://example.com/a#top").contains("fragment"));
    }

    @Test
    void resourceWithoutAcceptedScheme_isRefused() {
        assertTrue(resourceError("ftp://example.com/a").contains("must start with http://, https:// or *://"));
    }

    @Test
    void resourceWildcardForms_areAccepted() {
        for (String r : new String[] {
            "*", "*://example.com/*", "https://*.example.com/a?b*", "*example.com", "http://example.com*"
        }) {
            assertEquals(
                    r, Policy.builder().resource(r).dateLessThan(EXPIRY).build().resource());
        }
    }

    @Test
    void bareIpAddress_becomesSlash32() {
        assertEquals(
                "192.0.2.7/32",
                Policy.builder()
                        .dateLessThan(EXPIRY)
                        .ipAddress("192.0.2.7")
                        .build()
                        .ipAddress());
    }

    @Test
    void cidrRange_isKept() {
        assertEquals(
                "10.0.0.0/8",
                Policy.builder()
                        .dateLessThan(EXPIRY)
                        .ipAddress("10.0.0.0/8")
                        .build()
                        .ipAddress());
    }

    @Test
    void ipv6_isRefused() {
        String m = assertThrows(
                        IllegalArgumentException.class, () -> Policy.builder().ipAddress("2001:db8::/32"))
                .getMessage();
        assertTrue(m.contains("IPv6"), m);
    }

    @Test
    void malformedCidr_isRefused() {
        for (String bad :
                new String[] {"10.0.0/8", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/", "01.0.0.0", "10.0.0.0/8/9"}) {
            String m = assertThrows(
                            IllegalArgumentException.class,
                            () -> Policy.builder().ipAddress(bad))
                    .getMessage();
            assertTrue(m.startsWith("IpAddress \"" + bad + "\""), m);
        }
    }

    @Test
    void ipAddressWithJsonInjection_isRefused() {
        String m = assertThrows(
                        IllegalArgumentException.class,
                        () -> Policy.builder().ipAddress("192.168.0.0/24\",\"IpAddress\":{"))
                .getMessage();
        assertTrue(m.contains("'\"' (U+0022) at position 14"), m);
    }

    @Test
    void missingExpiry_isRefused() {
        String m = assertThrows(
                        IllegalArgumentException.class, () -> Policy.builder().build())
                .getMessage();
        assertTrue(m.contains("DateLessThan (the expiration) is required"), m);
    }

    @Test
    void startAfterExpiry_isRefused() {
        String m = assertThrows(
                        IllegalArgumentException.class,
                        () -> Policy.builder()
                                .dateLessThan(EXPIRY)
                                .dateGreaterThan(EXPIRY.plusSeconds(1))
                                .build())
                .getMessage();
        assertTrue(m.contains("active date") && m.contains("before") && m.contains("expiration"), m);
    }

    @Test
    void startEqualToExpiry_isRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Policy.builder()
                        .dateLessThan(EXPIRY)
                        .dateGreaterThan(EXPIRY)
                        .build());
    }

    @Test
    void nonPositiveTtl_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().expiresIn(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().expiresIn(Duration.ofSeconds(-5)));
    }
}
