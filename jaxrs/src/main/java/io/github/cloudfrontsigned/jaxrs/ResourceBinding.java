package io.github.cloudfrontsigned.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Attaches the settings of one {@link CloudFrontSigned} resource method, resolved and checked at deployment, to
 * each of its requests. {@link DeploymentCheck} registers one instance for each annotated method, bound to that
 * method alone; the response filter and the client-address filters then read the settings from a request property
 * instead of looking the matched method up through the implementation's {@code ResourceInfo} proxy and resolving
 * its settings per request. Runs before the other post-matching filters. A method bound only through the
 * {@code Application} has no instance: the filters fall back to the lookup. Immutable and thread-safe.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class ResourceBinding implements ContainerRequestFilter {

    /** The request property holding the matched method's binding. */
    static final String PROPERTY = ResourceBinding.class.getName();

    final ResourceSigning resource;
    /** The resource method, {@code Class.method()}, for log lines. */
    final String where;

    private final boolean bindsClientIp;

    ResourceBinding(ResourceSigning resource, String where) {
        this.resource = resource;
        this.where = where;
        this.bindsClientIp = resource.settings.bindClientIp();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /**
     * @param request a request of a bound resource method
     * @return the binding attached to it, or {@code null} (a method bound through the {@code Application})
     */
    static ResourceBinding of(ContainerRequestContext request) {
        Object binding = request.getProperty(PROPERTY);
        return binding instanceof ResourceBinding ? (ResourceBinding) binding : null;
    }

    /**
     * @param request a request of a bound resource method
     * @return whether its client address is needed: its method binds links and cookies to the client's IP, or its
     *     settings are not attached (then the address is recorded as before, in case they do)
     */
    static boolean needsClientAddress(ContainerRequestContext request) {
        ResourceBinding binding = of(request);
        return binding == null || binding.bindsClientIp;
    }

    @Override
    public String toString() {
        return "ResourceBinding[" + where + "]";
    }
}
