/**
 * Configuration: the property table ({@link io.github.cloudfrontsigned.config.ConfigProperties}), reading it from
 * any source ({@link io.github.cloudfrontsigned.config.ConfigLookup}: init-params, context-params, MicroProfile
 * Config), validating all of it at once ({@link io.github.cloudfrontsigned.config.ConfigurationException}), and
 * the result, {@link io.github.cloudfrontsigned.config.SigningConfiguration}, that the servlet filter and the
 * JAX-RS feature both use, read once per web application and shared by its entry points
 * ({@link io.github.cloudfrontsigned.config.SharedConfigurations}), with its pieces (cookie specs, trusted proxies,
 * the cache of carried cookies that verified); the per-request decision made from it is in
 * {@code io.github.cloudfrontsigned.request}, which this package does not depend on; and the extension point for
 * key services ({@link io.github.cloudfrontsigned.config.KeyServiceProvider}).
 *
 * <p>Start with {@link io.github.cloudfrontsigned.config.SigningConfiguration#read(ConfigLookup)}. May depend on:
 * the root package, {@code key}, {@code verify}, {@code rewrite}, {@code internal}. Never on {@code jakarta.*}
 * (MicroProfile Config is optional and loaded only when present).
 */
package io.github.cloudfrontsigned.config;
