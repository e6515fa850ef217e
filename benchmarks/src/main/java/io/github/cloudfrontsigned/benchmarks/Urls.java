package io.github.cloudfrontsigned.benchmarks;

/**
 * The URLs the benchmarks sign: realistic CloudFront distribution URLs (about 70 characters), a new one per
 * call where a benchmark measures cold signing, so no cache anywhere can answer.
 */
final class Urls {

    /** The distribution every URL points at. */
    static final String BASE = "https://d111111abcdef8.cloudfront.net";

    /** The URL the warm benchmark signs again and again. */
    static final String REPEATED = BASE + "/videos/2026/11/22/trailer/index.m3u8";

    private Urls() {}

    /** @return a URL that differs from the one for any other {@code n} */
    static String unique(long n) {
        return BASE + "/videos/2026/11/22/" + n + "/index.m3u8";
    }

    /** @return a wildcard resource (for a custom policy) that differs from the one for any other {@code n} */
    static String uniquePrefix(long n) {
        return BASE + "/members/2026/" + n + "/*";
    }
}
