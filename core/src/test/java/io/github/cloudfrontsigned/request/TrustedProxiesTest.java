package io.github.cloudfrontsigned.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.0.2.10, 2001:db8::/32");

    @Test
    void untrustedPeer_isTheClientWhateverItsHeadersSay() {
        assertEquals("203.0.113.5", PROXIES.clientAddress("203.0.113.5", List.of("198.51.100.1")));
    }

    @Test
    void trustedPeer_yieldsTheRightmostUntrustedForwardedAddress() {
        assertEquals("198.51.100.7", PROXIES.clientAddress("10.1.2.3", List.of("6.6.6.6, 198.51.100.7", "10.9.9.9")));
    }

    @Test
    void ipv6RangesAndPorts_areUnderstood() {
        assertTrue(PROXIES.isTrusted("2001:db8::1"));
        assertFalse(PROXIES.isTrusted("2001:db9::1"));
        assertEquals("198.51.100.7", PROXIES.clientAddress("192.0.2.10", List.of("198.51.100.7:4711")));
    }

    @Test
    void hostName_isRefusedWithoutDnsLookup() {
        String m = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("localhost"))
                .getMessage();
        assertTrue(m.contains("host names are not accepted"), m);
    }

    @Test
    void badPrefixLength_isRefused() {
        String m = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"))
                .getMessage();
        assertTrue(m.contains("prefix length \"33\" must be a number from 0 to 32"), m);
    }
}
