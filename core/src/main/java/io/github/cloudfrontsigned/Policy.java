package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a signature grants: a {@code Resource} (optionally with wildcards), an expiry
 * ({@code DateLessThan}), and optionally a start ({@code DateGreaterThan}) and an IPv4 range
 * ({@code IpAddress}). Immutable; built with {@link #builder()} or {@link #canned(String, Instant)}.
 *
 * <p>Whether CloudFront gets a <em>canned</em> or a <em>custom</em> policy is decided when signing:
 * {@link CloudFrontSigner} uses a canned policy (shortest URL, nothing but {@code Expires} on the wire) only
 * when it grants exactly what this policy grants, and a custom policy when this policy asks for a start date,
 * an IP range, a wildcard, or a resource that differs from the URL being signed. For signed cookies every
 * {@code ?} in the Resource counts as a wildcard (in a custom policy it matches any one character, and the
 * {@code ?} starting a query string cannot be told apart), so a cookie Resource holding {@code *} or {@code ?}
 * always gets a custom policy. For a signed URL, a Resource equal to the URL being signed names that URL, whose
 * {@code ?} starts its query string. {@link #canned(String, Instant)} asks for a canned policy explicitly and so
 * refuses wildcards.
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *     .resource("https://d111111abcdef8.cloudfront.net/training/*")
 *     .expiresIn(Duration.ofHours(1))          // or .dateLessThan(Instant)
 *     .dateGreaterThan(Instant.parse("2026-12-01T00:00:00Z"))
 *     .ipAddress("192.0.2.0/24")
 *     .build();
 * }</pre>
 *
 * <p>Rules from
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html">
 * Create a signed URL using a custom policy</a>: the {@code Resource} must start with {@code http://},
 * {@code https://} or {@code *://} (or be {@code *}), {@code *} matches any run of characters and
 * {@code ?} exactly one, within one section (protocol, domain, path, query); {@code IpAddress} is a single
 * IPv4 address or CIDR range (IPv6 is not supported by CloudFront); times are whole epoch seconds in UTC.
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class Policy {

    private final String resource;
    private final Instant dateLessThan;
    private final Duration expiresIn;
    private final Instant dateGreaterThan;
    private final String ipAddress;
    private final boolean cannedRequested;

    private Policy(Builder b, boolean cannedRequested) {
        this.resource = b.resource;
        this.dateLessThan = b.dateLessThan;
        this.expiresIn = b.expiresIn;
        this.dateGreaterThan = b.dateGreaterThan;
        this.ipAddress = b.ipAddress;
        this.cannedRequested = cannedRequested;
    }

    /**
     * A canned policy for exactly one URL until {@code dateLessThan}.
     *
     * @param resource the complete URL as the viewer will request it (already percent-encoded, query
     *     string included), starting with {@code http://} or {@code https://}; no wildcards
     * @param dateLessThan the expiry; truncated to whole seconds
     * @return the policy
     * @throws IllegalArgumentException if the URL holds a wildcard {@code *} or a character CloudFront
     *     cannot match (message names the character and its position)
     */
    public static Policy canned(String resource, Instant dateLessThan) {
        Builder b = builder().resource(resource).dateLessThan(dateLessThan);
        int star = resource.indexOf('*');
        if (star >= 0) {
            throw new IllegalArgumentException("Resource \"" + resource + "\": a canned policy cannot hold the"
                    + " wildcard '*' (position " + star + "); use Policy.builder().resource(...) for a custom policy");
        }
        Validation.checkUrl(resource, "Resource");
        return new Policy(b.validate(), true);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code Resource}, or {@code null} when it defaults to the URL being signed */
    public String resource() {
        return resource;
    }

    /** @return the absolute expiry, or {@code null} if the policy gives a TTL ({@link #expiresIn()}) instead */
    public Instant dateLessThan() {
        return dateLessThan;
    }

    /** @return the time to live counted from the signer's clock, or {@code null} if {@link #dateLessThan()} is set */
    public Duration expiresIn() {
        return expiresIn;
    }

    /** @return the {@code DateGreaterThan} (start), or {@code null} */
    public Instant dateGreaterThan() {
        return dateGreaterThan;
    }

    /** @return the {@code IpAddress} condition in CIDR form ({@code a.b.c.d/n}), or {@code null} */
    public String ipAddress() {
        return ipAddress;
    }

    /** @return whether {@link #canned(String, Instant)} asked for a canned policy explicitly */
    boolean cannedRequested() {
        return cannedRequested;
    }

    /**
     * Whether this policy goes to CloudFront as a canned policy: the one place the signer decides, for signed URLs
     * and signed cookies alike. CloudFront never receives a canned policy; it rebuilds one from the request URL
     * (signing parameters removed) and the {@code Expires} value, so a canned policy grants exactly one URL,
     * spelled exactly, and only until its expiry. It is used only when that is exactly what this policy grants:
     * <ul>
     *   <li>{@link #canned(String, Instant)}: always (its Resource is the exact URL; the signer checks that it is
     *       the URL being signed);</li>
     *   <li>a {@code DateGreaterThan} or an {@code IpAddress}: never, a canned policy has neither;</li>
     *   <li>a signed URL: when the Resource is unset or is the URL being signed, character for character, and
     *       holds no {@code *}. A URL has no wildcards: its {@code ?} starts its own query string, which the
     *       canned policy includes as it is (CloudFront removes only the signing parameters);</li>
     *   <li>signed cookies (no URL): when the Resource holds neither {@code *} nor {@code ?}. In a custom policy
     *       every {@code ?} matches any one character (the {@code ?} starting a query string is not escaped, so it
     *       cannot be told apart), and a Resource with a {@code ?} covers more than the one URL that spells it,
     *       which is all a canned cookie would grant.</li>
     * </ul>
     *
     * @param url the URL being signed, or {@code null} for signed cookies
     * @return {@code true} for a canned policy, {@code false} for a custom one
     */
    boolean cannedFor(String url) {
        if (cannedRequested) {
            return true;
        }
        if (dateGreaterThan != null || ipAddress != null) {
            return false;
        }
        if (url != null) {
            return resource == null || resource.equals(url) && resource.indexOf('*') < 0;
        }
        return resource != null && resource.indexOf('*') < 0 && resource.indexOf('?') < 0;
    }

    /** @return a builder holding this policy's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.resource = resource;
        b.dateLessThan = dateLessThan;
        b.expiresIn = expiresIn;
        b.dateGreaterThan = dateGreaterThan;
        b.ipAddress = ipAddress;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Policy)) {
            return false;
        }
        Policy p = (Policy) o;
        return Objects.equals(resource, p.resource)
                && Objects.equals(dateLessThan, p.dateLessThan)
                && Objects.equals(expiresIn, p.expiresIn)
                && Objects.equals(dateGreaterThan, p.dateGreaterThan)
                && Objects.equals(ipAddress, p.ipAddress)
                && cannedRequested == p.cannedRequested;
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, dateLessThan, expiresIn, dateGreaterThan, ipAddress);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Policy{");
        sb.append("Resource=").append(resource == null ? "<the signed URL>" : resource);
        sb.append(", DateLessThan=").append(dateLessThan != null ? dateLessThan : "now + " + expiresIn);
        if (dateGreaterThan != null) {
            sb.append(", DateGreaterThan=").append(dateGreaterThan);
        }
        if (ipAddress != null) {
            sb.append(", IpAddress=").append(ipAddress);
        }
        return sb.append('}').toString();
    }

    /**
     * Builds a {@link Policy}. Exactly one of {@link #dateLessThan(Instant)} and {@link #expiresIn(Duration)}
     * is required. Not thread-safe; the built policy is.
     */
    public static final class Builder {
        private String resource;
        private Instant dateLessThan;
        private Duration expiresIn;
        private Instant dateGreaterThan;
        private String ipAddress;

        private Builder() {}

        /**
         * Sets the {@code Resource}. For signed URLs it may be left out, and then is the URL being signed;
         * for signed cookies it is required.
         *
         * @param resource a percent-encoded URL starting with {@code http://}, {@code https://} or
         *     {@code *://}, or {@code *}; {@code *} and {@code ?} are wildcards; the query string is included
         *     and its {@code ?} is not escaped
         * @return this builder
         * @throws IllegalArgumentException if it holds {@code "}, {@code \}, a control character, a
         *     non-ASCII character, a space or {@code #} (message names the character and its position), or
         *     does not start with a scheme CloudFront accepts
         */
        public Builder resource(String resource) {
            Objects.requireNonNull(resource, "resource");
            Validation.checkResource(resource);
            this.resource = resource;
            return this;
        }

        /**
         * Sets the expiry ({@code DateLessThan}, and {@code Expires} in a canned policy); truncated to whole
         * epoch seconds. Clears {@link #expiresIn(Duration)}.
         *
         * @param dateLessThan the instant from which CloudFront refuses the request
         * @return this builder
         */
        public Builder dateLessThan(Instant dateLessThan) {
            this.dateLessThan = Objects.requireNonNull(dateLessThan, "dateLessThan");
            this.expiresIn = null;
            return this;
        }

        /**
         * Sets the expiry as a time to live from the signer's {@link java.time.Clock} at signing time,
         * rounded up to the signer's expiry granularity. Clears {@link #dateLessThan(Instant)}.
         *
         * @param ttl a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is zero or negative
         */
        public Builder expiresIn(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("expiresIn must be positive, got " + ttl);
            }
            this.expiresIn = ttl;
            this.dateLessThan = null;
            return this;
        }

        /**
         * Sets {@code DateGreaterThan}: CloudFront refuses the request on or before this instant. Makes the
         * policy custom. Truncated to whole epoch seconds.
         *
         * @param dateGreaterThan the start, or {@code null} for none
         * @return this builder
         */
        public Builder dateGreaterThan(Instant dateGreaterThan) {
            this.dateGreaterThan = dateGreaterThan;
            return this;
        }

        /**
         * Sets the {@code IpAddress} condition ({@code AWS:SourceIp}). Makes the policy custom.
         *
         * @param ipAddress an IPv4 address ({@code 192.0.2.7}, sent as {@code 192.0.2.7/32}) or CIDR range
         *     ({@code 192.0.2.0/24}), or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException for IPv6, a malformed address or prefix length, or characters that
         *     would break the policy JSON
         */
        public Builder ipAddress(String ipAddress) {
            this.ipAddress = ipAddress == null ? null : Validation.normalizeIpAddress(ipAddress);
            return this;
        }

        Builder validate() {
            if (dateLessThan == null && expiresIn == null) {
                throw new IllegalArgumentException("DateLessThan (the expiration) is required: set"
                        + " dateLessThan(Instant) or expiresIn(Duration)");
            }
            if (dateLessThan != null
                    && dateGreaterThan != null
                    && dateGreaterThan.getEpochSecond() >= dateLessThan.getEpochSecond()) {
                throw new IllegalArgumentException("DateGreaterThan (the active date, " + dateGreaterThan
                        + ") must be before DateLessThan (the expiration, " + dateLessThan + ")");
            }
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException if neither expiry is set, or the start is not before the expiry
         */
        public Policy build() {
            return new Policy(validate(), false);
        }
    }
}
