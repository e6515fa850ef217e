/**
 * Start here: signing CloudFront signed URLs and signed cookies.
 *
 * <p>{@link io.github.cloudfrontsigned.CloudFrontSigner} is the entry point (built with
 * {@link io.github.cloudfrontsigned.CloudFrontSigner#builder()}); {@link io.github.cloudfrontsigned.Policy}
 * describes a canned or custom policy, {@link io.github.cloudfrontsigned.SignedCookies} and
 * {@link io.github.cloudfrontsigned.CookieAttributes} are the three cookies and their attributes,
 * {@link io.github.cloudfrontsigned.ResourceUrls} writes policy resources, and
 * {@link io.github.cloudfrontsigned.CloudFrontSignedException} is the root of every exception the library throws
 * about keys and configuration; {@link io.github.cloudfrontsigned.SigningParameter} names the query parameters and
 * cookies CloudFront reads. The key ring, the signing key and the signature memo are package-private beside the
 * signer.
 *
 * <p>The other packages, by capability:
 * <ul>
 *   <li>{@code key}: loading private and public keys, key sources, rotation, remote signers (KMS);</li>
 *   <li>{@code verify}: checking signed URLs and cookies as CloudFront does, with reasoned verdicts;</li>
 *   <li>{@code config}: the property table, reading it from any source, validation, and the container-neutral
 *       decisions the servlet and JAX-RS adapters share;</li>
 *   <li>{@code rewrite}: the streaming link rewriter;</li>
 *   <li>{@code internal}: wire-format helpers; public only for the sibling packages, not exported, not API.</li>
 * </ul>
 *
 * <p>May depend on: {@code key}, {@code rewrite} (the {@code LinkSigner} the signer offers), {@code internal}, the
 * JDK. Never on {@code verify} or {@code config}, never on {@code jakarta.*} (ARCHITECTURE.md's table, checked by
 * the build's {@code ArchitectureTest}).
 * Reference: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateContent.html">Serve
 * private content with signed URLs and signed cookies</a>.
 */
package io.github.cloudfrontsigned;
