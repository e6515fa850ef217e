package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import io.github.cloudfrontsigned.internal.Validation;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The attributes written after each CloudFront cookie in its {@code Set-Cookie} header. Defaults follow AWS's
 * advice: {@code Path=/}, {@code Secure}, {@code HttpOnly}, {@code SameSite=Lax}, no {@code Domain} (the
 * request host only) and no {@code Max-Age} (session cookies).
 *
 * <p>Source: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html">
 * Set signed cookies using a custom policy</a> ("we recommend that you exclude Expires and Max-Age";
 * {@code Domain} may not be {@code *.cloudfront.net}). Thread safety: immutable and thread-safe.
 */
public final class CookieAttributes {

    /** The {@code SameSite} attribute. */
    public enum SameSite {
        /** Sent with same-site requests only. */
        STRICT("Strict"),
        /** Sent with same-site requests and top-level navigations (browsers' default). */
        LAX("Lax"),
        /** Sent with every request; requires {@code Secure}. */
        NONE("None");

        private final String attributeValue;

        SameSite(String attributeValue) {
            this.attributeValue = attributeValue;
        }

        /** @return the value as written in the header: {@code Strict}, {@code Lax} or {@code None} */
        public String attributeValue() {
            return attributeValue;
        }

        /**
         * @param value {@code strict}, {@code lax} or {@code none}, any case
         * @return the constant
         * @throws IllegalArgumentException for any other value
         */
        public static SameSite parse(String value) {
            for (SameSite s : values()) {
                if (s.attributeValue.equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("SameSite \"" + value + "\" is not Strict, Lax or None");
        }
    }

    private static final CookieAttributes DEFAULTS = builder().build();

    private final String domain;
    private final String path;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;
    private final Duration maxAge;
    private final String rendered;

    private CookieAttributes(Builder b) {
        this.domain = b.domain;
        this.path = b.path;
        this.secure = b.secure;
        this.httpOnly = b.httpOnly;
        this.sameSite = b.sameSite;
        this.maxAge = b.maxAge;
        StringBuilder sb = new StringBuilder();
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        sb.append("; Path=").append(path);
        if (maxAge != null) {
            sb.append("; Max-Age=").append(maxAge.getSeconds());
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.attributeValue());
        }
        this.rendered = sb.toString();
    }

    /** @return the defaults: {@code Path=/; Secure; HttpOnly; SameSite=Lax} */
    public static CookieAttributes defaults() {
        return DEFAULTS;
    }

    /** @return a new builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code Domain}, or {@code null} for the request host only */
    public String domain() {
        return domain;
    }

    /** @return the {@code Path} */
    public String path() {
        return path;
    }

    /** @return whether {@code Secure} is set */
    public boolean secure() {
        return secure;
    }

    /** @return whether {@code HttpOnly} is set */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** @return the {@code SameSite} value, or {@code null} for none */
    public SameSite sameSite() {
        return sameSite;
    }

    /** @return the {@code Max-Age}, or {@code null} for a session cookie */
    public Duration maxAge() {
        return maxAge;
    }

    /** The attribute suffix, starting with {@code "; "}. */
    String render() {
        return rendered;
    }

    @Override
    public String toString() {
        return "CookieAttributes{" + rendered.substring(2) + "}";
    }

    /** Builds {@link CookieAttributes}. Not thread-safe; the result is. */
    public static final class Builder {
        private String domain;
        private String path = "/";
        private boolean secure = true;
        private boolean httpOnly = true;
        private SameSite sameSite = SameSite.LAX;
        private Duration maxAge;

        private Builder() {}

        /**
         * Sets {@code Domain}: the CloudFront host or a parent domain of it, such as
         * {@code d111111abcdef8.cloudfront.net} or {@code example.com} for {@code cdn.example.com}. A leading
         * dot is dropped (browsers ignore it).
         *
         * @param domain the domain, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException for {@code cloudfront.net} itself (browsers refuse cookies for a public
         *     suffix, and AWS forbids {@code *.cloudfront.net}), a wildcard, or characters not allowed in a host
         */
        public Builder domain(String domain) {
            if (domain == null) {
                this.domain = null;
                return this;
            }
            String d = domain.trim().toLowerCase(Locale.ROOT);
            if (d.startsWith(".")) {
                d = d.substring(1);
            }
            if (d.startsWith("*")) {
                throw new IllegalArgumentException("cookie Domain \"" + domain + "\": a wildcard is not a domain;"
                        + " give the CloudFront host, for example d111111abcdef8.cloudfront.net");
            }
            if (d.equals("cloudfront.net")) {
                throw new IllegalArgumentException("cookie Domain \"" + domain + "\" would cover every CloudFront"
                        + " distribution (*.cloudfront.net), which AWS forbids and browsers refuse; give your"
                        + " distribution's host, for example d111111abcdef8.cloudfront.net");
            }
            if (d.isEmpty()) {
                throw new IllegalArgumentException("cookie Domain is empty; leave it unset for the request host only");
            }
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                    throw new IllegalArgumentException(
                            "cookie Domain \"" + Validation.printable(domain) + "\": character "
                                    + CloudFrontBase64.describe(c) + " at position " + i
                                    + " is not allowed in a host name (use punycode for international names)");
                }
            }
            this.domain = d;
            return this;
        }

        /**
         * Sets {@code Path}. Browsers match it literally as a prefix, so write {@code /images/}, not AWS's
         * example {@code /images/*}. Default {@code /}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         * @throws IllegalArgumentException if it does not start with {@code /} or holds {@code ;}, a control
         *     character or a space
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("cookie Path \"" + path + "\" must start with /");
            }
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c < 0x21 || c == 0x7f || c == ';' || c > 0x7e) {
                    throw new IllegalArgumentException("cookie Path \"" + Validation.printable(path) + "\": character "
                            + CloudFrontBase64.describe(c) + " at position " + i + " is not allowed");
                }
            }
            this.path = path;
            return this;
        }

        /**
         * @param secure whether to set {@code Secure} (default {@code true}; AWS recommends it)
         * @return this builder
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * @param httpOnly whether to set {@code HttpOnly} (default {@code true})
         * @return this builder
         */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /**
         * @param sameSite the {@code SameSite} value (default {@link SameSite#LAX}), or {@code null} for none
         * @return this builder
         */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /**
         * Sets {@code Max-Age}, making the cookies persistent. Default: none (session cookies, as AWS advises).
         *
         * @param maxAge a positive duration in whole seconds, or {@code null} for session cookies
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder maxAge(Duration maxAge) {
            if (maxAge != null && (maxAge.isZero() || maxAge.isNegative())) {
                throw new IllegalArgumentException("cookie Max-Age must be positive, got " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * @return the attributes
         * @throws IllegalArgumentException if {@code SameSite=None} without {@code Secure} (browsers reject it)
         */
        public CookieAttributes build() {
            if (sameSite == SameSite.NONE && !secure) {
                throw new IllegalArgumentException(
                        "SameSite=None requires Secure; browsers reject the cookie otherwise");
            }
            return new CookieAttributes(this);
        }
    }
}
