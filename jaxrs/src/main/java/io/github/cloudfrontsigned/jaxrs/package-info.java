/**
 * The Jakarta REST adapter: annotate a resource class or method with
 * {@link io.github.cloudfrontsigned.jaxrs.CloudFrontSigned} and its responses get their protected links signed
 * and signed cookies set; {@link io.github.cloudfrontsigned.jaxrs.CloudFrontSignedFeature} is the
 * {@link jakarta.ws.rs.core.Feature} that reads the configuration and registers the providers (discovered through
 * {@code META-INF/services/jakarta.ws.rs.core.Feature}, or registered by the application).
 *
 * <p>Start with {@link io.github.cloudfrontsigned.jaxrs.CloudFrontSigned}. Filters, interceptors and the
 * per-resource signing state are package-private. May depend on core and {@code jakarta.ws.rs} (3.1+), and
 * optionally on {@code jakarta.servlet} (client address), CDI (injection, start-up check) and MicroProfile Config;
 * never on the servlet module, Quarkus or Vert.x (on Quarkus REST the client address is looked up reflectively).
 */
package io.github.cloudfrontsigned.jaxrs;
