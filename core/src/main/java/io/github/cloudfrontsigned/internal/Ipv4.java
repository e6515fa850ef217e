package io.github.cloudfrontsigned.internal;

/**
 * IPv4 addresses and CIDR ranges for the {@code IpAddress} / {@code AWS:SourceIp} condition, which CloudFront
 * supports for IPv4 only. Thread safety: stateless.
 */
public final class Ipv4 {

    private Ipv4() {}

    /**
     * Parses a dotted-quad address; an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.7}) counts as IPv4.
     *
     * @return the address as an unsigned 32-bit value, or -1 if the text is not an IPv4 address
     */
    public static long parseAddress(String text) {
        String s = text.trim();
        if (s.regionMatches(true, 0, "::ffff:", 0, 7)) {
            s = s.substring(7);
        }
        long value = 0;
        int parts = 0;
        int i = 0;
        while (i <= s.length()) {
            int start = i;
            int part = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return -1;
            }
            i++;
        }
        return parts == 4 ? value : -1;
    }

    /** A CIDR range. */
    public record Range(long network, int prefixLength) {

        public boolean contains(long address) {
            long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
            return (address & mask) == (network & mask);
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Range)) {
                return false;
            }
            Range other = (Range) o;
            return network == other.network && prefixLength == other.prefixLength;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(network, prefixLength);
        }

        @Override
        public String toString() {
            return "Range[network=" + network + ", prefixLength=" + prefixLength + "]";
        }
    }

    /**
     * Parses {@code a.b.c.d/n}; a bare address means {@code /32}.
     *
     * @throws IllegalArgumentException naming what is wrong, for anything else (including IPv6)
     */
    public static Range parseRange(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        long network = parseAddress(address);
        if (network < 0 || address.indexOf(':') >= 0) {
            throw new IllegalArgumentException("AWS:SourceIp \"" + Validation.printable(text)
                    + "\" is not an IPv4 address or CIDR range such as 192.0.2.0/24"
                    + (address.indexOf(':') >= 0 ? " (CloudFront does not support IPv6 here)" : ""));
        }
        int prefix = 32;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            prefix = -1;
            if (!p.isEmpty() && p.length() <= 2 && p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                prefix = Integer.parseInt(p);
            }
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("AWS:SourceIp \"" + Validation.printable(text)
                        + "\": the prefix length \"" + Validation.printable(p) + "\" is not a number from 0 to 32");
            }
        }
        return new Range(network, prefix);
    }
}
