package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.rewrite.ResponseRules;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;

/**
 * Signs the {@code Location} and {@code Link} headers of a bound resource's 2xx and 3xx responses, adds its
 * signed cookies to 2xx responses, repeats in a 304 the weakened {@code ETag} the client holds
 * ({@link ResponseRules#notModified}), and hands the request's signing to {@link SigningWriterInterceptor} for the
 * entity. Post-matching (name-bound), so it sees the resource method. A failure (an incomplete configuration
 * found only now, a signature provider failing) turns the response into a 500 without entity: nothing
 * half-signed, no details for the client, the exception in the log.
 */
@CloudFrontSigned
@Priority(Priorities.HEADER_DECORATOR)
final class SigningResponseFilter implements ContainerResponseFilter {

    private static final System.Logger LOG = System.getLogger(CloudFrontSignedFeature.class.getName());

    private final SigningState state;

    /**
     * For a method bound through the {@code Application} (others carry their {@link ResourceBinding}): injected
     * where the implementation injects provider instances; else {@link MatchedResourceFilter} tells.
     */
    @Context
    private ResourceInfo resourceInfo;

    SigningResponseFilter(SigningState state) {
        this.state = state;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 200 || status >= 400) {
            return; // errors and interim responses: nothing is signed
        }
        ResourceBinding binding = ResourceBinding.of(request); // attached at deployment: no lookup
        Object[] matched = null;
        if (binding == null) {
            matched = matched(request);
            if (matched == null) {
                return; // not a resource method (for example a 404 answered by the implementation)
            }
        }
        if (status == 304) {
            ResponseRules.notModified(
                    new SigningWriterInterceptor.EntityHeaders(response.getHeaders(), false),
                    request.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        }
        try {
            ResourceSigning resource =
                    binding != null ? binding.resource : state.resource((Class<?>) matched[0], (Method) matched[1]);
            sign(request, response, status, resource);
        } catch (RuntimeException e) {
            // A configuration or key failure: fail closed, without details in the response.
            LOG.log(
                    System.Logger.Level.ERROR,
                    "CloudFront signing failed for "
                            + (binding != null
                                    ? binding.where
                                    : ResourceSigning.where((Method) matched[1], (Class<?>) matched[0]))
                            + "; answering 500",
                    e);
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.remove(HttpHeaders.LOCATION);
            headers.remove(HttpHeaders.LINK);
            headers.remove(HttpHeaders.SET_COOKIE);
            response.setEntity(null);
            response.setStatus(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode());
        }
    }

    /** The matched {@code {Class, Method}}, or {@code null}. */
    private Object[] matched(ContainerRequestContext request) {
        ResourceInfo info = resourceInfo;
        Method method = info == null ? null : info.getResourceMethod();
        if (method != null) {
            return new Object[] {info.getResourceClass(), method};
        }
        Object captured = request.getProperty(MatchedResourceFilter.PROPERTY);
        return captured instanceof Object[] ? (Object[]) captured : null;
    }

    private void sign(
            ContainerRequestContext request, ContainerResponseContext response, int status, ResourceSigning resource) {
        SigningDecision signing = SigningDecision.decide(resource, request);
        if (signing == null) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        signHeaders(headers, HttpHeaders.LOCATION, signing);
        signHeaders(headers, HttpHeaders.LINK, signing);
        if (status < 300 && !resource.cookies.isEmpty()) {
            for (String cookie : signing.setCookieHeaders(request.getUriInfo().getPathParameters(true))) {
                headers.add(HttpHeaders.SET_COOKIE, cookie);
            }
        }
        if (resource.rewriting != null && response.hasEntity()) {
            request.setProperty(SigningDecision.PROPERTY, signing);
            request.setProperty(
                    SigningWriterInterceptor.EXCHANGE,
                    new SigningWriterInterceptor.Exchange(request.getMethod(), status, response.getEntityStream()));
        }
    }

    private static void signHeaders(MultivaluedMap<String, Object> headers, String name, SigningDecision signing) {
        List<Object> values = headers.get(name);
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            String text = value.toString();
            String signed = signing.signHeader(text);
            if (!signed.equals(text)) {
                values.set(i, value instanceof URI ? URI.create(signed) : signed);
            }
        }
    }
}
