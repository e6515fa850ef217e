package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.jaxrs.app.TestApplication;
import io.github.cloudfrontsigned.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/** The test application on Jersey's {@code ServletContainer} in a real Jetty. */
final class JerseyServer {

    private JerseyServer() {}

    /** The configuration most tests use: the test key, the private prefix, cookies for example.com. */
    static SigningConfiguration.Builder configuration() {
        return SigningConfiguration.builder()
                .signer(TestKeys.signer())
                .protectedPrefixes(List.of(CatalogResource.PRIVATE))
                .cookieAttributes(
                        CookieAttributes.builder().domain("example.com").build());
    }

    /** The test application with the feature configured in code. */
    static TestServer start() {
        return start(Map.of(), new CloudFrontSignedFeature(configuration()));
    }

    /**
     * @param properties application properties
     * @param components further components (features, classes)
     * @return the running server
     */
    static TestServer start(Map<String, Object> properties, Object... components) {
        return start(TestApplication.CLASSES, properties, components);
    }

    /**
     * @param classes the application's resources and providers
     * @param properties application properties
     * @param components further components (features, classes)
     * @return the running server
     */
    static TestServer start(Set<Class<?>> classes, Map<String, Object> properties, Object... components) {
        ResourceConfig config = new ResourceConfig();
        config.registerClasses(classes);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.addProperties(properties);
        for (Object c : components) {
            if (c instanceof Class<?> type) {
                config.register(type);
            } else {
                config.register(c);
            }
        }
        return start(config);
    }

    /**
     * @param config the Jersey application
     * @return the running server
     */
    static TestServer start(ResourceConfig config) {
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        return TestServer.startServlet(new ServletHolder(new ServletContainer(config)), "/api/*");
    }
}
