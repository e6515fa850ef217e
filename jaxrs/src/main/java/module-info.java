/**
 * cloudfront-signed for Jakarta REST (JAX-RS 3.1): {@link io.github.cloudfrontsigned.jaxrs.CloudFrontSignedFeature}
 * and the {@link io.github.cloudfrontsigned.jaxrs.CloudFrontSigned} binding. The JAX-RS and annotation APIs come
 * from the runtime; the Servlet API (the client address), CDI (injecting the signer) and MicroProfile Health (the readiness
 * check) are optional.
 *
 * <p>The package is open: JAX-RS runtimes and CDI instantiate its providers and inject their {@code @Context}
 * fields reflectively.
 */
module io.github.cloudfrontsigned.jaxrs {
    requires transitive io.github.cloudfrontsigned.core;
    requires transitive jakarta.ws.rs;
    requires static jakarta.annotation;
    requires static jakarta.servlet;
    requires static jakarta.cdi;
    requires static microprofile.health.api;

    exports io.github.cloudfrontsigned.jaxrs;

    opens io.github.cloudfrontsigned.jaxrs;

    provides jakarta.ws.rs.core.Feature with
            io.github.cloudfrontsigned.jaxrs.CloudFrontSignedFeature;
    provides jakarta.servlet.ServletContainerInitializer with
            io.github.cloudfrontsigned.jaxrs.JaxrsSigningInitializer;
}
