/**
 * The servlet adapter: {@link io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter} signs the protected
 * links of every response and sets signed cookies; {@link io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter}
 * is a local stand-in for CloudFront that lets through only requests with valid signed URLs or cookies;
 * {@link io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy} is the application's hook to decide who gets
 * signatures.
 *
 * <p>Start with {@link io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter}. The request and response
 * wrappers are package-private. May depend on core and {@code jakarta.servlet} (6.0+) only; never on the JAX-RS
 * module. Reference: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateContent.html">Serve
 * private content with signed URLs and signed cookies</a>.
 */
package io.github.cloudfrontsigned.servlet;
