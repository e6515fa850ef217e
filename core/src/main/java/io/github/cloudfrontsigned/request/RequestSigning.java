package io.github.cloudfrontsigned.request;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.internal.LogText;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one viewer request may have signed, decided once and container-neutral: the servlet filter and the JAX-RS
 * feature both hand it a small {@link Viewer view of their request} and use the answer.
 *
 * <p>The decision, in order:
 * <ol>
 *   <li><b>Authentication and roles</b>: with {@link RequestRules#requireAuthenticated()} or
 *       {@link RequestRules#roles()} the user must be authenticated and, with roles, be in one of them.
 *   <li><b>The application's hooks</b> ({@link AccessHooks}, optional): may refuse the request.
 *   <li><b>Client-IP binding</b>: the client address is the peer address, or, from trusted proxies only, the
 *       nearest untrusted {@code X-Forwarded-For} entry ({@link TrustedProxies}). CloudFront's {@code IpAddress}
 *       condition accepts IPv4 only, so with binding on a client without an IPv4 address gets no signatures.
 *       A bound request's links get a custom policy with {@code DateLessThan} and {@code IpAddress}; otherwise
 *       links get a canned policy (see
 *       <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html">
 *       Creating a signed URL using a custom policy</a>).
 *   <li><b>Links</b> ({@link #signingParameters(String)}): a link that cannot be signed as written (already
 *       signed, a character CloudFront cannot match) is left unsigned.
 *   <li><b>Cookies</b> ({@link #setCookieHeaders(List)}): one set per cookie resource, with the same
 *       {@code IpAddress} as the links, none where the request carries fresh ones already
 *       ({@link RequestRules#carriesFreshCookies}).
 * </ol>
 *
 * <p>The decision is made lazily, on the first call that needs it, and at most once. The links of a request are
 * signed with one snapshot of the signer's clock and active key, taken at the first link (and again at the first
 * link after {@link #forResponse()}, which a rewriter calls on {@code flush()}). Not thread-safe: one request's
 * threads use it one at a time. The {@link Settings} it is made from are immutable and shared.
 */
public final class RequestSigning implements LinkSigner {

    /**
     * What the decision needs to know about one request; each adapter implements it over its container's
     * request in a few lines. Called at most a few times per request.
     */
    public interface Viewer {

        /** @return the authenticated user's name, or {@code null} when the request is not authenticated */
        String userName();

        /**
         * @param role a role name from {@link RequestRules#roles()}
         * @return whether the authenticated user is in the role
         */
        boolean isUserInRole(String role);

        /** @return the peer's IP address as text, or {@code null} when the container does not say */
        String remoteAddress();

        /** @return the values of the request's {@code X-Forwarded-For} headers, in order; empty for none */
        List<String> forwardedFor();

        /**
         * @return the {@code CloudFront-*} cookies the request carries, by name; where a name appears twice, the
         *     first counts, as at CloudFront. Empty for none.
         */
        Map<String, String> cloudFrontCookies();
    }

    /**
     * The application's say on one request (the servlet filter adapts its {@code CloudFrontAccessPolicy} to
     * this). Each method may throw: the request then gets no signatures (for a link or cookie hook: not that
     * link or cookie set) and a WARNING naming the exception's class is logged.
     */
    public interface AccessHooks {

        /** @return whether the request gets signatures at all; called once, after authentication and roles */
        default boolean allowsRequest() {
            return true;
        }

        /**
         * @param clientAddress the client address (through trusted proxies), or {@code null} when unknown
         * @return the {@code IpAddress} to bind links and cookies to (an IPv4 address or CIDR range), or
         *     {@code null} for the configured behaviour
         */
        default String ipAddress(String clientAddress) {
            return null;
        }

        /**
         * @param url the link as written in the response
         * @return whether this link gets signed
         */
        default boolean allowsLink(String url) {
            return true;
        }

        /**
         * @param resource the cookie policy's resource, {@code {user}} already replaced
         * @return whether this cookie set is issued
         */
        default boolean allowsCookies(String resource) {
            return true;
        }
    }

    /**
     * What to sign with, shared by all requests of a filter or of a resource method: the application's
     * {@link RequestRules}, the signer, link and cookie lifetimes, IP binding, and what a failure to sign cookies
     * does. Immutable and thread-safe.
     */
    public static final class Settings {

        private final RequestRules rules;
        private final CloudFrontSigner signer;
        private final Duration linkTtl;
        private final Duration cookieTtl;
        private final boolean bindClientIp;
        private final boolean cookieFailuresThrow;
        private final System.Logger log;
        private final Policy cannedLinkPolicy;
        private final LinkSigner cannedLinkSigner;

        private Settings(Builder b) {
            this.rules = b.rules;
            this.signer = b.signer;
            this.linkTtl = b.linkTtl;
            this.cookieTtl = b.cookieTtl;
            this.bindClientIp = b.bindClientIp;
            this.cookieFailuresThrow = b.cookieFailuresThrow;
            this.log = b.log;
            this.cannedLinkPolicy = Policy.builder().expiresIn(linkTtl).build();
            this.cannedLinkSigner = signer.linkSigner(linkTtl);
        }

        /**
         * @param rules the application's rules ({@code SigningConfiguration.requestRules()}): its signer,
         *     {@link RequestRules#linkTtl() link} and {@link RequestRules#cookieTtl() cookie} lifetimes and
         *     {@link RequestRules#bindClientIp() IP binding} are the defaults
         * @return a builder; by default a cookie set that fails to sign is skipped with a WARNING
         */
        public static Builder builder(RequestRules rules) {
            return new Builder(rules);
        }

        /** @return the application's rules these settings were made from */
        public RequestRules rules() {
            return rules;
        }

        /** @return the signer of links and cookies */
        public CloudFrontSigner signer() {
            return signer;
        }

        /** @return how long signed links stay valid */
        public Duration linkTtl() {
            return linkTtl;
        }

        /** @return how long signed cookies stay valid */
        public Duration cookieTtl() {
            return cookieTtl;
        }

        /** @return whether links and cookies are bound to the client's IPv4 address */
        public boolean bindClientIp() {
            return bindClientIp;
        }

        /** Builds {@link Settings}; not thread-safe. */
        public static final class Builder {
            private final RequestRules rules;
            private CloudFrontSigner signer;
            private Duration linkTtl;
            private Duration cookieTtl;
            private boolean bindClientIp;
            private boolean cookieFailuresThrow;
            private System.Logger log = System.getLogger(RequestSigning.class.getName());

            private Builder(RequestRules rules) {
                this.rules = Objects.requireNonNull(rules, "rules");
                this.signer = rules.signer();
                this.linkTtl = rules.linkTtl();
                this.cookieTtl = rules.cookieTtl();
                this.bindClientIp = rules.bindClientIp();
            }

            /**
             * @param signer the signer to use instead of the rules' (for example with another hash
             *     algorithm)
             * @return this builder
             */
            public Builder signer(CloudFrontSigner signer) {
                this.signer = Objects.requireNonNull(signer, "signer");
                return this;
            }

            /**
             * @param ttl how long signed links stay valid (positive)
             * @return this builder
             */
            public Builder linkTtl(Duration ttl) {
                this.linkTtl = Objects.requireNonNull(ttl, "ttl");
                return this;
            }

            /**
             * @param ttl how long signed cookies stay valid (positive)
             * @return this builder
             */
            public Builder cookieTtl(Duration ttl) {
                this.cookieTtl = Objects.requireNonNull(ttl, "ttl");
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
             * @param fail {@code true}: a cookie set that cannot be signed throws out of
             *     {@link RequestSigning#setCookieHeaders(List)} (the caller fails the response);
             *     {@code false} (the default): it is skipped and a WARNING is logged, the response goes on
             * @return this builder
             */
            public Builder cookieFailuresThrow(boolean fail) {
                this.cookieFailuresThrow = fail;
                return this;
            }

            /**
             * @param log where the decision logs (DEBUG: refused clients and links left unsigned; WARNING: hook
             *     and cookie failures); by default this class's logger
             * @return this builder
             */
            public Builder log(System.Logger log) {
                this.log = Objects.requireNonNull(log, "log");
                return this;
            }

            /**
             * @return the settings
             * @throws IllegalArgumentException if a lifetime is not positive
             */
            public Settings build() {
                return new Settings(this);
            }
        }
    }

    private final Settings settings;
    private final Viewer viewer;
    private final AccessHooks hooks;
    private Boolean allowed;
    private String ipAddress;
    private String clientAddress;
    private Policy linkPolicy;
    /** The signer of this request's links, with its snapshot of the clock and key; made at the first link. */
    private LinkSigner links;

    private RequestSigning(Settings settings, Viewer viewer, AccessHooks hooks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.viewer = Objects.requireNonNull(viewer, "viewer");
        this.hooks = hooks;
    }

    /**
     * @param settings what to sign with
     * @param viewer the request
     * @param hooks the application's hooks for this request, or {@code null} for none
     * @return the signing of this request; nothing is decided yet
     */
    public static RequestSigning of(Settings settings, Viewer viewer, AccessHooks hooks) {
        return new RequestSigning(settings, viewer, hooks);
    }

    /**
     * @return whether this request gets signatures: authentication, roles, the hooks, and the IP binding if any
     *     (decided on the first call)
     */
    public boolean allowed() {
        if (allowed == null) {
            allowed = decide();
        }
        return allowed;
    }

    private boolean decide() {
        RequestRules rules = settings.rules;
        boolean gated = rules.requireAuthenticated() || !rules.roles().isEmpty();
        if (gated && viewer.userName() == null) {
            return false;
        }
        if (!rules.roles().isEmpty() && rules.roles().stream().noneMatch(viewer::isUserInRole)) {
            return false;
        }
        try {
            if (hooks != null && !hooks.allowsRequest()) {
                return false;
            }
            if (hooks == null && !settings.bindClientIp) {
                linkPolicy = settings.cannedLinkPolicy;
                return true;
            }
            String remote = viewer.remoteAddress();
            String client = remote == null ? null : rules.trustedProxies().clientAddress(remote, viewer.forwardedFor());
            String v4 = ipv4(client);
            clientAddress = v4 != null ? v4 : client;
            String bound = hooks == null ? null : hooks.ipAddress(client);
            if (bound == null && settings.bindClientIp) {
                bound = v4;
                if (bound == null) {
                    settings.log.log(
                            System.Logger.Level.DEBUG,
                            "No signatures for client {0}: IP binding is on and"
                                    + " CloudFront''s IpAddress condition accepts IPv4 only",
                            LogText.of(client));
                    return false;
                }
            }
            if (bound != null) {
                linkPolicy = Policy.builder()
                        .expiresIn(settings.linkTtl)
                        .ipAddress(bound)
                        .build();
                ipAddress = linkPolicy.ipAddress();
            } else {
                linkPolicy = settings.cannedLinkPolicy;
            }
            return true;
        } catch (RuntimeException e) {
            hookFailed(e);
            return false;
        }
    }

    /** The client address as IPv4 text, or {@code null} for none or a true IPv6 address. */
    static String ipv4(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            InetAddress a = InetAddress.getByName(address); // a literal: the peer address or a checked header value
            return a.getAddress().length == 4 ? a.getHostAddress() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The link signer handed to the rewriter ({@link LinkSigner}).
     *
     * @param url a protected link as written in the response
     * @return the query parameters for {@code url}, or {@code null} to leave it unchanged: the request gets no
     *     signatures, the hooks refuse the link, or it cannot be signed as written
     */
    @Override
    public String signingParameters(String url) {
        if (!allowed()) {
            return null;
        }
        try {
            if (hooks != null && !hooks.allowsLink(url)) {
                return null;
            }
        } catch (RuntimeException e) {
            hookFailed(e);
            return null;
        }
        LinkSigner l = links;
        if (l == null) {
            try {
                l = links = new ResponseLinks(responseSnapshot());
            } catch (IllegalArgumentException e) {
                return leftUnsigned(e);
            }
        }
        return l.signingParameters(url);
    }

    /** Logs at DEBUG why a link stays as written (never key material: the signer's messages name no key). */
    private String leftUnsigned(IllegalArgumentException e) {
        if (settings.log.isLoggable(System.Logger.Level.DEBUG)) {
            settings.log.log(System.Logger.Level.DEBUG, "Link left unsigned: {0}", LogText.of(e.getMessage()));
        }
        return null;
    }

    /** The snapshot of the signer for this request's policy (canned, or bound to its IP address). */
    private LinkSigner responseSnapshot() {
        return (linkPolicy == settings.cannedLinkPolicy
                        ? settings.cannedLinkSigner
                        : settings.signer.linkSigner(linkPolicy))
                .forResponse();
    }

    /**
     * The signer of this response's links, with a new snapshot of the signer's clock and active key: a rewriter
     * calls it at its first link and at the first link after each {@code flush()}. Without hooks this is the
     * snapshot itself behind one small wrapper (or a signer of nothing when the request gets no signatures), so
     * each link costs one lookup, not this request's decisions again; with hooks, this request's signing, which
     * asks {@link AccessHooks#allowsLink(String)} per link.
     *
     * @return the signer of the links that follow
     */
    @Override
    public LinkSigner forResponse() {
        links = null;
        if (hooks != null) {
            return this;
        }
        if (!allowed()) {
            return NO_LINKS;
        }
        try {
            return new ResponseLinks(responseSnapshot());
        } catch (IllegalArgumentException e) {
            return this; // each link then meets the same failure and is left unsigned, as without the snapshot
        }
    }

    /** Leaves every link unchanged: the signer of a response whose request gets no signatures. */
    private static final LinkSigner NO_LINKS = url -> null;

    /**
     * One response's links signed with one snapshot; a link that cannot be signed as written (already signed, a
     * character CloudFront cannot match) is left unchanged and logged at DEBUG, not reported as a failure.
     */
    private final class ResponseLinks implements LinkSigner {
        private final LinkSigner snapshot;

        ResponseLinks(LinkSigner snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public String signingParameters(String url) {
            try {
                return snapshot.signingParameters(url);
            } catch (IllegalArgumentException e) {
                return leftUnsigned(e);
            }
        }

        @Override
        public LinkSigner forResponse() {
            return RequestSigning.this.forResponse();
        }
    }

    /**
     * The cookies of the application's cookie sets ({@link RequestRules#cookies()}).
     *
     * @return as {@link #setCookieHeaders(List)}
     */
    public List<String> setCookieHeaders() {
        return setCookieHeaders(settings.rules.cookies());
    }

    /**
     * @param specs the cookie sets to issue ({@code {user}} still in them); a {@code null} element is skipped
     * @return the {@code Set-Cookie} header values to add, none when the request gets no signatures, and none
     *     for a set the request carries fresh already
     * @throws RuntimeException from signing, only with {@link Settings.Builder#cookieFailuresThrow(boolean)}
     */
    public List<String> setCookieHeaders(List<CookieSpec> specs) {
        if (specs.isEmpty() || !allowed()) {
            return List.of();
        }
        String user = viewer.userName();
        Map<String, String> carried = null;
        List<String> headers = new ArrayList<>();
        for (CookieSpec spec : specs) {
            String resource = spec == null ? null : settings.rules.cookieResource(spec, user);
            if (resource == null) {
                continue;
            }
            try {
                if (hooks != null && !hooks.allowsCookies(resource)) {
                    continue;
                }
            } catch (RuntimeException e) {
                hookFailed(e);
                continue;
            }
            if (carried == null) {
                carried = viewer.cloudFrontCookies();
            }
            if (settings.rules.carriesFreshCookies(resource, carried, ipAddress, clientAddress)) {
                continue;
            }
            try {
                Policy.Builder p = Policy.builder().resource(resource).expiresIn(settings.cookieTtl);
                if (ipAddress != null) {
                    p.ipAddress(ipAddress);
                }
                SignedCookies cookies = settings.signer.signCookies(p.build());
                headers.addAll(cookies.toSetCookieHeaders(spec.attributes(user)));
            } catch (RuntimeException e) {
                if (settings.cookieFailuresThrow) {
                    throw e;
                }
                // never break the response: this request simply gets no cookies for this resource
                settings.log.log(
                        System.Logger.Level.WARNING,
                        "No signed cookies for {0}: {1}",
                        LogText.of(resource),
                        LogText.of(e.toString()));
            }
        }
        return headers;
    }

    private void hookFailed(RuntimeException e) {
        settings.log.log(
                System.Logger.Level.WARNING,
                "The access policy threw {0}; signing denied for this request",
                e.getClass().getName());
    }
}
