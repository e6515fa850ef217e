package io.github.cloudfrontsigned.verify;

import java.util.List;

/**
 * Path patterns as in a CloudFront cache behavior: {@code *} matches any characters (also {@code /}), {@code ?}
 * exactly one, everything else itself, case-sensitive. They are matched against the path
 * {@link EdgeAccess#normalizedPath normalized} as the origin serves it, and are normalized the same way themselves
 * ({@code /%70rivate/*} is {@code /private/*}). Matching is linear in the path's length times the pattern's, with no
 * backtracking blow-up. Thread safety: immutable.
 */
final class PathPatterns {

    /** Every path. */
    static final PathPatterns ALL = new PathPatterns(List.of("*"));

    private final List<String> patterns;

    private PathPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * @param patterns such as {@code /private/*}; a pattern without a leading {@code /} or {@code *} gets one, as the
     *     CloudFront console adds it
     * @return the patterns, normalized
     * @throws IllegalArgumentException if a pattern is empty or has a {@code %} not followed by two hexadecimal digits
     */
    static PathPatterns of(List<String> patterns) {
        return new PathPatterns(patterns.stream().map(PathPatterns::normalized).toList());
    }

    private static String normalized(String pattern) {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("a path pattern is empty; give one such as /private/*");
        }
        String p = pattern.startsWith("/") || pattern.startsWith("*") ? pattern : "/" + pattern;
        String normalized = EdgeAccess.normalizedPath(p);
        if (normalized == null) {
            throw new IllegalArgumentException("path pattern \"" + pattern + "\" has a % that is not followed by two"
                    + " hexadecimal digits; write a % as %25");
        }
        return normalized;
    }

    /** @return the normalized patterns, in order */
    List<String> patterns() {
        return patterns;
    }

    /** Whether any pattern matches the (normalized) path. */
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
