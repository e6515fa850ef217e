/**
 * The per-request signing decision: what one viewer request may have signed
 * ({@link io.github.cloudfrontsigned.request.RequestSigning}), made once, container-neutral, over a small view of
 * the request ({@link io.github.cloudfrontsigned.request.RequestSigning.Viewer}) that each adapter implements in a
 * few lines; the servlet filter and the JAX-RS feature both call it. Behaviour, not configuration: the
 * {@link io.github.cloudfrontsigned.config.SigningConfiguration} it is made from stays in {@code config}.
 *
 * <p>Start with {@link io.github.cloudfrontsigned.request.RequestSigning.Settings}. May depend on: {@code config},
 * the root package, {@code rewrite}, {@code internal} ({@code key} and {@code verify} too, though it uses neither
 * today). Nothing depends on it inside core ({@code config} in particular does not). Never on {@code jakarta.*}.
 */
package io.github.cloudfrontsigned.request;
