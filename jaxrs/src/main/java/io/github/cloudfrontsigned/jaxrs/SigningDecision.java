package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.request.RequestSigning;
import io.github.cloudfrontsigned.rewrite.LinkSigner;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request of a bound resource gets signed: core's decision ({@link RequestSigning}) made by the response
 * filter over a view of the JAX-RS request, then used by it for the headers and cookies and by the writer
 * interceptor for the entity's links. One request's threads use it one at a time.
 */
final class SigningDecision {

    /** Request property under which the response filter hands this to the writer interceptor. */
    static final String PROPERTY = SigningDecision.class.getName();
    /**
     * Request property holding the client's address, set by {@link ServletClientAddress} in a servlet container and
     * by {@link VertxClientAddress} on Quarkus REST.
     */
    static final String REMOTE_ADDRESS = SigningDecision.class.getPackageName() + ".remote-address";

    final ResourceSigning resource;
    final String scheme;
    private final RequestSigning decision;

    private SigningDecision(ResourceSigning resource, String scheme, RequestSigning decision) {
        this.resource = resource;
        this.scheme = scheme;
        this.decision = decision;
    }

    /**
     * @return the signing of this request, or {@code null} when it gets no signatures: the configured
     *     authentication or roles are missing, or IP binding is on and the client has no IPv4 address (the
     *     address is known in servlet containers and on Quarkus REST)
     */
    static SigningDecision decide(ResourceSigning resource, ContainerRequestContext request) {
        RequestSigning decision = RequestSigning.of(resource.settings, new Viewer(request), null);
        if (!decision.allowed()) {
            return null;
        }
        return new SigningDecision(
                resource, request.getUriInfo().getRequestUri().getScheme(), decision);
    }

    /**
     * The link signer handed to the rewriter for the entity: this request's links signed with one snapshot of
     * the signer's clock and active key (a new one after each {@code flush()}).
     *
     * @return the link signer; {@code null} parameters leave a link unchanged
     */
    LinkSigner links() {
        return decision;
    }

    /**
     * The link signer handed to the rewriter for a header.
     *
     * @return the query parameters for {@code url}, or {@code null} to leave it unchanged
     */
    String signingParameters(String url) {
        return decision.signingParameters(url);
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
     * @return the {@code Set-Cookie} header values of the resource's cookie sets, without those the request
     *     carries fresh already ({@link io.github.cloudfrontsigned.request.RequestRules#carriesFreshCookies}); a
     *     failure to sign throws
     */
    List<String> setCookieHeaders(Map<String, List<String>> pathParameters) {
        List<CookieSpec> specs = resource.cookies.stream()
                .map(template -> template.spec(resource.config, pathParameters))
                .toList();
        return decision.setCookieHeaders(specs);
    }

    /** The JAX-RS request as core's decision sees it. */
    private record Viewer(ContainerRequestContext request) implements RequestSigning.Viewer {

        @Override
        public String userName() {
            SecurityContext security = request.getSecurityContext();
            Principal principal = security == null ? null : security.getUserPrincipal();
            return principal == null ? null : principal.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            SecurityContext security = request.getSecurityContext();
            return security != null && security.isUserInRole(role);
        }

        @Override
        public String remoteAddress() {
            Object remote = request.getProperty(REMOTE_ADDRESS);
            return remote == null ? null : remote.toString();
        }

        @Override
        public List<String> forwardedFor() {
            return request.getHeaders().getOrDefault("X-Forwarded-For", List.of());
        }

        @Override
        public Map<String, String> cloudFrontCookies() {
            Map<String, String> carried = new HashMap<>();
            for (Map.Entry<String, Cookie> cookie : request.getCookies().entrySet()) {
                if (cookie.getKey().startsWith(SigningParameter.COOKIE_PREFIX)) {
                    carried.put(cookie.getKey(), cookie.getValue().getValue());
                }
            }
            return carried;
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Viewer)) {
                return false;
            }
            Viewer other = (Viewer) o;
            return java.util.Objects.equals(request, other.request);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(request);
        }

        @Override
        public String toString() {
            return "Viewer[request=" + request + "]";
        }
    }
}
