package io.github.cloudfrontsigned.request;

import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.ResourceUrls;
import java.util.Objects;

/**
 * One set of CloudFront signed cookies to issue: a policy resource (optionally per user) and the attributes of
 * its {@code Set-Cookie} headers. One policy holds one statement, so each resource gets its own cookie set,
 * and the sets are told apart by their {@code Path}.
 *
 * <p>The resource may contain {@value #USER}, replaced by the authenticated user's name as exactly one path
 * segment (see {@link ResourceUrls#pathSegment(String)}: everything outside {@code A-Z a-z 0-9 - . _ ~}
 * percent-encoded, the names {@code .}, {@code ..} and names that decode to them refused):
 * {@code https://cdn.example.com/users/{user}/*}. Anonymous requests get no cookies for such a resource.
 *
 * <p>Source: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html">
 * Set signed cookies using a custom policy</a>. Thread safety: immutable and thread-safe.
 */
public final class CookieSpec {

    /** The placeholder for the authenticated user's name. */
    public static final String USER = "{user}";

    private final String resource;
    private final CookieAttributes attributes;
    private final boolean explicitPath;

    private CookieSpec(String resource, CookieAttributes attributes, boolean explicitPath) {
        this.resource = resource;
        this.attributes = attributes;
        this.explicitPath = explicitPath;
    }

    /**
     * A cookie set whose {@code Path} is derived from the resource: the resource's path up to its first
     * wildcard, cut after the last {@code /} ({@code https://cdn.example.com/members/*} gives
     * {@code /members/}). The {@code Path} given in {@code attributes} is ignored.
     *
     * @param resource the policy resource, with wildcards and optionally {@value #USER}
     * @param attributes {@code Domain}, {@code Secure}, {@code HttpOnly}, {@code SameSite}, {@code Max-Age}
     * @return the spec
     * @throws IllegalArgumentException if the resource is not a valid policy resource (message names the
     *     character and position)
     */
    public static CookieSpec of(String resource, CookieAttributes attributes) {
        check(resource);
        return new CookieSpec(resource, Objects.requireNonNull(attributes, "attributes"), false);
    }

    /**
     * A cookie set with the {@code Path} of {@code attributes}.
     *
     * @param resource as for {@link #of(String, CookieAttributes)}
     * @param attributes every attribute, {@code Path} included
     * @return the spec
     * @throws IllegalArgumentException as for {@link #of(String, CookieAttributes)}
     */
    public static CookieSpec withPath(String resource, CookieAttributes attributes) {
        check(resource);
        return new CookieSpec(resource, Objects.requireNonNull(attributes, "attributes"), true);
    }

    private static void check(String resource) {
        Objects.requireNonNull(resource, "resource");
        Policy.builder().resource(resource.replace(USER, "user")); // throws with the character and position
    }

    /** @return the resource as configured, {@value #USER} included */
    public String resourceTemplate() {
        return resource;
    }

    /** @return whether the resource names the user */
    public boolean perUser() {
        return resource.contains(USER);
    }

    /**
     * @param userName the authenticated user's name, or {@code null} for an anonymous request
     * @return the resource for this user, or {@code null} when it is per user and there is no user
     * @throws IllegalArgumentException when the resource is per user and the name cannot be one path segment
     *     ({@link ResourceUrls#pathSegment(String)}: {@code .}, {@code ..}, or a name that decodes to them); the
     *     message names the rule. {@link RequestRules#cookieResource(CookieSpec, String)} turns it into
     *     no cookies and a warning.
     */
    public String resource(String userName) {
        if (!perUser()) {
            return resource;
        }
        return userName == null ? null : resource.replace(USER, ResourceUrls.pathSegment(userName));
    }

    /**
     * @param userName as for {@link #resource(String)}
     * @return the {@code Set-Cookie} attributes for this user (the derived {@code Path} depends on the user)
     */
    public CookieAttributes attributes(String userName) {
        if (explicitPath) {
            return attributes;
        }
        String r = resource(userName);
        return r == null ? attributes : withPath(attributes, derivePath(r));
    }

    /** @return the {@code Path} as configured, or derived from the template */
    public String pathTemplate() {
        return explicitPath ? attributes.path() : derivePath(resource);
    }

    /** @return the attributes as given ({@code Path} ignored unless {@link #withPath(String, CookieAttributes)}) */
    public CookieAttributes baseAttributes() {
        return attributes;
    }

    /** The path part of a resource up to the first wildcard, cut after its last {@code /}. */
    static String derivePath(String resource) {
        int scheme = resource.indexOf("://");
        int hostStart = scheme < 0 ? 0 : scheme + 3;
        int pathStart = resource.indexOf('/', hostStart);
        if (pathStart < 0) {
            return "/";
        }
        int end = resource.length();
        for (int i = pathStart; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        String path = resource.substring(pathStart, end);
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static CookieAttributes withPath(CookieAttributes a, String path) {
        return CookieAttributes.builder()
                .domain(a.domain())
                .path(path)
                .secure(a.secure())
                .httpOnly(a.httpOnly())
                .sameSite(a.sameSite())
                .maxAge(a.maxAge())
                .build();
    }

    @Override
    public String toString() {
        return "CookieSpec{" + resource + ", Path=" + pathTemplate() + "}";
    }
}
