package io.github.cloudfrontsigned.request;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The proxies whose {@code X-Forwarded-For} header is believed, and the client address that follows from it.
 * A request that comes straight from the client (its peer is not a trusted proxy) is taken at its peer
 * address whatever headers it sends, so a client cannot choose the address its signatures are bound to.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.10");
 * String client = proxies.clientAddress(request.getRemoteAddr(), xForwardedForHeaderValues);
 * }</pre>
 *
 * <p>Only literal IPv4 and IPv6 addresses and CIDR ranges are accepted (no host names, so nothing is looked
 * up in DNS). Thread safety: immutable and thread-safe.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private final List<byte[][]> ranges; // {network bytes, mask bytes}
    private final String text;

    private TrustedProxies(List<byte[][]> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /** @return no trusted proxy: the client address is always the peer address */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param commaSeparated addresses and CIDR ranges, IPv4 or IPv6, for example {@code 10.0.0.0/8, ::1}
     * @return the set
     * @throws IllegalArgumentException naming the first entry that is not a literal address or valid range
     */
    public static TrustedProxies parse(String commaSeparated) {
        List<byte[][]> ranges = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                throw new IllegalArgumentException("\"" + entry + "\" is not an IPv4 or IPv6 address or CIDR range"
                        + " (host names are not accepted); write for example 10.0.0.0/8 or 2001:db8::/32");
            }
            int bits = network.length * 8;
            if (slash >= 0) {
                String prefix = entry.substring(slash + 1);
                try {
                    bits = Integer.parseInt(prefix);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("\"" + entry + "\": prefix length \"" + prefix
                            + "\" must be a number from 0 to " + network.length * 8);
                }
            }
            byte[] mask = new byte[network.length];
            for (int i = 0; i < mask.length; i++) {
                int b = Math.max(0, Math.min(8, bits - i * 8));
                mask[i] = (byte) (0xff << (8 - b));
                network[i] &= mask[i];
            }
            ranges.add(new byte[][] {network, mask});
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges), commaSeparated.trim());
    }

    /**
     * @param address a literal IPv4 or IPv6 address
     * @return whether it is in one of the trusted ranges ({@code false} for anything that is not a literal)
     */
    public boolean isTrusted(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        byte[] a = literal(address.trim());
        if (a == null) {
            return false;
        }
        for (byte[][] range : ranges) {
            byte[] network = range[0];
            byte[] mask = range[1];
            if (network.length != a.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < a.length && match; i++) {
                match = (a[i] & mask[i]) == network[i];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client address: the peer address, unless the peer is a trusted proxy; then the right-most address
     * of {@code X-Forwarded-For} that is not a trusted proxy (proxies append, so addresses further left were
     * written by the client or an untrusted hop and are ignored).
     *
     * @param peerAddress the address of the TCP peer ({@code ServletRequest.getRemoteAddr()})
     * @param xForwardedFor every {@code X-Forwarded-For} header value in order; may be empty
     * @return the client address as written (IPv4 or IPv6)
     */
    public String clientAddress(String peerAddress, List<String> xForwardedFor) {
        if (!isTrusted(peerAddress) || xForwardedFor.isEmpty()) {
            return peerAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String header : xForwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peerAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = stripPort(hops.get(i));
            if (literal(hop) == null) {
                return client; // garbage: stop at the last address a trusted proxy vouched for
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && hop.indexOf(':', colon + 1) < 0) {
            return hop.substring(0, colon); // IPv4 with port
        }
        return hop;
    }

    /** The bytes of a literal address, or {@code null}; never a DNS lookup. */
    static byte[] literal(String address) {
        if (address.isEmpty() || address.length() > 45) {
            return null;
        }
        boolean colon = false;
        for (int i = 0; i < address.length(); i++) {
            char c = Character.toLowerCase(address.charAt(i));
            if (c == ':') {
                colon = true;
            } else if (!(c >= '0' && c <= '9') && c != '.' && !(c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        if (!colon) {
            String[] parts = address.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            for (String p : parts) {
                if (p.isEmpty()
                        || p.length() > 3
                        || !p.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(p) > 255) {
                    return null;
                }
            }
        }
        try {
            // Only digits, hex, '.' and ':' reach here: a literal, which InetAddress parses without DNS.
            return InetAddress.getByName(address.toLowerCase(Locale.ROOT)).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** @return the ranges as configured */
    @Override
    public String toString() {
        return "TrustedProxies[" + text + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies
                && ((TrustedProxies) o).ranges.size() == ranges.size()
                && Arrays.deepEquals(((TrustedProxies) o).ranges.toArray(), ranges.toArray());
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
