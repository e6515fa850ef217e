package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SharedConfigurations;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the CloudFront configuration when the web application starts, on every servlet container, so that a
 * misconfiguration fails the deployment with the property, the value and the fix, even where filters are
 * initialized only on their first request (Undertow, so WildFly) or where a JAX-RS implementation reports its
 * own error instead. Listed in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, so the
 * container runs it for every application with this jar in {@code WEB-INF/lib}, {@code metadata-complete} or not.
 *
 * <p>At startup it:
 * <ol>
 *   <li>records the context-params for the application's class loader
 *       ({@link ConfigSources#registerContextParams}), so that the JAX-RS feature and the CDI producers read the
 *       same configuration as the filter;</li>
 *   <li>starts the application's one shared configuration ({@link SharedConfigurations}), unless the JAX-RS
 *       module's initializer did, with a listener that closes it (ending the key refresh) when the application
 *       stops;</li>
 *   <li>does nothing more when {@value ConfigProperties#ENABLED} is {@code false};</li>
 *   <li>reads, loading the keys once, the configuration of every declared {@link CloudFrontSigningFilter}
 *       (MicroProfile Config, its init-params, the context-params), and the application's configuration
 *       (MicroProfile Config, the context-params) when it configures signing at all
 *       ({@link ConfigSources#configuresSigning}); the filters, the JAX-RS feature and the CDI producers then use
 *       what was read; any problem throws a {@link ServletException} and the container does not start the
 *       application (where a container only logs an initializer's exception, as Open Liberty does, a
 *       listener added here throws the same problems from {@code contextInitialized}, which stops the start
 *       there).</li>
 * </ol>
 * Registering the filter without {@code web.xml} is done by {@link CloudFrontSigningRegistrar}, declared in the
 * jar's {@code web-fragment.xml}, so that {@code metadata-complete="true"} turns it off.
 *
 * <p>Thread safety: called by the container once per application start.
 */
public final class ServletSigningInitializer implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(ServletSigningInitializer.class.getName());

    /** Called by the container through {@code ServiceLoader}. */
    public ServletSigningInitializer() {}

    /**
     * Records the context-params and validates the configuration; see the class comment.
     *
     * @param classes unused (no {@code @HandlesTypes})
     * @param context the starting application
     * @throws ServletException listing every configuration problem (cause: {@link ConfigurationException}); the
     *     container then fails the deployment
     */
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        ClassLoader classLoader = ServletConfigSources.classLoader(context);
        ConfigSources.registerContextParams(classLoader, ServletConfigSources.contextParamMap(context));
        if (SharedConfigurations.start(classLoader)) {
            context.addListener(new Stop(classLoader));
        }
        ConfigLookup application = ServletConfigSources.forContext(context);
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        try {
            if (!ConfigSources.enabled(application)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "CloudFront signing is off for {0} ({1}=false)",
                        name(context),
                        ConfigProperties.ENABLED);
                return;
            }
        } catch (ConfigurationException e) {
            SharedConfigurations.stop(classLoader);
            throw failure(context, e.problems());
        }
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (CloudFrontSigningFilter.class.getName().equals(registration.getClassName())) {
                read(
                        classLoader,
                        registration.getInitParameters(),
                        ServletConfigSources.initParamSource(registration.getName()),
                        true,
                        problems);
            }
        }
        if (problems.isEmpty() && ConfigSources.configuresSigning(application)) {
            read(classLoader, null, null, false, problems);
        }
        if (!problems.isEmpty()) {
            SharedConfigurations.stop(classLoader); // the application will not start, so it will not stop either
            throw failure(context, problems);
        }
    }

    /** Reads (once: {@link SharedConfigurations}) what an entry point will use, collecting its problems. */
    private static void read(
            ClassLoader classLoader,
            Map<String, String> ownParams,
            String ownSource,
            boolean requireSigningTargets,
            List<ConfigurationException.Problem> problems) {
        try {
            SharedConfigurations.configuration(classLoader, ownParams, ownSource, requireSigningTargets);
        } catch (ConfigurationException e) {
            for (ConfigurationException.Problem p : e.problems()) {
                if (!problems.contains(p)) {
                    problems.add(p);
                }
            }
        }
    }

    private static ServletException failure(ServletContext context, List<ConfigurationException.Problem> problems) {
        ConfigurationException e = new ConfigurationException(problems);
        ServletException failure =
                new ServletException("CloudFront signing cannot start in " + name(context) + ". " + e.getMessage(), e);
        context.addListener(new FailStart(failure));
        return failure;
    }

    private static String name(ServletContext context) {
        String path = context.getContextPath();
        return "web application \"" + (path == null || path.isEmpty() ? "/" : path) + "\"";
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
     * When the application stops, after its filters and servlets: closes its shared configuration (the key refresh
     * thread ends) and forgets the recorded context-params.
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
