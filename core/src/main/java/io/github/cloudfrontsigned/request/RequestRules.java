package io.github.cloudfrontsigned.request;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.ResourceUrls;
import io.github.cloudfrontsigned.internal.SummarizingLog;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every request of one application is decided by, and what those requests share: the signer, link and
 * cookie lifetimes, the cookie sets, who gets signatures (authentication, roles, client-IP binding through
 * {@link TrustedProxies}), and the application's two pieces of state: the cache of carried cookies that verified
 * ({@link #carriesFreshCookies}) and the rate-limited log of user names and path parameters refused as path
 * segments ({@link #cookieResource}, {@link #pathSegment}).
 *
 * <p>One per application: {@code SigningConfiguration.requestRules()} builds it once from the configuration, so
 * the servlet filter and the JAX-RS feature of one web application, which share the configuration, share its
 * cache and its log too. {@link RequestSigning.Settings} are made from it. Built in code with
 * {@link #builder(CloudFrontSigner)}; the values are not checked beyond being present (the configuration checks
 * them and reports every problem at once).
 *
 * <p>Thread safety: thread-safe; the values are immutable, the cache and the log are safe for concurrent use.
 */
public final class RequestRules {

    private static final System.Logger LOG = System.getLogger(RequestRules.class.getName());

    private final CloudFrontSigner signer;
    private final CloudFrontVerifier verifier;
    private final Duration linkTtl;
    private final Duration cookieTtl;
    private final Duration cookieRefreshMargin;
    private final List<CookieSpec> cookies;
    private final boolean requireAuthenticated;
    private final Set<String> roles;
    private final boolean bindClientIp;
    private final TrustedProxies trustedProxies;
    private final CarriedCookies carriedCookies = new CarriedCookies();
    private final SummarizingLog refusedSegments;

    private RequestRules(Builder b) {
        this.signer = b.signer;
        this.verifier = b.verifier;
        this.linkTtl = b.linkTtl;
        this.cookieTtl = b.cookieTtl;
        this.cookieRefreshMargin = b.cookieRefreshMargin;
        this.cookies = b.cookies;
        this.requireAuthenticated = b.requireAuthenticated;
        this.roles = b.roles;
        this.bindClientIp = b.bindClientIp;
        this.trustedProxies = b.trustedProxies;
        this.refusedSegments = new SummarizingLog(
                LOG,
                System.Logger.Level.WARNING,
                "user names or path parameters refused as path segments",
                signer.clock(),
                Duration.ofMinutes(1));
    }

    /**
     * @param signer the signer of links and cookies; its clock is the rules' clock
     * @return a builder with the defaults of the configuration: links and cookies valid for one hour, a refresh
     *     margin of ten minutes, no cookie sets, everyone gets signatures, no IP binding, no trusted proxy
     */
    public static Builder builder(CloudFrontSigner signer) {
        return new Builder(signer);
    }

    /** @return the signer of links and cookies */
    public CloudFrontSigner signer() {
        return signer;
    }

    /**
     * @return the verifier that checks the signed cookies a request carries (signature, key, expiry); {@code null}
     *     when there is none (then the cookies' policy is only decoded)
     */
    public CloudFrontVerifier verifier() {
        return verifier;
    }

    /** @return how long signed links stay valid */
    public Duration linkTtl() {
        return linkTtl;
    }

    /** @return how long signed cookies' policies stay valid */
    public Duration cookieTtl() {
        return cookieTtl;
    }

    /** @return how much lifetime cookies a request carries must have left not to be re-issued */
    public Duration cookieRefreshMargin() {
        return cookieRefreshMargin;
    }

    /** @return the cookie sets every request may get; may be empty */
    public List<CookieSpec> cookies() {
        return cookies;
    }

    /** @return whether only authenticated users get signatures */
    public boolean requireAuthenticated() {
        return requireAuthenticated;
    }

    /** @return roles of which the user needs one; empty for no role requirement */
    public Set<String> roles() {
        return roles;
    }

    /** @return whether links and cookies are bound to the client's IPv4 address */
    public boolean bindClientIp() {
        return bindClientIp;
    }

    /** @return the proxies whose {@code X-Forwarded-For} is believed */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /**
     * The policy resource of a cookie set for a user, or {@code null} for none: anonymous, or a user name that
     * cannot be one path segment ({@link ResourceUrls#pathSegment(String)}), which is logged as a
     * {@code WARNING} naming the rule (at most one a minute for the application, the rest counted; see
     * {@link SummarizingLog}).
     *
     * @param spec the cookie set
     * @param userName the authenticated user's name, or {@code null}
     * @return the resource, or {@code null} when this request gets no cookies for it
     */
    public String cookieResource(CookieSpec spec, String userName) {
        try {
            return spec.resource(userName);
        } catch (IllegalArgumentException e) {
            refusedSegments.record(
                    "user name",
                    () -> "No CloudFront signed cookies for " + spec.resourceTemplate() + ": the user name "
                            + e.getMessage());
            return null;
        }
    }

    /**
     * A value (such as a JAX-RS path parameter) as one path segment of a resource, or {@code null} when it
     * cannot be one ({@link ResourceUrls#pathSegment(String)}), which is logged as a {@code WARNING} naming the
     * rule (at most one a minute for the application, the rest counted).
     *
     * @param what what the value is, for the log, such as {@code path parameter {courseId}}
     * @param value the raw value
     * @return the encoded segment, or {@code null}: then sign nothing with it
     */
    public String pathSegment(String what, String value) {
        try {
            return ResourceUrls.pathSegment(value);
        } catch (IllegalArgumentException e) {
            refusedSegments.record(what, () -> "Nothing signed for the " + what + " " + e.getMessage());
            return null;
        }
    }

    /**
     * Whether a request already carries CloudFront signed cookies for {@code resource} that need not be issued
     * again: signed by the active key, for exactly this policy {@code Resource} and {@code IpAddress}, with more
     * than {@link #cookieRefreshMargin()} left before {@code DateLessThan}. Checked with {@link #verifier()}
     * (signature, key, expiry) when there is one; otherwise (a key that can rotate in its store) the policy is only
     * decoded, so a forged cookie can at most stop one request from getting fresh cookies. Cookies that verified are
     * remembered for the application (at most 4,096 sets), so the same cookies on the next request cost a map
     * lookup, not a signature verification. {@link RequestSigning#setCookieHeaders(List)} calls it before signing
     * cookies. Thread-safe. Source:
     * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html">Set
     * signed cookies using a custom policy</a>.
     *
     * @param resource the policy {@code Resource} the cookies would be issued for
     * @param cookies the request's cookies by name, the first of each name (only {@code CloudFront-*} are read);
     *     {@code null} for none
     * @param ipAddress the {@code IpAddress} the new policy would carry (CIDR as
     *     {@link io.github.cloudfrontsigned.Policy#ipAddress()} gives it), or {@code null} for none
     * @param clientIp the client's IP address, for the verifier's {@code IpAddress} check; {@code null} if unknown
     * @return {@code true} if the carried cookies are fresh enough, {@code false} if cookies should be issued
     */
    public boolean carriesFreshCookies(
            String resource, Map<String, String> cookies, String ipAddress, String clientIp) {
        return carriedCookies.fresh(this, resource, cookies, ipAddress, clientIp);
    }

    /** @return the rules for a debug log: no key material */
    @Override
    public String toString() {
        return "RequestRules{signer=" + signer.describeActiveKey() + ", linkTtl=" + linkTtl + ", cookieTtl="
                + cookieTtl + ", cookieRefreshMargin=" + cookieRefreshMargin + ", cookies=" + cookies
                + ", requireAuthenticated=" + requireAuthenticated + ", roles=" + roles + ", bindClientIp="
                + bindClientIp + ", " + trustedProxies + ", verifier=" + (verifier != null) + "}";
    }

    /** Builds {@link RequestRules}; not thread-safe. */
    public static final class Builder {
        private final CloudFrontSigner signer;
        private CloudFrontVerifier verifier;
        private Duration linkTtl = Duration.ofHours(1);
        private Duration cookieTtl = Duration.ofHours(1);
        private Duration cookieRefreshMargin = Duration.ofMinutes(10);
        private List<CookieSpec> cookies = List.of();
        private boolean requireAuthenticated;
        private Set<String> roles = Set.of();
        private boolean bindClientIp;
        private TrustedProxies trustedProxies = TrustedProxies.none();

        private Builder(CloudFrontSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
        }

        /**
         * @param verifier checks the signed cookies a request carries, or {@code null} to only decode their policy
         * @return this builder
         */
        public Builder verifier(CloudFrontVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /**
         * @param ttl how long signed links stay valid
         * @return this builder
         */
        public Builder linkTtl(Duration ttl) {
            this.linkTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param ttl how long signed cookies' policies stay valid
         * @return this builder
         */
        public Builder cookieTtl(Duration ttl) {
            this.cookieTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param margin cookies a request carries with less lifetime left are re-issued
         * @return this builder
         */
        public Builder cookieRefreshMargin(Duration margin) {
            this.cookieRefreshMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * @param cookies the cookie sets every request may get
         * @return this builder
         */
        public Builder cookies(List<CookieSpec> cookies) {
            this.cookies = List.copyOf(cookies);
            return this;
        }

        /**
         * @param require whether only authenticated users get signatures
         * @return this builder
         */
        public Builder requireAuthenticated(boolean require) {
            this.requireAuthenticated = require;
            return this;
        }

        /**
         * @param roles the user needs one of these roles; empty for none
         * @return this builder
         */
        public Builder roles(Set<String> roles) {
            this.roles = Set.copyOf(roles);
            return this;
        }

        /**
         * @param bind whether links and cookies are bound to the client's IPv4 address
         * @return this builder
         */
        public Builder bindClientIp(boolean bind) {
            this.bindClientIp = bind;
            return this;
        }

        /**
         * @param proxies the proxies whose {@code X-Forwarded-For} is believed
         * @return this builder
         */
        public Builder trustedProxies(TrustedProxies proxies) {
            this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /** @return the rules, with a new (empty) cache and log: build once per application */
        public RequestRules build() {
            return new RequestRules(this);
        }
    }
}
