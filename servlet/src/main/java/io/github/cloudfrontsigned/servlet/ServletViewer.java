package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.request.RequestSigning;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet request as core's {@link RequestSigning} sees it, and the application's
 * {@link CloudFrontAccessPolicy} adapted to it. Used by one request's threads, one at a time.
 */
final class ServletViewer implements RequestSigning.Viewer {

    private final HttpServletRequest request;

    private ServletViewer(HttpServletRequest request) {
        this.request = request;
    }

    /**
     * @param settings the filter's settings
     * @param policy the application's access policy, or {@code null}
     * @param request the request
     * @return the signing of this request, decided when first needed
     */
    static RequestSigning signing(
            RequestSigning.Settings settings, CloudFrontAccessPolicy policy, HttpServletRequest request) {
        return RequestSigning.of(
                settings, new ServletViewer(request), policy == null ? null : new PolicyHooks(policy, request));
    }

    @Override
    public String userName() {
        Principal user = request.getUserPrincipal();
        return user == null ? null : user.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public List<String> forwardedFor() {
        return Collections.list(request.getHeaders("X-Forwarded-For"));
    }

    @Override
    public Map<String, String> cloudFrontCookies() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Map.of();
        }
        Map<String, String> byName = new HashMap<>();
        for (Cookie c : cookies) {
            if (c.getName().startsWith(SigningParameter.COOKIE_PREFIX)) {
                byName.putIfAbsent(c.getName(), c.getValue()); // the first of a name counts, as at CloudFront
            }
        }
        return byName;
    }

    /** The access policy's methods with this request filled in. */
    private record PolicyHooks(CloudFrontAccessPolicy policy, HttpServletRequest request)
            implements RequestSigning.AccessHooks {

        @Override
        public boolean allowsRequest() {
            return policy.allowsRequest(request);
        }

        @Override
        public String ipAddress(String clientAddress) {
            return policy.ipAddress(request, clientAddress);
        }

        @Override
        public boolean allowsLink(String url) {
            return policy.allowsLink(request, url);
        }

        @Override
        public boolean allowsCookies(String resource) {
            return policy.allowsCookies(request, resource);
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof PolicyHooks)) {
                return false;
            }
            PolicyHooks other = (PolicyHooks) o;
            return java.util.Objects.equals(policy, other.policy) && java.util.Objects.equals(request, other.request);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(policy, request);
        }

        @Override
        public String toString() {
            return "PolicyHooks[policy=" + policy + ", request=" + request + "]";
        }
    }
}
