/**
 * Internal: CloudFront's wire format and small helpers shared by the signer, the key loaders and the verifier:
 * CloudFront's base64 variant, percent-encoding, the policy JSON written and parsed in one place
 * ({@code PolicyDocument}), resource wildcard patterns, IPv4 ranges, time text, argument validation and the
 * signing key abstraction.
 *
 * <p><strong>Not API.</strong> These types are public only so that the sibling packages can use them; the module
 * descriptor does not export this package, and any of it may change in any release. May depend on the JDK only
 * (and the root package's {@code HashAlgorithm} and {@code key}'s provider choice).
 */
package io.github.cloudfrontsigned.internal;
