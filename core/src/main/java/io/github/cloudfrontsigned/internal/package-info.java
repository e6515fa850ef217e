/**
 * Internal: CloudFront's wire format and small helpers shared by the signer, the key loaders and the verifier:
 * CloudFront's base64 variant, percent-encoding, the policy JSON written and parsed in one place
 * ({@code PolicyDocument}), the query parameter names ({@code QueryNames}), resource wildcard patterns, IPv4
 * ranges, time text, argument validation (key pair IDs included), the JCA providers ({@code SignatureEngines}),
 * the verifier's cost accounting and log text an attacker cannot flood.
 *
 * <p><strong>Not API.</strong> These types are public only so that the sibling packages can use them; the module
 * descriptor exports it to the command line only, and any of it may change in any release. The bottom of the
 * package graph: depends on the JDK and BouncyCastle only, never on another package of this library.
 */
package io.github.cloudfrontsigned.internal;
