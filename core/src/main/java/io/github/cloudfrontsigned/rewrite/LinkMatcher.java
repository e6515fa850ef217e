package io.github.cloudfrontsigned.rewrite;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * its name, which the scanner searches for first. Immutable, except for the thread-safe {@link #memo}.
 */
final class LinkMatcher {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        /** The name (8 or more bytes) in little-endian words, the last one overlapping, and their case bits. */
        private final long[] words;

        private final long[] wordCases;

        Host(String name, Prefix[] prefixes) {
            this.name = name;
            this.lower = name.getBytes(StandardCharsets.US_ASCII);
            this.caseMask = new byte[lower.length];
            for (int i = 0; i < lower.length; i++) {
                caseMask[i] = (byte) (lower[i] >= 'a' && lower[i] <= 'z' ? 0x20 : 0);
            }
            this.anchorOffset = rarestPair(lower);
            if (lower.length >= 8) {
                int n = (lower.length + 7) / 8;
                words = new long[n];
                wordCases = new long[n];
                for (int c = 0; c < n; c++) {
                    int at = c < n - 1 ? 8 * c : lower.length - 8;
                    for (int k = 0; k < 8; k++) {
                        words[c] |= (long) (lower[at + k] & 0xFF) << (8 * k);
                        wordCases[c] |= (long) (caseMask[at + k] & 0xFF) << (8 * k);
                    }
                }
            } else {
                words = null;
                wordCases = null;
            }
            this.prefixes = prefixes;
            int common = prefixes[0].path.length;
            for (Prefix p : prefixes) {
                int k = 0;
                while (k < Math.min(common, p.path.length) && p.path[k] == prefixes[0].path[k]) {
                    k++;
                }
                common = k;
            }
            this.commonPath = java.util.Arrays.copyOf(prefixes[0].path, common);
        }

        /** The path bytes every prefix of this host starts with (at least "/"). */
        final byte[] commonPath;

        /**
         * Whether {@code s[pos, end)} equals the start of the host name, ignoring ASCII case; the whole name is
         * compared eight bytes at a time.
         */
        boolean matches(byte[] s, int pos, int end) {
            if (end - pos == lower.length && words != null) {
                for (int c = 0; c < words.length; c++) {
                    int at = pos + (c < words.length - 1 ? 8 * c : lower.length - 8);
                    if (((long) LONG.get(s, at) | wordCases[c]) != words[c]) {
                        return false;
                    }
                }
                return true;
            }
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
    /**
     * How many distinct anchors, each a pair of adjacent host bytes; above 4 the scanner looks at one byte at a
     * time.
     */
    final int anchorCount;
    /** The first and second byte of each distinct anchor, broadcast to 8 lanes (repeated when fewer than 4). */
    final long a0;

    final long a1;
    final long a2;
    final long a3;
    final long b0;
    final long b1;
    final long b2;
    final long b3;
    /** The first and second byte of the first anchor (lower case). */
    final int anchorFirst;

    final int anchorSecond;
    /** For each first anchor byte, the possible second bytes (bit set over 0-127). */
    private final long[][] seconds = new long[256][];
    /**
     * With a single host: host name and common path (lower-case host) in 8-byte chunks, the last one
     * overlapping, to check an anchor hit with a few comparisons: {@code (word | case) & mask == pattern}.
     */
    final boolean singleHost;

    final int filterOffset;
    final int filterLength;
    final int hostLength;
    final int[] chunkOffsets;
    final long[] chunkPatterns;
    final long[] chunkMasks;
    final long[] chunkCases;
    final List<String> prefixTexts;
    final int longestPrefix;
    /** The links signed under these prefixes, shared by every stream of the rewriter (thread-safe). */
    final LinkMemo memo = new LinkMemo();

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
            int b = host.lower[host.anchorOffset + 1] & 0xFF;
            Host[] list = byAnchor[a];
            if (list == null) {
                byAnchor[a] = new Host[] {host};
                seconds[a] = new long[2];
            } else {
                Host[] grown = Arrays.copyOf(list, list.length + 1);
                grown[list.length] = host;
                byAnchor[a] = grown;
            }
            if (!anchors.contains(a << 8 | b)) {
                anchors.add(a << 8 | b);
            }
            seconds[a][b >> 6] |= 1L << b;
        }
        anchorCount = anchors.size();
        anchorFirst = anchors.get(0) >> 8;
        anchorSecond = anchors.get(0) & 0xFF;
        long[] firsts = new long[4];
        long[] second = new long[4];
        for (int i = 0; i < 4; i++) {
            int pair = anchors.get(i < anchorCount ? i : 0);
            firsts[i] = (pair >> 8) * 0x0101010101010101L;
            second[i] = (pair & 0xFF) * 0x0101010101010101L;
        }
        a0 = firsts[0];
        a1 = firsts[1];
        a2 = firsts[2];
        a3 = firsts[3];
        b0 = second[0];
        b1 = second[1];
        b2 = second[2];
        b3 = second[3];
        singleHost = hosts.length == 1;
        Host first = hosts[0];
        filterOffset = first.anchorOffset;
        hostLength = first.lower.length;
        byte[] full = Arrays.copyOf(first.lower, first.lower.length + first.commonPath.length);
        System.arraycopy(first.commonPath, 0, full, first.lower.length, first.commonPath.length);
        filterLength = full.length;
        int chunks = Math.max(1, (full.length + 7) / 8);
        chunkOffsets = new int[chunks];
        chunkPatterns = new long[chunks];
        chunkMasks = new long[chunks];
        chunkCases = new long[chunks];
        for (int c = 0; c < chunks; c++) {
            int at = full.length < 8 ? 0 : Math.min(8 * c, full.length - 8);
            chunkOffsets[c] = at;
            for (int k = 0; k < 8 && at + k < full.length; k++) {
                int b = full[at + k] & 0xFF;
                boolean letter = at + k < first.lower.length && b >= 'a' && b <= 'z';
                chunkPatterns[c] |= (long) b << (8 * k);
                chunkMasks[c] |= 0xFFL << (8 * k);
                chunkCases[c] |= (letter ? 0x20L : 0) << (8 * k);
            }
        }
    }

    /** Whether {@code b} (any byte) may be the first anchor byte of some host. */
    boolean isAnchor(int b) {
        return byAnchor[(b | 0x20) & 0xFF] != null;
    }

    /** Whether {@code b} then {@code next} may be the anchor of some host. */
    boolean isAnchor(int b, int next) {
        long[] set = seconds[(b | 0x20) & 0xFF];
        int n = (next | 0x20) & 0xFF;
        return set != null && n < 128 && (set[n >> 6] & 1L << n) != 0;
    }

    /**
     * Rough frequency of each byte in HTML, CSS, JavaScript and JSON, in units of 0.1 %: the scanner anchors
     * on the host byte that occurs least often in ordinary content.
     */
    private static int frequency(int b) {
        switch (b) {
            case 'e':
                return 90;
            case 't':
                return 70;
            case 'a':
                return 65;
            case 'o':
            case 'i':
            case 'n':
            case 's':
                return 60;
            case 'r':
                return 55;
            case 'l':
                return 40;
            case 'c':
            case 'd':
                return 35;
            case 'h':
                return 30;
            case 'u':
                return 28;
            case 'm':
            case 'p':
                return 25;
            case 'f':
                return 20;
            case 'g':
                return 18;
            case 'w':
            case 'y':
            case '0':
            case '1':
                return 15;
            case 'b':
                return 14;
            case '2':
            case '.':
            case '-':
                return 12;
            case 'v':
                return 10;
            case 'k':
            case ':':
                return 8;
            case 'x':
                return 4;
            case 'j':
                return 3;
            case 'q':
            case 'z':
                return 2;
            default:
                return 6;
        }
    }

    /** The offset of the pair of adjacent bytes that is rarest, judged by the product of their frequencies. */
    private static int rarestPair(byte[] name) {
        int best = 0;
        for (int i = 1; i + 1 < name.length; i++) {
            if (frequency(name[i]) * frequency(name[i + 1]) < frequency(name[best]) * frequency(name[best + 1])) {
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
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "CFS-4001 protected prefix \"%s\" holds %s at position %d", prefix, problem, i));
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
            throw new IllegalArgumentException(
                    "CFS-4003 protected prefix \"" + prefix + "\" has no host after " + scheme + "://");
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
        if (host.length() < 2 || host.startsWith(".") || host.endsWith(".")) {
            throw new IllegalArgumentException(
                    "CFS-4003 protected prefix \"" + prefix + "\" has the malformed host \"" + host + "\"");
        }
        if (colon >= 0) {
            String port = authority.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException(
                        "CFS-4003 protected prefix \"" + prefix + "\" has the malformed" + " port \"" + port + "\"");
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
