package io.github.cloudfrontsigned.jaxrs;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Signs the CloudFront links, redirects and cookies of a Jakarta REST resource method, or of every method of a
 * resource class (on an {@code Application} subclass: of every resource, with the configured defaults). A
 * {@link NameBinding}: the providers {@link CloudFrontSignedFeature} registers act on bound resources only.
 *
 * <pre>{@code
 * @Path("/courses/{courseId}")
 * public class CourseResource {
 *
 *     @GET
 *     @Produces(MediaType.APPLICATION_JSON)
 *     @CloudFrontSigned(cookies = "https://cdn.example.com/courses/{courseId}/*", cookieTtl = "2h")
 *     public Course course(@PathParam("courseId") String courseId, @Context SecurityContext security) {
 *         if (!enrolments.isEnrolled(security.getUserPrincipal(), courseId)) {
 *             throw new ForbiddenException();                  // 403: no cookies, no signed links
 *         }
 *         return courses.find(courseId);                       // its https://cdn.example.com/private/... links come out signed
 *     }
 *
 *     @GET
 *     @Path("/certificate")
 *     @CloudFrontSigned(ttl = "5m")
 *     public Response certificate(@PathParam("courseId") String courseId) {
 *         return Response.seeOther(URI.create("https://cdn.example.com/private/certificates/" + courseId + ".pdf")).build();
 *     }
 * }
 * }</pre>
 *
 * <h2>What a bound resource gets</h2>
 * <ul>
 *   <li>Links under the protected prefixes in the response entity are signed, whatever provider serializes it
 *       (JSON-B, Jackson, JAXB, text, HTML): the serialized bytes stream through the core link rewriter, when the
 *       response's media type is one of {@code cloudfront.content-types} or any {@code text/*} type and it has no
 *       {@code Content-Encoding}.
 *       Links become canned-policy signed URLs (custom policy with {@code IpAddress} when IP binding is on).</li>
 *   <li>{@code Location} ({@code Response.seeOther(...)}, {@code Response.created(...)}) and {@code Link}
 *       headers are signed the same way.</li>
 *   <li>Signed cookies for {@link #cookies()} (or, if none, {@code cloudfront.cookie.resources}), with the
 *       {@code cloudfront.cookie.*} attributes and a custom policy, only when the response status is 2xx.</li>
 *   <li>Links and headers are signed only when the status is 2xx or 3xx: an error response (4xx, 5xx) passes
 *       through unchanged, so a resource refuses by throwing or returning an error. The resource method does
 *       its own authorization; {@code cloudfront.auth.require-authenticated} and {@code cloudfront.auth.roles}
 *       are checked against the {@code SecurityContext} on top.</li>
 *   <li>Nothing is ever half-signed: a link the signer refuses stays as written, a rewriter failure passes the
 *       rest of the entity through unchanged, an entity that already has a {@code Content-Encoding} is not
 *       touched, and a failure to sign headers or cookies (a signature provider failing, a configuration that
 *       could not be read) turns the response into a 500 without entity, the cause logged.</li>
 * </ul>
 *
 * <h2>Attributes</h2>
 * Every attribute overrides a configured default for this resource only; left at its default it keeps the
 * configured value. Attribute values are checked when the application is deployed: a bad value stops the
 * deployment with a message naming the resource method, the attribute and the fix. An annotation on a method
 * replaces one on its class (attributes are not merged).
 *
 * <p>Source of the CloudFront rules: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateContent.html">
 * Serve private content with signed URLs and signed cookies</a>.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CloudFrontSigned {

    /**
     * Policy resources to set signed cookies for, one cookie set each (told apart by their {@code Path}). In a
     * resource, {@code {name}} is replaced by the request's path parameter {@code name} (which the method's
     * {@code @Path} must declare) and {@code {user}} by the {@code SecurityContext} principal's name, both
     * percent-encoded, so a value cannot add a wildcard or leave its path segment. A cookie set whose
     * placeholder has no value (an anonymous request for {@code {user}}, an empty, {@code .} or {@code ..}
     * parameter) is not set.
     *
     * @return resources such as {@code https://cdn.example.com/courses/{courseId}/*}; default: the configured
     *     {@code cloudfront.cookie.resources}
     */
    String[] cookies() default {};

    /**
     * Lifetime of signed links (and of signed {@code Location}/{@code Link} headers) of this resource.
     *
     * @return a duration such as {@code 5m}, {@code 2h}, {@code 1h30m} or ISO-8601 {@code PT5M}; default
     *     {@code cloudfront.url.ttl}
     */
    String ttl() default "";

    /**
     * Lifetime of the signed cookies' policy ({@code DateLessThan}).
     *
     * @return a duration as for {@link #ttl()}; default {@code cloudfront.cookie.ttl}
     */
    String cookieTtl() default "";

    /**
     * The hash algorithm of this resource's signatures.
     *
     * @return {@code SHA1} or {@code SHA256}; default {@code cloudfront.hash-algorithm} (or the key type's:
     *     SHA1 for RSA, SHA256 for ECDSA)
     */
    String hashAlgorithm() default "";

    /**
     * The URL prefixes whose links in this resource's responses are signed, replacing the configured ones.
     *
     * @return absolute prefixes such as {@code https://cdn.example.com/private/}; default
     *     {@code cloudfront.protected-prefixes}
     */
    String[] protectedPrefixes() default {};

    /**
     * Whether this resource's signed links and cookies are bound to the client's IPv4 address (custom policy
     * with {@code IpAddress}). The client address is the peer address the runtime reports (the servlet request's
     * remote address in a servlet container, the Vert.x request's remote address on Quarkus REST), or from
     * {@code X-Forwarded-For} when that address is one of {@code cloudfront.client-ip.trusted-proxies}; a client
     * that has no IPv4 address, or a runtime that reports no address, gets no signatures.
     *
     * @return {@link IpBinding#CONFIGURED} (default: {@code cloudfront.client-ip.bind}), {@link IpBinding#BIND}
     *     or {@link IpBinding#NONE}
     */
    IpBinding ipBinding() default IpBinding.CONFIGURED;

    /** Whether signatures are bound to the client's address: see {@link CloudFrontSigned#ipBinding()}. */
    enum IpBinding {
        /** As configured by {@code cloudfront.client-ip.bind}. */
        CONFIGURED,
        /** Bind every link and cookie of this resource to the client's IPv4 address. */
        BIND,
        /** Do not bind, whatever the configuration says. */
        NONE
    }
}
