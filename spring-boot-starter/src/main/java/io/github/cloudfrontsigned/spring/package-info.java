/**
 * Spring Boot auto-configuration for cloudfront-signed: with {@code cloudfront.key-pair-id} set (in
 * {@code application.properties}, YAML, or the environment as {@code CLOUDFRONT_KEY_PAIR_ID}), the servlet
 * module's {@code CloudFrontSigningFilter} signs the links in responses and sets signed cookies, a
 * {@link io.github.cloudfrontsigned.CloudFrontSigner} bean signs in application code, and a misconfiguration
 * stops the application with a failure analysis naming each property, its value and the fix. The entry point is
 * {@link io.github.cloudfrontsigned.spring.CloudFrontAutoConfiguration}; the property names are the core
 * module's ({@link io.github.cloudfrontsigned.config.ConfigProperties}), read through Spring's relaxed binding.
 * Built against Spring Boot 4.0, tested on 4.0 and 3.5.
 */
package io.github.cloudfrontsigned.spring;
