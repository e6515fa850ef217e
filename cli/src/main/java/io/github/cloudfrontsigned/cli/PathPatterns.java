package io.github.cloudfrontsigned.cli;

import java.util.List;

/**
 * Path patterns as in a CloudFront cache behavior: {@code *} matches any characters (also {@code /}), {@code ?}
 * exactly one, everything else itself, case-sensitive, against the raw path. Matching is linear in the path's length
 * times the pattern's, with no backtracking blow-up.
 */
final class PathPatterns {

    private final List<String> patterns;

    private PathPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * @param patterns such as {@code /private/*}; a pattern without a leading {@code /} or {@code *} gets one, as the
     *     CloudFront console adds it
     * @return the patterns
     */
    static PathPatterns of(List<String> patterns) {
        return new PathPatterns(patterns.stream().map(p -> p.startsWith("/") || p.startsWith("*") ? p : "/" + p)
                .toList());
    }

    /** Whether any pattern matches the raw path. */
    boolean matches(String path) {
        for (String pattern : patterns) {
            if (matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    /** Wildcard matching: on a mismatch after a {@code *}, that star takes one more character. */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int afterStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
