/**
 * Verification: deciding, as CloudFront does, whether a viewer's signed URL or signed cookies grant access, and
 * explaining a denial.
 *
 * <p>Start with {@link io.github.cloudfrontsigned.verify.CloudFrontVerifier}: it takes a
 * {@link io.github.cloudfrontsigned.verify.ViewerRequest} and returns a
 * {@link io.github.cloudfrontsigned.verify.Verdict} (allowed, or denied with CloudFront's
 * {@link io.github.cloudfrontsigned.verify.ErrorCode} and a human reason). The diagnosis of a denial (which
 * parameter, which re-encoding, which part of the resource) is package-private here. Verification never throws for
 * hostile input: it returns a verdict, at a cost bounded by the input's length.
 *
 * <p>May depend on: the root package's public face, {@code key}, {@code internal}. Never on {@code config} or
 * {@code rewrite}. Reference: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-signed-urls.html">Use
 * signed URLs</a>.
 */
package io.github.cloudfrontsigned.verify;
