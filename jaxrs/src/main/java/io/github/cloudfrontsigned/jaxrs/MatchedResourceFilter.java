package io.github.cloudfrontsigned.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Not API: remembers which resource method a {@link CloudFrontSigned} request matched, for the response filter.
 * {@link CloudFrontSignedFeature} registers it by class, so that the implementation creates it and injects
 * {@link ResourceInfo}; Quarkus REST, which injects nothing into provider instances a {@code Feature} registers,
 * discovers it at build time through {@link Provider} (the jar is a bean archive, so Quarkus indexes it). Running
 * twice for a request (discovered and registered) is harmless. Public only so that implementations can create it.
 * Thread-safe: stateless apart from the injected proxy.
 */
@Provider
@CloudFrontSigned
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.USER)
public final class MatchedResourceFilter implements ContainerRequestFilter {

    /** The request property holding the matched {@code {Class, Method}}. */
    static final String PROPERTY = MatchedResourceFilter.class.getName();

    @Context
    private ResourceInfo resourceInfo;

    /** For the Jakarta REST implementation. */
    public MatchedResourceFilter() {}

    /** Stores the matched resource class and method as a request property. */
    @Override
    public void filter(ContainerRequestContext request) {
        if (ResourceBinding.of(request) != null) {
            return; // the method's settings are attached already: no lookup needed
        }
        ResourceInfo info = resourceInfo;
        Method method = info == null ? null : info.getResourceMethod();
        if (method != null) {
            request.setProperty(PROPERTY, new Object[] {info.getResourceClass(), method});
        }
    }
}
