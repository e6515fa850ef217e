package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.SharedConfigurations;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the web application's signer and configuration injectable with CDI ({@code @Inject CloudFrontSigner},
 * {@code @Inject SigningConfiguration}) in any CDI-enabled application, servlet-only included: the jar's
 * {@code META-INF/beans.xml} (discovery mode {@code annotated}) makes this class a bean, and nothing else touches
 * the CDI API. The configuration is read on first use from the sources every entry point shares
 * ({@link ConfigSources#forApplication}: MicroProfile Config, then the context-params recorded at startup by
 * {@link ServletSigningInitializer}), for the application of the current thread's context class loader;
 * protected prefixes are not required. In a servlet container it is the application's shared configuration
 * ({@link SharedConfigurations}: the keys loaded once for every entry point); elsewhere it is read here. It is
 * closed when the application stops.
 *
 * <p>An enabled alternative with a low priority ({@value #PRIORITY}), so that it never makes injection ambiguous:
 * the JAX-RS module's producer (priority {@code PRIORITY + 10}) wins where both jars are deployed, and an
 * application's own producer wins when it is an {@code @Alternative} with a higher {@code @Priority}.
 *
 * <p>Thread safety: one instance per application; the configuration is read once.
 */
@ApplicationScoped
@Alternative
@Priority(ServletCdiProducer.PRIORITY)
class ServletCdiProducer {

    /** The alternative's priority. */
    static final int PRIORITY = 100;

    private SigningConfiguration configuration;
    /** Whether {@link #close()} closes it: read here, not the application's shared one. */
    private boolean owned;

    /**
     * @return the application's configuration
     * @throws io.github.cloudfrontsigned.config.ConfigurationException if it is missing or invalid
     */
    @Produces
    @Dependent
    synchronized SigningConfiguration configuration() {
        if (configuration == null) {
            ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
            if (classLoader == null) {
                classLoader = ServletCdiProducer.class.getClassLoader();
            }
            configuration = SharedConfigurations.configuration(classLoader, null, null, false);
            if (configuration == null) {
                configuration = SigningConfiguration.read(ConfigSources.forApplication(classLoader, null), false);
                owned = true;
            }
        }
        return configuration;
    }

    /**
     * @return the application's signer; {@code @Dependent}, because a final class cannot have a client proxy
     * @throws io.github.cloudfrontsigned.config.ConfigurationException if the configuration is missing or invalid
     */
    @Produces
    @Dependent
    CloudFrontSigner signer() {
        return configuration().signer();
    }

    @PreDestroy
    synchronized void close() {
        if (configuration != null && owned) {
            configuration.close();
        }
    }
}
