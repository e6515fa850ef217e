package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.internal.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A viewer's request as CloudFront receives it, for {@link CloudFrontVerifier#verify(ViewerRequest)}: the
 * scheme, the {@code Host}, the path and query exactly as they appear in the request line (never decoded or
 * normalized), the cookies and the client IP.
 *
 * <pre>{@code
 * ViewerRequest request = ViewerRequest.fromUrl(signedUrl);        // a signed URL
 *
 * ViewerRequest withCookies = ViewerRequest.builder()              // signed cookies
 *     .url("https://d111111abcdef8.cloudfront.net/members/report.pdf")
 *     .cookieHeader("CloudFront-Policy=eyJTd...; CloudFront-Signature=Hh~c...; CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F")
 *     .clientIp("192.0.2.7")
 *     .build();
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class ViewerRequest {

    private final String scheme;
    private final String host;
    private final String rawPath;
    private final String rawQuery;
    private final List<SignedCookies.Cookie> cookies;
    private final String clientIp;

    private ViewerRequest(Builder b) {
        this.scheme = b.scheme;
        this.host = b.host;
        this.rawPath = b.rawPath;
        this.rawQuery = b.rawQuery;
        this.cookies = Collections.unmodifiableList(new ArrayList<>(b.cookies));
        this.clientIp = b.clientIp;
    }

    /** @return a new builder; the path defaults to {@code /} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A request for a URL, with no cookies and no client IP. The path and query are kept exactly as written;
     * a {@code #fragment} is dropped, as browsers never send it.
     *
     * @param url an absolute URL such as {@code https://d111111abcdef8.cloudfront.net/a.jpg?Expires=...}
     * @return the request
     * @throws IllegalArgumentException if the URL has no {@code scheme://} or no host
     */
    public static ViewerRequest fromUrl(String url) {
        return builder().url(url).build();
    }

    /**
     * Parses a {@code Cookie} request header: {@code name=value} pairs separated by {@code ;}, whitespace around
     * them ignored, double quotes around a value removed (RFC 6265 section 4.2). Pairs without {@code =} are
     * skipped. Never throws.
     *
     * @param header the header value, for example {@code CloudFront-Expires=1767290400; theme=dark}
     * @return the cookies in header order, duplicates kept
     */
    public static List<SignedCookies.Cookie> parseCookieHeader(String header) {
        Objects.requireNonNull(header, "header");
        List<SignedCookies.Cookie> list = new ArrayList<>();
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            String pair = header.substring(start, end).trim();
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                list.add(new SignedCookies.Cookie(pair.substring(0, eq).trim(), value));
            }
            start = end + 1;
        }
        return list;
    }

    /** @return the scheme as sent, usually {@code https} */
    public String scheme() {
        return scheme;
    }

    /** @return the {@code Host} as sent, with a port if the viewer sent one */
    public String host() {
        return host;
    }

    /** @return the path exactly as in the request line, for example {@code /media/Caf%C3%A9.jpg} */
    public String rawPath() {
        return rawPath;
    }

    /**
     * @return the query exactly as in the request line, without the {@code ?}; {@code null} when the request has
     *     no {@code ?}, empty when it ends with one
     */
    public String rawQuery() {
        return rawQuery;
    }

    /** @return the cookies in the order the viewer sent them, duplicates kept */
    public List<SignedCookies.Cookie> cookies() {
        return cookies;
    }

    /**
     * @param name a cookie name, compared exactly
     * @return every value sent under that name, in order
     */
    public List<String> cookieValues(String name) {
        List<String> values = new ArrayList<>(1);
        for (SignedCookies.Cookie c : cookies) {
            if (c.name().equals(name)) {
                values.add(c.value());
            }
        }
        return values;
    }

    /** @return the viewer's IP address as text, or {@code null} when unknown */
    public String clientIp() {
        return clientIp;
    }

    /** @return {@code scheme://host} + raw path + ({@code ?} + raw query, when there is one) */
    public String url() {
        return url(scheme, host, rawPath, rawQuery);
    }

    /** {@code scheme://host} + path + ({@code ?} + query, unless the query is {@code null}). */
    static String url(String scheme, String host, String path, String query) {
        StringBuilder sb = new StringBuilder(
                scheme.length() + host.length() + path.length() + (query == null ? 3 : query.length() + 4));
        sb.append(scheme).append("://").append(host).append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scheme = scheme;
        b.host = host;
        b.rawPath = rawPath;
        b.rawQuery = rawQuery;
        b.cookies.addAll(cookies);
        b.clientIp = clientIp;
        return b;
    }

    @Override
    public String toString() {
        return "ViewerRequest{" + url() + (cookies.isEmpty() ? "" : ", " + cookies.size() + " cookies")
                + (clientIp == null ? "" : ", clientIp=" + clientIp) + "}";
    }

    /** Builds a {@link ViewerRequest}. Not thread-safe; the result is. */
    public static final class Builder {
        private String scheme;
        private String host;
        private String rawPath = "/";
        private String rawQuery;
        private final List<SignedCookies.Cookie> cookies = new ArrayList<>();
        private String clientIp;

        private Builder() {}

        /**
         * Sets scheme, host, path and query from an absolute URL, keeping them exactly as written and dropping a
         * {@code #fragment}.
         *
         * @param url for example {@code https://d111111abcdef8.cloudfront.net/a%20b.jpg?x=1}
         * @return this builder
         * @throws IllegalArgumentException if the URL has no {@code scheme://} or no host
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            int separator = url.indexOf("://");
            if (separator <= 0) {
                throw new IllegalArgumentException("URL \"" + Validation.printable(url) + "\" is not absolute: it"
                        + " must start with a scheme such as https://");
            }
            int end = url.indexOf('#');
            if (end < 0) {
                end = url.length();
            }
            int hostStart = separator + 3;
            int hostEnd = hostStart;
            while (hostEnd < end && url.charAt(hostEnd) != '/' && url.charAt(hostEnd) != '?') {
                hostEnd++;
            }
            if (hostEnd == hostStart) {
                throw new IllegalArgumentException(
                        "URL \"" + Validation.printable(url) + "\" has no host after " + url.substring(0, hostStart));
            }
            int query = url.indexOf('?', hostEnd);
            if (query > end) {
                query = -1;
            }
            this.scheme = url.substring(0, separator);
            this.host = url.substring(hostStart, hostEnd);
            this.rawPath = url.substring(hostEnd, query < 0 ? end : query);
            this.rawQuery = query < 0 ? null : url.substring(query + 1, end);
            return this;
        }

        /**
         * @param scheme {@code https} or {@code http}, as the viewer used
         * @return this builder
         */
        public Builder scheme(String scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * @param host the {@code Host} header as sent, with a port if the viewer sent one
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param rawPath the path as in the request line, still percent-encoded (default {@code /})
         * @return this builder
         */
        public Builder rawPath(String rawPath) {
            this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
            return this;
        }

        /**
         * @param rawQuery the query as in the request line without the {@code ?}, or {@code null} for none
         * @return this builder
         */
        public Builder rawQuery(String rawQuery) {
            this.rawQuery = rawQuery;
            return this;
        }

        /**
         * Adds one cookie, after those already added.
         *
         * @param name the cookie name
         * @param value the cookie value, unquoted
         * @return this builder
         */
        public Builder cookie(String name, String value) {
            cookies.add(new SignedCookies.Cookie(name, value));
            return this;
        }

        /**
         * Adds the cookies of a {@code Cookie} header, parsed with {@link #parseCookieHeader(String)}.
         *
         * @param header the header value
         * @return this builder
         */
        public Builder cookieHeader(String header) {
            cookies.addAll(parseCookieHeader(header));
            return this;
        }

        /**
         * Adds cookies, for example {@link SignedCookies#cookies()}.
         *
         * @param cookies the cookies
         * @return this builder
         */
        public Builder cookies(List<SignedCookies.Cookie> cookies) {
            for (SignedCookies.Cookie c : cookies) {
                this.cookies.add(Objects.requireNonNull(c, "cookie"));
            }
            return this;
        }

        /**
         * @param clientIp the viewer's IP address (IPv4 dotted quad, or IPv6), or {@code null} if unknown; needed
         *     only for policies with an {@code IpAddress} condition
         * @return this builder
         */
        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException if the scheme or host is not set
         */
        public ViewerRequest build() {
            if (scheme == null || host == null) {
                throw new IllegalStateException(
                        "a ViewerRequest needs a scheme and a host: call url(...) or" + " scheme(...) and host(...)");
            }
            return new ViewerRequest(this);
        }
    }
}
