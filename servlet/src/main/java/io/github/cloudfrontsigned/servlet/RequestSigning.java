package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.LogText;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.config.CookieSpec;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request may have signed, decided lazily and at most once: whether it is allowed at all, the
 * client address binding, the link signer and the cookies. Used by one request's threads, one at a time.
 */
final class RequestSigning {

    private static final System.Logger LOG = System.getLogger(CloudFrontSigningFilter.class.getName());

    private final SigningConfiguration config;
    private final CloudFrontAccessPolicy policy;
    private final HttpServletRequest request;
    private final Policy cannedLinkPolicy;
    private final LinkSigner cannedLinkSigner;
    private Boolean allowed;
    private String ipAddress;
    private String clientAddress;
    private Policy linkPolicy;

    RequestSigning(SigningConfiguration config, CloudFrontAccessPolicy policy, Policy cannedLinkPolicy,
            LinkSigner cannedLinkSigner, HttpServletRequest request) {
        this.config = config;
        this.policy = policy;
        this.cannedLinkPolicy = cannedLinkPolicy;
        this.cannedLinkSigner = cannedLinkSigner;
        this.request = request;
    }

    /** Whether this request gets signatures: authentication, roles, the policy, and the IP binding if any. */
    boolean allowed() {
        if (allowed == null) {
            allowed = decide();
        }
        return allowed;
    }

    private boolean decide() {
        Principal user = request.getUserPrincipal();
        if ((config.requireAuthenticated() || !config.roles().isEmpty()) && user == null) {
            return false;
        }
        if (!config.roles().isEmpty() && config.roles().stream().noneMatch(request::isUserInRole)) {
            return false;
        }
        try {
            if (policy != null && !policy.allowsRequest(request)) {
                return false;
            }
            if (policy == null && !config.bindClientIp()) {
                linkPolicy = cannedLinkPolicy;
                return true;
            }
            String client = config.trustedProxies().clientAddress(request.getRemoteAddr(),
                    Collections.list(request.getHeaders("X-Forwarded-For")));
            clientAddress = client;
            String bound = policy == null ? null : policy.ipAddress(request, client);
            if (bound == null && config.bindClientIp()) {
                bound = ipv4(client);
                if (bound == null) {
                    LOG.log(System.Logger.Level.DEBUG, "No signatures for client {0}: cloudfront.client-ip.bind is"
                            + " on and CloudFront's IpAddress condition accepts IPv4 only", LogText.of(client));
                    return false;
                }
            }
            if (bound != null) {
                linkPolicy = Policy.builder().expiresIn(config.urlTtl()).ipAddress(bound).build();
                ipAddress = linkPolicy.ipAddress();
            } else {
                linkPolicy = cannedLinkPolicy;
            }
            return true;
        } catch (RuntimeException e) {
            policyFailed(e);
            return false;
        }
    }

    /** The client address as IPv4 text, or {@code null} for a true IPv6 address. */
    private static String ipv4(String address) {
        if (address == null) {
            return null;
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            InetAddress a = InetAddress.getByName(address); // a literal: the peer address or a checked header value
            byte[] b = a.getAddress();
            if (b.length == 4) {
                return a.getHostAddress();
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    /**
     * The link signer handed to the rewriter.
     *
     * @return the query parameters for {@code url}, or {@code null} to leave it unchanged
     */
    String signingParameters(String url) {
        if (!allowed()) {
            return null;
        }
        try {
            if (policy != null && !policy.allowsLink(request, url)) {
                return null;
            }
        } catch (RuntimeException e) {
            policyFailed(e);
            return null;
        }
        try {
            return linkPolicy == cannedLinkPolicy ? cannedLinkSigner.signingParameters(url)
                    : config.signer().signingParameters(url, linkPolicy);
        } catch (IllegalArgumentException e) {
            // The URL cannot be signed as written (already signed, a character CloudFront cannot match): leave it.
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "Link left unsigned: {0}", LogText.of(e.getMessage()));
            }
            return null;
        }
    }

    /** The {@code Set-Cookie} header values to add, none when the request carries fresh ones already. */
    List<String> setCookieHeaders() {
        if (config.cookies().isEmpty() || !allowed()) {
            return List.of();
        }
        Principal principal = request.getUserPrincipal();
        String user = principal == null ? null : principal.getName();
        List<String> headers = new ArrayList<>();
        for (CookieSpec spec : config.cookies()) {
            String resource = config.cookieResource(spec, user);
            if (resource == null) {
                continue;
            }
            try {
                if (policy != null && !policy.allowsCookies(request, resource)) {
                    continue;
                }
            } catch (RuntimeException e) {
                policyFailed(e);
                continue;
            }
            if (carriesFreshCookies(resource)) {
                continue;
            }
            try {
                Policy.Builder p = Policy.builder().resource(resource).expiresIn(config.cookieTtl());
                if (ipAddress != null) {
                    p.ipAddress(ipAddress);
                }
                SignedCookies cookies = config.signer().signCookies(p.build());
                headers.addAll(cookies.toSetCookieHeaders(spec.attributes(user)));
            } catch (RuntimeException e) {
                // never break the response: this request simply gets no cookies for this resource
                LOG.log(System.Logger.Level.WARNING, "No signed cookies for {0}: {1}", LogText.of(resource),
                        LogText.of(e.toString()));
            }
        }
        return headers;
    }

    /** Whether the request carries fresh cookies for the resource: {@link SigningConfiguration#carriesFreshCookies}. */
    private boolean carriesFreshCookies(String resource) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        Map<String, String> byName = new HashMap<>();
        for (Cookie c : cookies) {
            if (c.getName().startsWith("CloudFront-")) {
                byName.putIfAbsent(c.getName(), c.getValue()); // the first of a name counts, as at CloudFront
            }
        }
        return config.carriesFreshCookies(resource, byName, ipAddress, clientAddress);
    }

    private static void policyFailed(RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "CloudFrontAccessPolicy threw {0}; signing denied for this request",
                e.getClass().getName());
    }
}
