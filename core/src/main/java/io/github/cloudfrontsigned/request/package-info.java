/**
 * The per-request signing decision and its helpers: what one viewer request may have signed
 * ({@link io.github.cloudfrontsigned.request.RequestSigning}), made once, container-neutral, over a small view of
 * the request ({@link io.github.cloudfrontsigned.request.RequestSigning.Viewer}) that each adapter implements in a
 * few lines; the servlet filter and the JAX-RS feature both call it. Made from the application's
 * {@link io.github.cloudfrontsigned.request.RequestRules} (who gets signatures, lifetimes, cookie sets) through
 * {@link io.github.cloudfrontsigned.request.RequestRules#carriesFreshCookies the fresh-cookie check} (with the
 * application's cache of carried cookies that verified, package-private {@code CarriedCookies}) and
 * {@link io.github.cloudfrontsigned.request.RequestRules#cookieResource the resource rules} (a user name or path
 * parameter as one path segment, refusals logged at most once a minute); with its pieces: cookie sets
 * ({@link io.github.cloudfrontsigned.request.CookieSpec}) and the client address through trusted proxies
 * ({@link io.github.cloudfrontsigned.request.TrustedProxies}).
 *
 * <p>Behaviour, not configuration: {@code io.github.cloudfrontsigned.config} reads and checks the properties and
 * builds the {@code RequestRules} once per configuration ({@code SigningConfiguration.requestRules()}); this
 * package does not depend on it. Start with {@link io.github.cloudfrontsigned.request.RequestSigning.Settings}.
 * May depend on: the root package, {@code verify}, {@code rewrite}, {@code internal}. Never on {@code jakarta.*}.
 */
package io.github.cloudfrontsigned.request;
