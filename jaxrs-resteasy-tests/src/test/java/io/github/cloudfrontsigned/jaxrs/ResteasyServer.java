package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.jaxrs.app.CatalogResource;
import io.github.cloudfrontsigned.jaxrs.app.TestApplication;
import io.github.cloudfrontsigned.testing.TestServer;
import jakarta.ws.rs.core.Application;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;

/** The test application on RESTEasy's servlet dispatcher in a real Jetty. */
final class ResteasyServer {

    private ResteasyServer() {}

    /** The configuration as application properties: test key, private prefix, cookies for example.com. */
    static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigProperties.KEY_PAIR_ID, TestKeys.KEY_PAIR_ID);
        p.put(ConfigProperties.PRIVATE_KEY_LOCATION, TestKeys.RSA_PEM.toString());
        p.put(ConfigProperties.PROTECTED_PREFIXES, CatalogResource.PRIVATE);
        p.put(ConfigProperties.COOKIE_DOMAIN, "example.com");
        p.put(ConfigProperties.URL_EXPIRY_GRANULARITY, "1s");
        return p;
    }

    /** The test application, configured by its properties; the feature is found through META-INF/services. */
    public static class Configured extends TestApplication {
        @Override
        public Map<String, Object> getProperties() {
            return properties();
        }
    }

    /** The test application with a link lifetime that is not positive. */
    public static class Misconfigured extends TestApplication {
        @Override
        public Map<String, Object> getProperties() {
            Map<String, Object> p = properties();
            p.put(ConfigProperties.URL_TTL, "-5m");
            return p;
        }
    }

    /**
     * @param application the {@code Application} subclass RESTEasy instantiates
     * @return the running server
     */
    static TestServer start(Class<? extends Application> application) {
        ServletHolder holder = new ServletHolder(new HttpServlet30Dispatcher());
        holder.setInitParameter("jakarta.ws.rs.Application", application.getName());
        holder.setInitParameter("resteasy.servlet.mapping.prefix", "/api");
        return TestServer.startServlet(holder, "/api/*");
    }
}
