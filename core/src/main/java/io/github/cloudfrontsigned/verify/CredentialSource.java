package io.github.cloudfrontsigned.verify;

/**
 * Where CloudFront takes a request's signature from. A request whose query string holds any of
 * {@code Expires}, {@code Policy}, {@code Signature}, {@code Key-Pair-Id} or {@code Hash-Algorithm} is a
 * signed URL and its cookies are ignored; any other request is judged by its signed cookies.
 *
 * <p>Source: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-choosing-signed-urls-cookies.html">
 * Decide to use signed URLs or signed cookies</a>. Thread safety: immutable.
 */
public enum CredentialSource {
    /** The signing query parameters of a signed URL. */
    URL,
    /** The {@code CloudFront-*} cookies of signed cookies. */
    COOKIES
}
