package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SharedConfigurations;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * In a servlet container, makes the web application's {@code <context-param>}s visible to
 * {@link CloudFrontSignedFeature} and checks the configuration before any JAX-RS implementation starts, so that a
 * misconfiguration fails the deployment with the property, the value and the fix (not with the JAX-RS
 * implementation's own error, nor only on the first request). Listed in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}; loaded only by servlet containers, so the
 * Servlet API stays optional for this module.
 *
 * <p>At startup it records the context-params for the application's class loader
 * ({@link ConfigSources#registerContextParams}) and starts the application's one shared configuration
 * ({@link SharedConfigurations}), unless the servlet module's initializer did, with a listener that closes it
 * (ending the key refresh) when the application stops; then, unless {@code cloudfront.enabled=false}, when the
 * application configures signing ({@link ConfigSources#configuresSigning}: MicroProfile Config or
 * context-params) it reads that configuration, loading the keys once for the feature, the servlet filter and the
 * CDI producers ({@code @CloudFrontSigned} may name the protected prefixes, so they are not required here). A
 * problem throws a {@link ServletException}; where a container only logs an initializer's exception (Open
 * Liberty), a listener added here throws the same problem from {@code contextInitialized}, which stops the
 * start there.
 *
 * <p>Thread safety: called by the container once per application start.
 */
public final class JaxrsSigningInitializer implements ServletContainerInitializer {

    /** Called by the container through {@code ServiceLoader}. */
    public JaxrsSigningInitializer() {}

    /**
     * Records the context-params and validates the configuration; see the class comment.
     *
     * @param classes unused
     * @param context the starting application
     * @throws ServletException listing every configuration problem (cause: {@link ConfigurationException})
     */
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        ClassLoader classLoader = context.getClassLoader() != null
                ? context.getClassLoader()
                : JaxrsSigningInitializer.class.getClassLoader();
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            params.put(name, context.getInitParameter(name));
        }
        ConfigSources.registerContextParams(classLoader, params);
        if (SharedConfigurations.start(classLoader)) {
            context.addListener(new Stop(classLoader));
        }
        ConfigLookup application = ConfigSources.forApplication(classLoader, null);
        try {
            if (ConfigSources.enabled(application) && ConfigSources.configuresSigning(application)) {
                SharedConfigurations.configuration(classLoader, null, null, false);
            }
        } catch (ConfigurationException e) {
            SharedConfigurations.stop(classLoader); // the application will not start, so it will not stop either
            ServletException failure = new ServletException(
                    "CloudFront @CloudFrontSigned resources cannot start in" + " web application \""
                            + context.getContextPath() + "\". " + e.getMessage(),
                    e);
            context.addListener(new FailStart(failure));
            throw failure;
        }
    }

    /**
     * Stops the application's start where the container only logs an initializer's exception: Open Liberty logs
     * it (CWWWC0001W) and starts the application, but stops the start when a listener's {@code contextInitialized}
     * throws. Containers that stop on the initializer's exception (Tomcat, Jetty, Undertow, GlassFish) never call
     * it.
     */
    private static final class FailStart implements ServletContextListener {
        private final ServletException failure;

        FailStart(ServletException failure) {
            this.failure = failure;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            throw new IllegalStateException(failure.getMessage(), failure.getCause());
        }
    }

    /**
     * When the application stops, after its servlets: closes its shared configuration (the key refresh thread
     * ends) and forgets the recorded context-params.
     */
    static final class Stop implements ServletContextListener {
        private final ClassLoader classLoader;

        Stop(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            SharedConfigurations.stop(classLoader);
            ConfigSources.unregisterContextParams(classLoader);
        }
    }
}
