package io.github.cloudfrontsigned.jaxrs.app;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** Test authentication: the {@code X-User} header names the user, {@code X-Role} a role. */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class UserFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String user = request.getHeaderString("X-User");
        if (user == null) {
            return;
        }
        String role = request.getHeaderString("X-Role");
        Principal principal = () -> user;
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String r) {
                return r.equals(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "test";
            }
        });
    }
}
