package io.github.cloudfrontsigned.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Ipv4}: the addresses and ranges of CloudFront's {@code IpAddress} condition (IPv4 only). */
class Ipv4Test {

    @Test
    void parseAddress_givesTheUnsigned32BitValue() {
        assertEquals(0xC0000207L, Ipv4.parseAddress("192.0.2.7"));
        assertEquals(0xFFFFFFFFL, Ipv4.parseAddress("255.255.255.255"));
    }

    @Test
    void parseAddress_readsAnIpv4MappedIpv6AddressAsIpv4() {
        assertEquals(0xC0000207L, Ipv4.parseAddress("::FFFF:192.0.2.7"));
    }

    @Test
    void parseAddress_refusesWhatIsNotADottedQuad() {
        for (String s : new String[] {
            "",
            "192.0.2",
            "192.0.2.7.1",
            "192.0.2.256",
            "192.0.2.",
            "192.0.2.0007",
            "2001:db8::1",
            "a.b.c.d",
            "192.0.2.7/24"
        }) {
            assertEquals(-1, Ipv4.parseAddress(s), s);
        }
    }

    @Test
    void parseRange_readsABareAddressAsASlash32() {
        Ipv4.Range r = Ipv4.parseRange("192.0.2.7");
        assertEquals(32, r.prefixLength());
        assertTrue(r.contains(Ipv4.parseAddress("192.0.2.7")));
        assertFalse(r.contains(Ipv4.parseAddress("192.0.2.8")));
    }

    @Test
    void range_containsExactlyTheAddressesUnderItsPrefix() {
        Ipv4.Range r = Ipv4.parseRange("192.0.2.0/24");
        assertTrue(r.contains(Ipv4.parseAddress("192.0.2.255")));
        assertFalse(r.contains(Ipv4.parseAddress("192.0.3.0")));
    }

    @Test
    void range_withPrefixZeroContainsEveryAddress() {
        assertTrue(Ipv4.parseRange("0.0.0.0/0").contains(Ipv4.parseAddress("203.0.113.9")));
    }

    @Test
    void parseRange_refusesIpv6SayingCloudFrontDoesNotSupportIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Ipv4.parseRange("2001:db8::/32"));
        assertTrue(e.getMessage().contains("does not support IPv6"), e.getMessage());
    }

    @Test
    void parseRange_refusesAPrefixLengthOutsideZeroTo32() {
        for (String s : new String[] {"192.0.2.0/33", "192.0.2.0/", "192.0.2.0/-1", "192.0.2.0/x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4.parseRange(s));
            assertTrue(e.getMessage().contains("is not a number from 0 to 32"), e.getMessage());
        }
    }
}
