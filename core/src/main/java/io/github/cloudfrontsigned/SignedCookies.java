package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.LogText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The three or four CloudFront signed cookies for one policy, as made by
 * {@link CloudFrontSigner#signCookies(Policy)}: {@code CloudFront-Expires} (canned) or
 * {@code CloudFront-Policy} (custom), {@code CloudFront-Signature}, {@code CloudFront-Key-Pair-Id} and, for
 * SHA-256, {@code CloudFront-Hash-Algorithm}. Values hold only {@code [A-Za-z0-9-_~]} and need no quoting.
 *
 * <p>Source: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html">
 * Set signed cookies using a custom policy</a>. Thread safety: immutable and thread-safe.
 */
public final class SignedCookies {

    /** {@code CloudFront-Expires}: the canned policy's expiry in epoch seconds. */
    public static final String EXPIRES = "CloudFront-Expires";
    /** {@code CloudFront-Policy}: the custom policy in CloudFront's base64. */
    public static final String POLICY = "CloudFront-Policy";
    /** {@code CloudFront-Signature}. */
    public static final String SIGNATURE = "CloudFront-Signature";
    /** {@code CloudFront-Key-Pair-Id}. */
    public static final String KEY_PAIR_ID = "CloudFront-Key-Pair-Id";
    /** {@code CloudFront-Hash-Algorithm}, sent for SHA-256 only. */
    public static final String HASH_ALGORITHM = "CloudFront-Hash-Algorithm";

    /** Browsers keep cookies up to about 4,096 bytes, name, value and attributes together (RFC 6265 §6.1). */
    public static final int BROWSER_COOKIE_LIMIT = 4096;

    private static final System.Logger LOG = System.getLogger(SignedCookies.class.getName());

    /**
     * One cookie: a name and a value.
     *
     * @param name the cookie name, for example {@code CloudFront-Signature}
     * @param value the cookie value, unquoted
     */
    public record Cookie(String name, String value) {
        /**
         * Checks that neither part is null.
         *
         * @param name the cookie name
         * @param value the cookie value
         */
        public Cookie {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** @return {@code name=value} */
        @Override
        public String toString() {
            return name + "=" + value;
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Cookie)) {
                return false;
            }
            Cookie other = (Cookie) o;
            return java.util.Objects.equals(name, other.name) && java.util.Objects.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, value);
        }
    }

    private final List<Cookie> cookies;
    private final String resource;
    private final Instant expires;
    private final String keyPairId;
    private final HashAlgorithm hashAlgorithm;
    private final boolean canned;

    SignedCookies(
            List<Cookie> cookies,
            String resource,
            Instant expires,
            String keyPairId,
            HashAlgorithm hashAlgorithm,
            boolean canned) {
        this.cookies = Collections.unmodifiableList(new ArrayList<>(cookies));
        this.resource = resource;
        this.expires = expires;
        this.keyPairId = keyPairId;
        this.hashAlgorithm = hashAlgorithm;
        this.canned = canned;
    }

    /** @return the cookies in the order they should be set */
    public List<Cookie> cookies() {
        return cookies;
    }

    /**
     * @param name a cookie name such as {@link #SIGNATURE}
     * @return its value, if this set has that cookie
     */
    public Optional<String> value(String name) {
        for (Cookie c : cookies) {
            if (c.name().equals(name)) {
                return Optional.of(c.value());
            }
        }
        return Optional.empty();
    }

    /** @return the policy resource the cookies grant */
    public String resource() {
        return resource;
    }

    /** @return when CloudFront stops accepting the cookies ({@code DateLessThan}), whole seconds */
    public Instant expires() {
        return expires;
    }

    /** @return the key pair ID that signed */
    public String keyPairId() {
        return keyPairId;
    }

    /** @return the hash algorithm that was signed with */
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** @return whether the policy is canned ({@code CloudFront-Expires}) rather than custom */
    public boolean isCanned() {
        return canned;
    }

    /**
     * Renders one complete {@code Set-Cookie} header value per cookie, for example
     * {@code CloudFront-Signature=...; Domain=d111111abcdef8.cloudfront.net; Path=/; Secure; HttpOnly; SameSite=Lax}.
     * Logs a warning (through {@link System.Logger}) when a cookie exceeds {@link #BROWSER_COOKIE_LIMIT}, since
     * browsers would drop it silently.
     *
     * @param attributes {@code Domain}, {@code Path}, {@code Secure}, {@code HttpOnly}, {@code SameSite},
     *     {@code Max-Age}
     * @return the header values, in order
     */
    public List<String> toSetCookieHeaders(CookieAttributes attributes) {
        Objects.requireNonNull(attributes, "attributes");
        String suffix = attributes.render();
        List<String> headers = new ArrayList<>(cookies.size());
        for (Cookie c : cookies) {
            String header = c.name() + "=" + c.value() + suffix;
            if (header.length() > BROWSER_COOKIE_LIMIT) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Cookie {0} for resource {1} is {2} bytes; browsers drop cookies"
                                + " over {3} bytes: shorten the policy resource",
                        c.name(),
                        LogText.of(resource),
                        header.length(),
                        BROWSER_COOKIE_LIMIT);
            }
            headers.add(header);
        }
        return Collections.unmodifiableList(headers);
    }

    /**
     * @param attributes the attributes the cookies would be set with
     * @return whether any cookie with these attributes exceeds {@link #BROWSER_COOKIE_LIMIT}
     */
    public boolean exceedsBrowserLimit(CookieAttributes attributes) {
        int suffix = attributes.render().length();
        for (Cookie c : cookies) {
            if (c.name().length() + 1 + c.value().length() + suffix > BROWSER_COOKIE_LIMIT) {
                return true;
            }
        }
        return false;
    }

    /** @return the cookies as one {@code Cookie} request header value: {@code a=1; b=2} */
    public String toCookieHeader() {
        StringBuilder sb = new StringBuilder();
        for (Cookie c : cookies) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.name()).append('=').append(c.value());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "SignedCookies{resource=" + resource + ", expires=" + expires + ", keyPairId=" + keyPairId + ", hash="
                + hashAlgorithm + ", " + (canned ? "canned" : "custom") + " policy}";
    }
}
