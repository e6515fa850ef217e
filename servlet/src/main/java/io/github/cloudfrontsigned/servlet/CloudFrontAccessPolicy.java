package io.github.cloudfrontsigned.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides who gets CloudFront signatures: implemented by the application when "every request the filter
 * covers" (optionally narrowed by {@code cloudfront.auth.require-authenticated} and {@code cloudfront.auth.roles})
 * is too coarse.
 *
 * <p>Why it matters: the filter signs every link under a protected prefix that appears in a response body.
 * If a page echoes text a user typed, such as a comment, a profile field or a search term, that user can
 * type a protected URL ({@code https://cdn.example.com/private/other-users-invoice.pdf}) and get it back
 * signed, which turns the page into a signing service for anything under the prefix. Protect prefixes as
 * narrowly as possible, and let this policy allow only the links the current user may see:
 *
 * <pre>{@code
 * public final class InvoicesOfTheUser implements CloudFrontAccessPolicy {
 *     @Override
 *     public boolean allowsLink(HttpServletRequest request, String url) {
 *         String user = request.getRemoteUser();
 *         return user != null
 *             && url.startsWith("https://cdn.example.com/private/invoices/" + ResourceUrls.encode(user) + "/");
 *     }
 * }
 * }</pre>
 *
 * <p>The filter finds the policy, in this order: the instance given to
 * {@link CloudFrontSigningFilter#CloudFrontSigningFilter(io.github.cloudfrontsigned.config.SigningConfiguration,
 * CloudFrontAccessPolicy)}; the class named in {@code cloudfront.auth.policy} (public, with a public no-argument
 * constructor, loaded with the web application's class loader); the one implementation listed in
 * {@code META-INF/services/io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy}. With none, every request
 * the filter covers is allowed.
 *
 * <p>Methods are called on the request's thread, possibly several per request and concurrently for different
 * requests: implementations must be thread-safe and fast (a link check runs once per link). An exception thrown
 * by a method denies (the link stays unsigned, no cookie is set) and is logged without its message.
 */
public interface CloudFrontAccessPolicy {

    /**
     * Whether this request gets any signature at all. Called at most once per request, after the
     * authentication and role checks of the configuration passed.
     *
     * @param request the request
     * @return {@code true} (default) to go on to the per-link and per-cookie decisions
     */
    default boolean allowsRequest(HttpServletRequest request) {
        return true;
    }

    /**
     * Whether one link found in the response (body, {@code Location} or {@code Link} header) is signed.
     *
     * @param request the request
     * @param url the absolute URL about to be signed, as CloudFront will see it (no fragment)
     * @return {@code true} (default) to sign it; {@code false} leaves the link exactly as written
     */
    default boolean allowsLink(HttpServletRequest request, String url) {
        return true;
    }

    /**
     * Whether signed cookies are set for one configured cookie resource.
     *
     * @param request the request
     * @param resource the policy resource, {@code {user}} already replaced
     * @return {@code true} (default) to set the cookies
     */
    default boolean allowsCookies(HttpServletRequest request, String resource) {
        return true;
    }

    /**
     * The {@code IpAddress} condition to bind this request's signatures to, making every link and cookie a
     * custom policy that CloudFront honours only from that address.
     *
     * @param request the request
     * @param clientAddress the client address: the peer address, or from {@code X-Forwarded-For} when the peer
     *     is one of {@code cloudfront.client-ip.trusted-proxies}; IPv4 or IPv6
     * @return an IPv4 address or CIDR range ({@code 192.0.2.7}, {@code 192.0.2.0/24}), or {@code null}
     *     (default) for no binding, unless {@code cloudfront.client-ip.bind=true} binds to the client address
     */
    default String ipAddress(HttpServletRequest request, String clientAddress) {
        return null;
    }
}
