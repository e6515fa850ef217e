/**
 * A modular application using cloudfront-signed on the module path (ModulePathApplicationTest compiles and runs
 * it): core to load a key, sign a URL and verify it; the servlet module for its filter and its
 * ServletContainerInitializer, found as a service.
 */
module app {
    requires io.github.cloudfrontsigned.core;
    requires io.github.cloudfrontsigned.servlet;

    uses jakarta.servlet.ServletContainerInitializer;
}
