package io.github.cloudfrontsigned.jaxrs;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;

/**
 * Records the servlet request's remote address for IP-bound policies: Jakarta REST itself has no client
 * address. The only class that touches the Servlet API; registered only when that API is on the class path.
 */
@CloudFrontSigned
@Priority(Priorities.HEADER_DECORATOR)
final class ServletClientAddress implements ContainerRequestFilter {

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
            if (address != null) {
                request.setProperty(RequestSigning.REMOTE_ADDRESS, address);
            }
        } catch (RuntimeException e) {
            // not running on a servlet container after all: no address, so no IP-bound signatures
        }
    }
}
