/**
 * Configuration: the property table ({@link io.github.cloudfrontsigned.config.ConfigProperties}), reading it from
 * any source ({@link io.github.cloudfrontsigned.config.ConfigLookup}: init-params, context-params, MicroProfile
 * Config), validating all of it at once ({@link io.github.cloudfrontsigned.config.ConfigurationException}), and
 * the value, {@link io.github.cloudfrontsigned.config.SigningConfiguration}, that the servlet filter and the
 * JAX-RS feature both use, read once per web application and shared by its entry points
 * ({@link io.github.cloudfrontsigned.config.SharedConfigurations}); and the extension point for key services
 * ({@link io.github.cloudfrontsigned.config.KeyServiceProvider}). The configuration answers no per-request
 * question and holds no per-request state: the decision made for each request, its cookie sets and trusted
 * proxies, the cache of carried cookies that verified and the log of refused path segments are in
 * {@code io.github.cloudfrontsigned.request}, whose {@code RequestRules} a configuration builds once
 * ({@link io.github.cloudfrontsigned.config.SigningConfiguration#requestRules()}).
 *
 * <p>Start with {@link io.github.cloudfrontsigned.config.SigningConfiguration#read(ConfigLookup)}. May depend on:
 * the root package, {@code key}, {@code verify}, {@code rewrite}, {@code request}, {@code metrics},
 * {@code internal}. Never on {@code jakarta.*} (MicroProfile Config is optional and loaded only when present).
 */
package io.github.cloudfrontsigned.config;
