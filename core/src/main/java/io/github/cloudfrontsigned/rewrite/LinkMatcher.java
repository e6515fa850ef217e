package io.github.cloudfrontsigned.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The protected prefixes compiled for scanning: prefixes grouped by host, and for each host the rarest byte of
 * its name, which the scanner searches for first. Immutable.
 */
final class LinkMatcher {

    /** One protected prefix: scheme, lower-case authority and the case-sensitive path prefix. */
    static final class Prefix {
        final String text;
        final String scheme;
        final String authority;
        final byte[] path;

        Prefix(String text, String scheme, String authority, String path) {
            this.text = text;
            this.scheme = scheme;
            this.authority = authority;
            this.path = path.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** One host (authority) with its prefixes, longest path first. */
    static final class Host {
        final String name;
        final byte[] lower;
        final byte[] caseMask;
        final int anchorOffset;
        final Prefix[] prefixes;

        Host(String name, Prefix[] prefixes) {
            this.name = name;
            this.lower = name.getBytes(StandardCharsets.US_ASCII);
            this.caseMask = new byte[lower.length];
            for (int i = 0; i < lower.length; i++) {
                caseMask[i] = (byte) (lower[i] >= 'a' && lower[i] <= 'z' ? 0x20 : 0);
            }
            this.anchorOffset = rarestOffset(lower);
            this.prefixes = prefixes;
        }

        /** Whether {@code s[pos, end)} equals the start of the host name, ignoring ASCII case. */
        boolean matches(byte[] s, int pos, int end) {
            for (int k = 0; pos + k < end; k++) {
                if ((byte) (s[pos + k] | caseMask[k]) != lower[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Hosts by the value of their anchor byte (always a byte with bit 0x20 set). */
    final Host[][] byAnchor = new Host[256][];
    final Host[] hosts;
    /** The distinct anchor bytes broadcast to 8 lanes, at most 4; {@code null} when there are more. */
    final long[] anchorPatterns;
    final List<String> prefixTexts;
    final int longestPrefix;

    LinkMatcher(List<Prefix> prefixes) {
        Map<String, List<Prefix>> byHost = new LinkedHashMap<>();
        int longest = 0;
        List<String> texts = new ArrayList<>();
        for (Prefix p : prefixes) {
            byHost.computeIfAbsent(p.authority, k -> new ArrayList<>()).add(p);
            longest = Math.max(longest, p.text.length());
            texts.add(p.text);
        }
        this.prefixTexts = List.copyOf(texts);
        this.longestPrefix = longest;
        this.hosts = new Host[byHost.size()];
        int h = 0;
        for (Map.Entry<String, List<Prefix>> e : byHost.entrySet()) {
            Prefix[] ps = e.getValue().toArray(new Prefix[0]);
            Arrays.sort(ps, Comparator.comparingInt((Prefix p) -> p.path.length).reversed());
            hosts[h++] = new Host(e.getKey(), ps);
        }
        List<Integer> anchors = new ArrayList<>();
        for (Host host : hosts) {
            int a = host.lower[host.anchorOffset] & 0xFF;
            Host[] list = byAnchor[a];
            if (list == null) {
                anchors.add(a);
                byAnchor[a] = new Host[] {host};
            } else {
                Host[] grown = Arrays.copyOf(list, list.length + 1);
                grown[list.length] = host;
                byAnchor[a] = grown;
            }
        }
        if (anchors.size() <= 4) {
            anchorPatterns = new long[anchors.size()];
            for (int i = 0; i < anchorPatterns.length; i++) {
                anchorPatterns[i] = anchors.get(i) * 0x0101010101010101L;
            }
        } else {
            anchorPatterns = null;
        }
    }

    /** Whether {@code b} (any byte) may be the anchor byte of some host. */
    boolean isAnchor(int b) {
        return byAnchor[(b | 0x20) & 0xFF] != null;
    }

    /**
     * Rough frequency of each byte in HTML, CSS, JavaScript and JSON, in units of 0.1 %: the scanner anchors
     * on the host byte that occurs least often in ordinary content.
     */
    private static int frequency(int b) {
        switch (b) {
            case 'e': return 90;
            case 't': return 70;
            case 'a': return 65;
            case 'o': case 'i': case 'n': case 's': return 60;
            case 'r': return 55;
            case 'l': return 40;
            case 'c': case 'd': return 35;
            case 'h': return 30;
            case 'u': return 28;
            case 'm': case 'p': return 25;
            case 'f': return 20;
            case 'g': return 18;
            case 'w': case 'y': case '0': case '1': return 15;
            case 'b': return 14;
            case '2': case '.': case '-': return 12;
            case 'v': return 10;
            case 'k': case ':': return 8;
            case 'x': return 4;
            case 'j': return 3;
            case 'q': case 'z': return 2;
            default: return 6;
        }
    }

    private static int rarestOffset(byte[] name) {
        int best = 0;
        for (int i = 1; i < name.length; i++) {
            if (frequency(name[i]) < frequency(name[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Parses and validates one protected prefix.
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    static Prefix parsePrefix(String prefix) {
        if (prefix == null) {
            throw new NullPointerException("protectedPrefix");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            String problem = null;
            if (c <= 0x20 || c == 0x7f) {
                problem = "a space or control character";
            } else if (c > 0x7e) {
                problem = "the non-ASCII character '" + c + "'; percent-encode the path as UTF-8 and write the host"
                        + " in punycode";
            } else if ("\"'`<>\\{}".indexOf(c) >= 0) {
                problem = "the character '" + c + "', which cannot be part of a link";
            }
            if (problem != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "CFS-4001 protected prefix \"%s\" holds %s at position %d", prefix, problem, i));
            }
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        String scheme;
        if (lower.startsWith("https://")) {
            scheme = "https";
        } else if (lower.startsWith("http://")) {
            scheme = "http";
        } else {
            throw new IllegalArgumentException("CFS-4002 protected prefix \"" + prefix + "\" must be an absolute URL"
                    + " starting with http:// or https://, for example https://d111111abcdef8.cloudfront.net/private/");
        }
        int hostStart = scheme.length() + 3;
        int slash = prefix.indexOf('/', hostStart);
        int hostEnd = slash < 0 ? prefix.length() : slash;
        String authority = lower.substring(hostStart, hostEnd);
        String path = slash < 0 ? "/" : prefix.substring(slash);
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("CFS-4003 protected prefix \"" + prefix + "\" has no host after "
                    + scheme + "://");
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                throw new IllegalArgumentException("CFS-4003 protected prefix \"" + prefix + "\" has the character '"
                        + c + "' in its host \"" + host + "\"; give a DNS name (letters, digits, '.', '-'),"
                        + " without user info or IPv6 brackets");
            }
        }
        if (host.isEmpty() || host.startsWith(".") || host.endsWith(".")) {
            throw new IllegalArgumentException("CFS-4003 protected prefix \"" + prefix + "\" has the malformed host \""
                    + host + "\"");
        }
        if (colon >= 0) {
            String port = authority.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("CFS-4003 protected prefix \"" + prefix + "\" has the malformed"
                        + " port \"" + port + "\"");
            }
        }
        int bad = indexOfAny(path, "?#");
        if (bad >= 0) {
            throw new IllegalArgumentException("CFS-4004 protected prefix \"" + prefix + "\" holds '"
                    + path.charAt(bad) + "' at position " + (hostEnd + bad) + "; a prefix is matched against the"
                    + " path only, so remove the query or fragment");
        }
        String text = scheme + "://" + authority + path;
        return new Prefix(text, scheme, authority, path);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
