package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.LogText;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.config.CookieSpec;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;
import java.net.InetAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request of a bound resource gets signed: decided once by the response filter, then used by it for
 * the headers and cookies and by the writer interceptor for the entity's links. One request's threads use it
 * one at a time.
 */
final class RequestSigning {

    private static final System.Logger LOG = System.getLogger(CloudFrontSignedFeature.class.getName());

    /** Request property under which the response filter hands this to the writer interceptor. */
    static final String PROPERTY = RequestSigning.class.getName();
    /** Request property holding the client's address, set by {@link ServletClientAddress} in a servlet container. */
    static final String REMOTE_ADDRESS = RequestSigning.class.getPackageName() + ".remote-address";

    final ResourceSigning resource;
    final String scheme;
    private final Policy linkPolicy;
    private final String ipAddress;
    private final String user;

    private RequestSigning(ResourceSigning resource, String scheme, Policy linkPolicy, String ipAddress, String user) {
        this.resource = resource;
        this.scheme = scheme;
        this.linkPolicy = linkPolicy;
        this.ipAddress = ipAddress;
        this.user = user;
    }

    /**
     * @return the signing of this request, or {@code null} when it gets no signatures: the configured
     *     authentication or roles are missing, or IP binding is on and the client has no IPv4 address
     */
    static RequestSigning decide(ResourceSigning resource, ContainerRequestContext request) {
        SigningConfiguration config = resource.config;
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        if ((config.requireAuthenticated() || !config.roles().isEmpty()) && principal == null) {
            return null;
        }
        if (!config.roles().isEmpty() && config.roles().stream().noneMatch(security::isUserInRole)) {
            return null;
        }
        Policy linkPolicy = resource.cannedLinkPolicy;
        String ip = null;
        if (resource.bindClientIp) {
            Object remote = request.getProperty(REMOTE_ADDRESS);
            String client = remote == null ? null : config.trustedProxies().clientAddress(remote.toString(),
                    request.getHeaders().getOrDefault("X-Forwarded-For", List.of()));
            ip = ipv4(client);
            if (ip == null) {
                LOG.log(System.Logger.Level.DEBUG, "No signatures for client {0}: IP binding is on and CloudFront''s"
                        + " IpAddress condition accepts IPv4 only (the address is known in servlet containers only)",
                        LogText.of(client));
                return null;
            }
            linkPolicy = Policy.builder().expiresIn(resource.linkTtl).ipAddress(ip).build();
            ip = linkPolicy.ipAddress();
        }
        String scheme = request.getUriInfo().getRequestUri().getScheme();
        return new RequestSigning(resource, scheme, linkPolicy, ip, principal == null ? null : principal.getName());
    }

    /** The client address as IPv4 text, or {@code null} for none or a true IPv6 address. */
    private static String ipv4(String address) {
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
     * The link signer handed to the rewriter.
     *
     * @return the query parameters for {@code url}, or {@code null} to leave it unchanged
     */
    String signingParameters(String url) {
        try {
            return linkPolicy == resource.cannedLinkPolicy ? resource.cannedLinkSigner.signingParameters(url)
                    : resource.signer.signingParameters(url, linkPolicy);
        } catch (IllegalArgumentException e) {
            // The URL cannot be signed as written (already signed, a character CloudFront cannot match): leave it.
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "Link left unsigned: {0}", LogText.of(e.getMessage()));
            }
            return null;
        }
    }

    /**
     * @param value a header value such as a {@code Location} URL or a {@code Link} header
     * @return the value with its protected links signed; {@code value} itself when nothing changed
     */
    String signHeader(String value) {
        return resource.rewriting == null ? value : resource.rewriting.rewrite(value, this::signingParameters);
    }

    /**
     * @param pathParameters the request's decoded path parameters
     * @param requestCookies the cookies the request carries, by name
     * @return the {@code Set-Cookie} header values of the resource's cookie sets, without those the request
     *     carries fresh already ({@link SigningConfiguration#carriesFreshCookies})
     */
    List<String> setCookieHeaders(Map<String, List<String>> pathParameters, Map<String, Cookie> requestCookies) {
        Map<String, String> carried = new HashMap<>();
        requestCookies.forEach((name, cookie) -> {
            if (name.startsWith("CloudFront-")) {
                carried.put(name, cookie.getValue());
            }
        });
        List<String> headers = new ArrayList<>();
        for (ResourceSigning.CookieTemplate template : resource.cookies) {
            CookieSpec spec = template.spec(resource.config, pathParameters);
            String policyResource = spec == null ? null : resource.config.cookieResource(spec, user);
            if (policyResource == null) {
                continue;
            }
            if (resource.config.carriesFreshCookies(policyResource, carried, ipAddress, ipAddress)) {
                continue;
            }
            Policy.Builder policy = Policy.builder().resource(policyResource).expiresIn(resource.cookieTtl);
            if (ipAddress != null) {
                policy.ipAddress(ipAddress);
            }
            SignedCookies cookies = resource.signer.signCookies(policy.build());
            headers.addAll(cookies.toSetCookieHeaders(spec.attributes(user)));
        }
        return headers;
    }
}
