package io.github.cloudfrontsigned.jaxrs;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Vetoed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;

/**
 * Records the servlet request's remote address for IP-bound policies, for a resource method that binds to it
 * ({@link ResourceBinding#needsClientAddress}): Jakarta REST itself has no client address. The only class that touches the Servlet API; registered only when that API is on the class path.
 *
 * <p>{@link Vetoed}: never a CDI bean. Quarkus REST makes every filter class with an injection point a bean, and
 * without a servlet layer ({@code quarkus-undertow}) nothing produces an {@code HttpServletRequest}, so the
 * application would not build; this filter is only ever the instance {@link CloudFrontSignedFeature} registers,
 * whose field the JAX-RS implementation injects. (On Quarkus REST, {@link VertxClientAddress} gives the address.)
 */
@Vetoed
@CloudFrontSigned
@Priority(Priorities.HEADER_DECORATOR)
final class ServletClientAddress implements ContainerRequestFilter {

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ResourceBinding.needsClientAddress(request)) {
            return; // the resource does not bind to the client's IP: no servlet request lookup
        }
        try {
            String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
            if (address != null) {
                request.setProperty(SigningDecision.REMOTE_ADDRESS, address);
            }
        } catch (RuntimeException e) {
            // not running on a servlet container after all: no address, so no IP-bound signatures
        }
    }
}
