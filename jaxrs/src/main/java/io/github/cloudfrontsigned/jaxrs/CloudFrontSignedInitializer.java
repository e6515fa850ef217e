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
 * CDI producers ({@code @CloudFrontSigned} may name the protected prefixes, so they are not required here).
 *
 * <p>Thread safety: called by the container once per application start.
 */
public final class CloudFrontSignedInitializer implements ServletContainerInitializer {

    /** Called by the container through {@code ServiceLoader}. */
    public CloudFrontSignedInitializer() {
    }

    /**
     * Records the context-params and validates the configuration; see the class comment.
     *
     * @param classes unused
     * @param context the starting application
     * @throws ServletException listing every configuration problem (cause: {@link ConfigurationException})
     */
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        ClassLoader classLoader = context.getClassLoader() != null ? context.getClassLoader()
                : CloudFrontSignedInitializer.class.getClassLoader();
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
            throw new ServletException("CloudFront @CloudFrontSigned resources cannot start in web application \""
                    + context.getContextPath() + "\". " + e.getMessage(), e);
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
