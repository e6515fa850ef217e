package io.github.cloudfrontsigned.config;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.KeyStatus;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.request.RequestRules;
import io.github.cloudfrontsigned.request.TrustedProxies;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the servlet filter and the JAX-RS feature need to sign: the {@link CloudFrontSigner}, the
 * protected URL prefixes and rewritable content types, the link and cookie lifetimes, the cookie sets, and who
 * gets signatures. Built from properties ({@link #read(ConfigLookup)}, names in {@link ConfigProperties}) or in
 * code ({@link #builder()}).
 *
 * <pre>{@code
 * // from configuration: all problems reported at once
 * SigningConfiguration config = SigningConfiguration.read(ConfigLookup.of(System::getProperty, "system properties"));
 *
 * // in code, with a signer built in code
 * SigningConfiguration config = SigningConfiguration.builder()
 *     .signer(CloudFrontSigner.builder().key("K2JCJMDEHXQW5F", privateKey).build())
 *     .protectedPrefixes(List.of("https://cdn.example.com/private/"))
 *     .urlTtl(Duration.ofMinutes(10))
 *     .cookie(CookieSpec.of("https://cdn.example.com/members/*", CookieAttributes.defaults()))
 *     .build();
 * }</pre>
 *
 * <p>Validation is eager and complete: {@link #read(ConfigLookup)} and {@link Builder#build()} throw one
 * {@link ConfigurationException} listing every problem, each starting with the property name, the value as
 * found (secrets redacted) and the fix. Nothing in a message or in {@link #toString()} is key material.
 *
 * <p>What a request may have signed is decided in {@code io.github.cloudfrontsigned.request} from the
 * {@link #requestRules() request rules} this configuration builds once; the configuration itself holds no
 * per-request state and answers no per-request question.
 *
 * <p>Thread safety: immutable and thread-safe; the signer it holds is thread-safe too.
 */
public final class SigningConfiguration implements AutoCloseable {

    /**
     * The default rewritable media types, {@link LinkRewriter#DEFAULT_MEDIA_TYPES}: HTML, XHTML, CSS, JavaScript,
     * JSON, XML, HLS playlists, DASH manifests and every {@code +xml} and {@code +json} type.
     */
    public static final Set<String> DEFAULT_CONTENT_TYPES = LinkRewriter.DEFAULT_MEDIA_TYPES;
    /** Default lifetime of a signed link: one hour. */
    public static final Duration DEFAULT_URL_TTL = Duration.ofHours(1);
    /** Default expiry granularity of signers built from properties: five minutes. */
    public static final Duration DEFAULT_URL_EXPIRY_GRANULARITY = Duration.ofMinutes(5);
    /** Default lifetime of a signed cookie policy: one hour. */
    public static final Duration DEFAULT_COOKIE_TTL = Duration.ofHours(1);
    /** Default refresh margin: cookies with less than ten minutes left are re-issued. */
    public static final Duration DEFAULT_COOKIE_REFRESH_MARGIN = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(SigningConfiguration.class.getName());

    private final CloudFrontSigner signer;
    private final List<String> protectedPrefixes;
    private final Set<String> contentTypes;
    private final Duration urlTtl;
    private final List<CookieSpec> cookies;
    private final CookieAttributes cookieAttributes;
    private final boolean cookiePathConfigured;
    private final Duration cookieTtl;
    private final Duration cookieRefreshMargin;
    private final boolean requireAuthenticated;
    private final Set<String> roles;
    private final String accessPolicyClass;
    private final boolean bindClientIp;
    private final TrustedProxies trustedProxies;
    private final LinkRewriter rewriter;
    private final CloudFrontVerifier verifier;
    private final List<AutoCloseable> owned;
    private final RequestRules requestRules;

    SigningConfiguration(Builder b) {
        this.signer = b.signer;
        this.owned = List.copyOf(b.owned);
        this.protectedPrefixes = List.copyOf(b.protectedPrefixes);
        this.contentTypes = Set.copyOf(
                b.contentTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        this.urlTtl = b.urlTtl;
        this.cookies = List.copyOf(b.cookies);
        this.cookieAttributes = b.cookieAttributes;
        this.cookiePathConfigured = b.cookiePathConfigured;
        this.cookieTtl = b.cookieTtl;
        this.cookieRefreshMargin = b.cookieRefreshMargin;
        this.requireAuthenticated = b.requireAuthenticated;
        this.roles = Set.copyOf(b.roles);
        this.accessPolicyClass = b.accessPolicyClass;
        this.bindClientIp = b.bindClientIp;
        this.trustedProxies = b.trustedProxies;
        this.verifier = b.verifier;
        for (CookieSpec cookie : cookies) {
            String warning = SigningConfigurationChecks.openHostWarning(cookie.resourceTemplate());
            if (warning != null) {
                LOG.log(System.Logger.Level.WARNING, "CloudFront configuration: " + warning);
            }
        }
        this.requestRules = RequestRules.builder(signer)
                .verifier(verifier)
                .linkTtl(urlTtl)
                .cookieTtl(cookieTtl)
                .cookieRefreshMargin(cookieRefreshMargin)
                .cookies(cookies)
                .requireAuthenticated(requireAuthenticated)
                .roles(roles)
                .bindClientIp(bindClientIp)
                .trustedProxies(trustedProxies)
                .build();
        if (protectedPrefixes.isEmpty()) {
            this.rewriter = null;
        } else {
            LinkRewriter.Builder rb = LinkRewriter.builder();
            protectedPrefixes.forEach(rb::protectedPrefix);
            this.rewriter = rb.build();
        }
    }

    /**
     * Stops what reading the configuration from properties started: the background refresh of keys fetched from a
     * secret store ({@code secretsmanager:}, {@code ssm:}); the last fetched keys keep signing. A servlet filter
     * calls it from {@code destroy()}. A configuration made with {@link #builder()} owns nothing (its signer and
     * keys are the caller's to close), so this does nothing. Idempotent; failures are logged, not thrown.
     */
    @Override
    public void close() {
        for (AutoCloseable c : owned) {
            closeQuietly(c);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.getLogger(SigningConfiguration.class.getName())
                    .log(System.Logger.Level.WARNING, "closing {0} failed: {1}", c, e.toString());
        }
    }

    /** @return a builder for configuration made in code */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the signer, with every configured key loaded */
    public CloudFrontSigner signer() {
        return signer;
    }

    /**
     * The state of the signing key, for a health check: see {@link CloudFrontSigner#keyStatus()}.
     *
     * @return a snapshot of the signer's active key
     */
    public KeyStatus keyStatus() {
        return signer.keyStatus();
    }

    /** @return the protected URL prefixes ({@value ConfigProperties#PROTECTED_PREFIXES}); may be empty */
    public List<String> protectedPrefixes() {
        return protectedPrefixes;
    }

    /**
     * @return the link rewriter for the protected prefixes, shared by every response; {@code null} when no
     *     prefix is configured (cookies only)
     */
    public LinkRewriter rewriter() {
        return rewriter;
    }

    /**
     * @return a verifier trusting the signer's public keys, with the signer's clock: checks the signed cookies a
     *     request carries before fresh ones are issued ({@link RequestRules#carriesFreshCookies}); {@code null}
     *     when the configuration was built in code without {@link Builder#verifier(CloudFrontVerifier)}
     */
    public CloudFrontVerifier verifier() {
        return verifier;
    }

    /** @return the rewritable media types, lower-case, without parameters ({@value ConfigProperties#CONTENT_TYPES}) */
    public Set<String> contentTypes() {
        return contentTypes;
    }

    /**
     * Whether a body of this {@code Content-Type} is rewritten: its media type (parameters such as
     * {@code charset} ignored, case ignored) is one of {@link #contentTypes()}, where {@code text/*} and
     * {@code *}{@code /*+json} are wildcards (see {@link LinkRewriter#isRewritable(String, Set)}).
     *
     * @param contentType a {@code Content-Type} header value, or {@code null}
     * @return {@code false} for {@code null}
     */
    public boolean isRewritable(String contentType) {
        return LinkRewriter.isRewritable(contentType, contentTypes);
    }

    /** @return the lifetime of signed links ({@value ConfigProperties#URL_TTL}) */
    public Duration urlTtl() {
        return urlTtl;
    }

    /** @return the cookie sets to issue ({@value ConfigProperties#COOKIE_RESOURCES}); may be empty */
    public List<CookieSpec> cookies() {
        return cookies;
    }

    /**
     * A cookie set for a resource that is not configured in {@value ConfigProperties#COOKIE_RESOURCES}, such as
     * one a JAX-RS {@code @CloudFrontSigned(cookies = ...)} annotation names, with the configured cookie
     * attributes ({@code cloudfront.cookie.domain}, {@code .path}, {@code .secure}, {@code .http-only},
     * {@code .same-site}, {@code .max-age}): the {@code Path} is {@value ConfigProperties#COOKIE_PATH} when that
     * property is set, derived from the resource otherwise.
     *
     * @param resource the policy resource, with wildcards and optionally {@value CookieSpec#USER}
     * @return the cookie set
     * @throws IllegalArgumentException if the resource is not a valid policy resource (as
     *     {@link CookieSpec#of(String, CookieAttributes)})
     */
    public CookieSpec cookie(String resource) {
        return cookiePathConfigured
                ? CookieSpec.withPath(resource, cookieAttributes)
                : CookieSpec.of(resource, cookieAttributes);
    }

    /** @return the lifetime of cookie policies ({@value ConfigProperties#COOKIE_TTL}) */
    public Duration cookieTtl() {
        return cookieTtl;
    }

    /** @return how much lifetime cookies a request carries must have left not to be re-issued */
    public Duration cookieRefreshMargin() {
        return cookieRefreshMargin;
    }

    /** @return whether only authenticated users get signatures */
    public boolean requireAuthenticated() {
        return requireAuthenticated;
    }

    /** @return roles of which the user needs one; empty for no role requirement */
    public Set<String> roles() {
        return roles;
    }

    /** @return the class name of the application's access policy, or {@code null} */
    public String accessPolicyClass() {
        return accessPolicyClass;
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
     * The rules every request is decided by (signer, lifetimes, cookie sets, authentication, roles, IP binding,
     * trusted proxies), built once with this configuration, for
     * {@link io.github.cloudfrontsigned.request.RequestSigning.Settings}. The same instance on every call, so every
     * entry point that shares this configuration (the servlet filter and the JAX-RS feature of one web application)
     * shares the state the rules hold for the application: the cache of carried cookies that verified and the
     * rate-limited log of refused path segments. This configuration's own methods use neither.
     *
     * @return the request rules of this configuration
     */
    public RequestRules requestRules() {
        return requestRules;
    }

    /** @return the effective configuration for a debug log: no key material */
    @Override
    public String toString() {
        return "SigningConfiguration{signer=" + signer.describeActiveKey() + ", keys=" + signer.keyPairIds()
                + ", protectedPrefixes=" + protectedPrefixes + ", contentTypes=" + contentTypes + ", urlTtl=" + urlTtl
                + ", expiryGranularity=" + signer.expiryGranularity() + ", cookies=" + cookies + ", cookieTtl="
                + cookieTtl + ", cookieRefreshMargin=" + cookieRefreshMargin + ", requireAuthenticated="
                + requireAuthenticated + ", roles=" + roles + ", accessPolicy=" + accessPolicyClass + ", bindClientIp="
                + bindClientIp + ", " + trustedProxies + "}";
    }

    /**
     * Reads and validates the configuration from properties (names in {@link ConfigProperties}), loading every
     * key. Every problem is collected before anything is thrown.
     *
     * @param lookup where the values are
     * @return the configuration
     * @throws ConfigurationException listing every problem: missing or unreadable keys, an ECDSA key with
     *     {@code SHA1}, malformed prefixes, content types, durations, booleans or numbers, non-positive
     *     lifetimes, a cookie {@code Domain} that does not cover a resource's host, ambiguous cookie paths
     */
    public static SigningConfiguration read(ConfigLookup lookup) {
        return read(lookup, true);
    }

    /**
     * As {@link #read(ConfigLookup)}, optionally accepting a configuration that names neither protected
     * prefixes nor cookie resources: the JAX-RS module's {@code @CloudFrontSigned} annotation can name both per
     * resource, so there only the keys are required.
     *
     * @param lookup where the values are
     * @param requireSigningTargets whether {@value ConfigProperties#PROTECTED_PREFIXES} or
     *     {@value ConfigProperties#COOKIE_RESOURCES} must be set (see {@link Builder#requireSigningTargets(boolean)})
     * @return the configuration
     * @throws ConfigurationException listing every problem, as {@link #read(ConfigLookup)}
     */
    public static SigningConfiguration read(ConfigLookup lookup, boolean requireSigningTargets) {
        return new SigningConfigurationReader(lookup, requireSigningTargets).read();
    }

    /**
     * Builds a {@link SigningConfiguration} in code. Only the signer is required; everything else has the
     * defaults listed in the README (the same as for properties). Not thread-safe; the result is.
     */
    public static final class Builder {
        CloudFrontSigner signer;
        List<String> protectedPrefixes = List.of();
        List<String> contentTypes = List.copyOf(DEFAULT_CONTENT_TYPES);
        Duration urlTtl = DEFAULT_URL_TTL;
        final List<CookieSpec> cookies = new ArrayList<>();
        private CookieAttributes cookieAttributes = CookieAttributes.defaults();
        boolean cookiePathConfigured;
        boolean requireSigningTargets = true;
        Duration cookieTtl = DEFAULT_COOKIE_TTL;
        Duration cookieRefreshMargin = DEFAULT_COOKIE_REFRESH_MARGIN;
        private boolean requireAuthenticated;
        List<String> roles = List.of();
        private String accessPolicyClass;
        private boolean bindClientIp;
        private TrustedProxies trustedProxies = TrustedProxies.none();
        private CloudFrontVerifier verifier;
        /** What the reader started (refreshing keys), closed by {@link SigningConfiguration#close()}. */
        final List<AutoCloseable> owned = new ArrayList<>();
        /** Property name to {shown value, source}, filled by the reader for messages. */
        final Map<String, String[]> origins = new HashMap<>();

        private Builder() {}

        /**
         * @param signer the signer, for example built in code with keys from a secret store
         * @return this builder
         */
        public Builder signer(CloudFrontSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /**
         * Sets the verifier that checks the signed cookies a request already carries (signature, key, expiry),
         * so that fresh cookies are not issued again. Without one, the cookies' policy is only decoded.
         *
         * @param verifier a verifier trusting the signer's public keys, or {@code null}
         * @return this builder
         */
        public Builder verifier(CloudFrontVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /**
         * @param prefixes absolute {@code https://} (or {@code http://}) URL prefixes with a path, such as
         *     {@code https://cdn.example.com/private/}; protocol-relative links ({@code //cdn.example.com/private/})
         *     match them too
         * @return this builder
         */
        public Builder protectedPrefixes(List<String> prefixes) {
            this.protectedPrefixes = List.copyOf(prefixes);
            return this;
        }

        /**
         * @param mediaTypes media types such as {@code text/html}, {@code text/*} or {@code *}{@code /*+json},
         *     without parameters; replaces the defaults
         * @return this builder
         */
        public Builder contentTypes(java.util.Collection<String> mediaTypes) {
            this.contentTypes = List.copyOf(mediaTypes);
            return this;
        }

        /**
         * @param ttl lifetime of signed links; positive
         * @return this builder
         */
        public Builder urlTtl(Duration ttl) {
            this.urlTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Adds a cookie set.
         *
         * @param cookie the resource and attributes
         * @return this builder
         */
        public Builder cookie(CookieSpec cookie) {
            this.cookies.add(Objects.requireNonNull(cookie, "cookie"));
            return this;
        }

        /**
         * The attributes of cookie sets for resources named elsewhere than in {@link #cookie(CookieSpec)}, such as
         * JAX-RS {@code @CloudFrontSigned(cookies = ...)}; see {@link SigningConfiguration#cookie(String)}.
         *
         * @param attributes {@code Domain}, {@code Secure}, {@code HttpOnly}, {@code SameSite}, {@code Max-Age};
         *     the {@code Path} is ignored and derived from each resource; default {@link CookieAttributes#defaults()}
         * @return this builder
         */
        public Builder cookieAttributes(CookieAttributes attributes) {
            this.cookieAttributes = Objects.requireNonNull(attributes, "attributes");
            this.cookiePathConfigured = false;
            return this;
        }

        /**
         * Whether {@link #build()} insists on protected prefixes or cookie resources (default {@code true}: the
         * servlet filter would have nothing to do). The JAX-RS feature passes {@code false}, because its
         * {@code @CloudFrontSigned} annotation can name both per resource.
         *
         * @param require {@code false} to accept a configuration with only a signer
         * @return this builder
         */
        public Builder requireSigningTargets(boolean require) {
            this.requireSigningTargets = require;
            return this;
        }

        /**
         * @param ttl lifetime of cookie policies; positive
         * @return this builder
         */
        public Builder cookieTtl(Duration ttl) {
            this.cookieTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param margin cookies with less lifetime left are re-issued; zero or more, less than the cookie TTL
         * @return this builder
         */
        public Builder cookieRefreshMargin(Duration margin) {
            this.cookieRefreshMargin = Objects.requireNonNull(margin, "margin");
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
        public Builder roles(List<String> roles) {
            this.roles = List.copyOf(roles);
            return this;
        }

        /**
         * @param className the access policy's class name, or {@code null}
         * @return this builder
         */
        public Builder accessPolicyClass(String className) {
            this.accessPolicyClass = className;
            return this;
        }

        /**
         * @param bind whether to bind links and cookies to the client's IPv4 address
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

        /**
         * @return the configuration
         * @throws ConfigurationException listing every problem (property names as in {@link ConfigProperties})
         */
        public SigningConfiguration build() {
            List<ConfigurationException.Problem> problems = problems(true);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new SigningConfiguration(this);
        }

        /** @return every problem of the values set so far ({@link SigningConfigurationChecks}) */
        List<ConfigurationException.Problem> problems(boolean requireSigner) {
            return new SigningConfigurationChecks(this).problems(requireSigner);
        }
    }
}
