package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/**
 * Checks the configuration when a CDI container starts the application, where no servlet container initializer
 * runs (Quarkus REST, which has no servlet layer, and other CDI-based runtimes), so that a misconfiguration (a
 * bad duration, a missing key file...) stops start-up with the property, the value, its source and the fix, as
 * {@link JaxrsSigningInitializer} does on servlet containers. A bean of the jar's {@code META-INF/beans.xml};
 * nothing else touches it.
 *
 * <p>It observes CDI 4.0's {@link Startup} event, which containers fire after
 * {@code @Initialized(ApplicationScoped.class)} and before serving requests: Weld fires both, Quarkus fires its
 * {@code StartupEvent} (a {@code Startup}) at run time. Quarkus's {@code @Initialized(ApplicationScoped.class)}
 * comes when ArC starts in static initialization, which a native image runs at build time, before the run-time
 * configuration (and the key files) exist: too early to check.
 *
 * <p>Each check is made once: nothing when the application configures no signing
 * ({@link ConfigSources#configuresSigning}: the jar merely on the class path) or {@code cloudfront.enabled=false};
 * nothing when a servlet container initializer of this library already checked the application (it recorded the
 * application's context-params: {@link ConfigSources#contextParams(ClassLoader)}); when the application's
 * {@link CloudFrontSignedFeature} has already read the configuration (Quarkus REST deploys before this event),
 * that configuration is settled, so a problem the feature set aside (no key at all) stops start-up too and no
 * key is loaded again; otherwise (the JAX-RS application is not deployed yet) the configuration is read and
 * checked here, loading the keys. Protected prefixes and cookie resources are not required
 * ({@code @CloudFrontSigned} may name them).
 */
@Dependent
class CdiStartupCheck {

    /** Early among the observers (CDI's {@code Interceptor.Priority.LIBRARY_BEFORE}): before the application's own. */
    static final int PRIORITY = 1000;

    /**
     * @param startup the container's start-up event
     * @throws ConfigurationException listing every bad property with its value (never key material), source and
     *     fix; the container then stops the start-up
     */
    void check(@Observes @Priority(PRIORITY) Startup startup) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        if (classLoader == null) {
            classLoader = CdiStartupCheck.class.getClassLoader();
        }
        if (ConfigSources.contextParams(classLoader) != null) {
            return; // a servlet container initializer checked this application already
        }
        ConfigLookup application = ConfigSources.forApplication(classLoader, null);
        if (!ConfigSources.enabled(application) || !ConfigSources.configuresSigning(application)) {
            return;
        }
        SigningState deployed = SigningState.registeredFor(classLoader);
        if (deployed != null) {
            deployed.configuration(); // read when the feature was configured: throws what it set aside
        } else {
            ConfigSources.validate(application, false);
        }
    }
}
