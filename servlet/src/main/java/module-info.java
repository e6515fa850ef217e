/**
 * cloudfront-signed for Jakarta Servlet 6: {@link io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter}
 * (signs links and sets signed cookies), {@link io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter} (a local
 * stand-in for CloudFront's check) and the application's hook,
 * {@link io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy}. The Servlet API comes from the container.
 */
module io.github.cloudfrontsigned.servlet {
    requires transitive io.github.cloudfrontsigned.core;
    requires transitive jakarta.servlet;
    requires static jakarta.annotation;
    requires static jakarta.cdi;

    exports io.github.cloudfrontsigned.servlet;
    // CDI creates the producer (ServletCdiProducer) reflectively
    opens io.github.cloudfrontsigned.servlet;

    uses io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy;

    provides jakarta.servlet.ServletContainerInitializer with
            io.github.cloudfrontsigned.servlet.ServletSigningInitializer;
}
