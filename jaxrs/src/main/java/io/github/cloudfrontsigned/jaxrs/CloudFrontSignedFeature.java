package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigSources;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SharedConfigurations;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Registers the providers behind {@link CloudFrontSigned} in a Jakarta REST 3.1 application: the entry point
 * of the JAX-RS module. Nothing in it depends on a particular Jakarta REST implementation (tested on Jersey and
 * RESTEasy).
 *
 * <h2>Registration</h2>
 * Any one of these (several at once are harmless: {@link #configure(FeatureContext)} acts once per application):
 * <ul>
 *   <li>nothing: the feature is listed in {@code META-INF/services/jakarta.ws.rs.core.Feature}, which Jakarta
 *       REST 3.1 implementations load (unless {@code jakarta.ws.rs.loadServices=false}), and carries
 *       {@link Provider} for containers that scan;</li>
 *   <li>{@code Application.getClasses()} returning {@code CloudFrontSignedFeature.class}, or Jersey's
 *       {@code resourceConfig.register(CloudFrontSignedFeature.class)};</li>
 *   <li>an instance with a configuration made in code:
 * <pre>{@code
 * CloudFrontSigner signer = CloudFrontSigner.builder().key("K2JCJMDEHXQW5F", privateKey).build();
 * resourceConfig.register(new CloudFrontSignedFeature(SigningConfiguration.builder().signer(signer)
 *     .protectedPrefixes(List.of("https://cdn.example.com/private/"))));
 * }</pre></li>
 * </ul>
 *
 * <h2>Configuration</h2>
 * The servlet module's property names ({@link ConfigProperties}, README table), read by the no-argument
 * constructor in the order every entry point shares ({@link ConfigSources}): MicroProfile Config when an
 * implementation is present for the application's class loader, then the application's properties
 * ({@code Application.getProperties()}, Jersey's {@code ResourceConfig.property}, servlet init-params where the
 * implementation exposes them), then the web application's {@code <context-param>}s (recorded at startup by
 * {@link JaxrsSigningInitializer} in a servlet container, so an application without a servlet declaration,
 * as usual on WildFly, finds them). In a servlet container the feature uses the configuration the initializer read
 * at startup, shared with the servlet filter and the CDI producers, so the keys are loaded once per application
 * and closed when it stops ({@link SharedConfigurations}), unless the application's properties change a value.
 * Only the keys are required: {@code @CloudFrontSigned} can name the protected prefixes and cookie resources per
 * resource.
 * A configuration given in code wins over properties, whatever order the features run in.
 *
 * <p>Misconfiguration stops the deployment: {@link #configure(FeatureContext)} (or, when no key is configured
 * at all, the check of the first {@code @CloudFrontSigned} resource method at deployment) throws a
 * {@link ConfigurationException} listing every bad property or annotation attribute with the fix. A discovered
 * feature in an application that configures nothing and uses no {@code @CloudFrontSigned} stays inert. One INFO
 * line (through {@link System.Logger}) names the key pair ID, key type and public-key fingerprint, never the key.
 *
 * <h2>The signer in resources</h2>
 * To build signed URLs into DTO fields by hand, get the configured signer through {@code @Context}:
 * <pre>{@code
 * @Context Providers providers;
 *
 * @GET public Video video(@PathParam("id") String id) {
 *     CloudFrontSigner signer = CloudFrontSignedFeature.signer(providers);
 *     return new Video(id, signer.signUrl("https://cdn.example.com/videos/" + id + ".mp4", Duration.ofMinutes(10)));
 * }
 * }</pre>
 * ({@code providers.getContextResolver(CloudFrontSigner.class, MediaType.WILDCARD_TYPE)} is the portable
 * lookup behind it.) Where CDI runs, {@code @Inject CloudFrontSigner signer} works too: the jar is a bean archive
 * whose one bean produces the signer of the application deployed with the current context class loader.
 *
 * <p>Thread safety: the providers it registers are thread-safe; an instance serves one application.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public final class CloudFrontSignedFeature implements Feature {

    /** How messages name the application's properties. */
    private static final String APPLICATION_PROPERTY = "JAX-RS application property";

    /** The application property holding the shared state, set by the first configured feature. */
    private static final String STATE = SigningState.class.getName();

    private final SigningConfiguration configuration;
    private final SigningConfiguration.Builder builder;
    private final ConfigLookup lookup;

    /**
     * Reads the configuration from MicroProfile Config (when present) and the application's properties; see the
     * class comment. The constructor Jakarta REST implementations use for a registered or discovered class.
     */
    public CloudFrontSignedFeature() {
        this.configuration = null;
        this.builder = null;
        this.lookup = null;
    }

    /**
     * Uses a configuration made in code; no property is read.
     *
     * @param configuration the configuration, for example from {@code SigningConfiguration.builder()...build()}
     *     (pass the builder instead to leave out protected prefixes and cookie resources)
     */
    public CloudFrontSignedFeature(SigningConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.builder = null;
        this.lookup = null;
    }

    /**
     * Builds the configuration when the application is deployed; protected prefixes and cookie resources may be
     * left to the annotations. A {@link ConfigurationException} from the builder then stops the deployment.
     *
     * @param builder the configuration so far; must not be changed afterwards
     */
    public CloudFrontSignedFeature(SigningConfiguration.Builder builder) {
        this.configuration = null;
        this.builder = Objects.requireNonNull(builder, "builder");
        this.lookup = null;
    }

    /**
     * Reads the configuration from the given properties instead of MicroProfile Config and the application's
     * properties.
     *
     * @param lookup where the property values are, for example
     *     {@code ConfigLookup.of(System::getProperty, "system properties")}
     */
    public CloudFrontSignedFeature(ConfigLookup lookup) {
        this.configuration = null;
        this.builder = null;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * Registers the name-bound response filter and writer interceptor, the signer's {@code ContextResolver} and
     * the deployment check, once per application, and contributes this feature's configuration.
     *
     * @param context the server application's configuration
     * @return {@code true} on the server; {@code false} on a client, where it does nothing
     * @throws ConfigurationException if the configuration (read from properties, or built from the builder) is
     *     invalid; the message names every bad property and the fix
     */
    @Override
    public boolean configure(FeatureContext context) {
        Configuration current = context.getConfiguration();
        if (current.getRuntimeType() != RuntimeType.SERVER) {
            return false;
        }
        Object existing = current.getProperty(STATE);
        SigningState state = existing instanceof SigningState ? (SigningState) existing : new SigningState();
        if (configuration != null) {
            state.offerProgrammatic(configuration);
        } else if (builder != null) {
            state.offerProgrammatic(builder.requireSigningTargets(false).build());
        } else if (lookup != null) {
            state.offerProgrammatic(SigningConfiguration.read(lookup, false));
        } else {
            ConfigLookup lookup = properties(current);
            state.offerProperties(lookup, () -> {
                SigningConfiguration shared = SharedConfigurations.configuration(
                        classLoader(), applicationProperties(current), APPLICATION_PROPERTY, false);
                return shared != null ? shared : SigningConfiguration.read(lookup, false);
            });
        }
        if (existing == null) {
            context.property(STATE, state);
            state.registerForCurrentApplication();
            context.register(MatchedResourceFilter.class);
            context.register(new SigningResponseFilter(state));
            context.register(new SigningWriterInterceptor());
            context.register(new SignerResolver(state));
            context.register(new DeploymentCheck(state));
            if (servletApiPresent()) {
                context.register(new ServletClientAddress());
            }
            if (VertxClientAddress.present(CloudFrontSignedFeature.class.getClassLoader())) {
                context.register(new VertxClientAddress()); // Quarkus REST: no servlet request there
            }
        }
        return true;
    }

    /**
     * The configured signer, for resources that build signed URLs by hand.
     *
     * @param providers the application's providers, injected with {@code @Context Providers}
     * @return the signer, thread-safe and shared by the application
     * @throws IllegalStateException if this feature is not registered in the application
     * @throws ConfigurationException if it is registered but not configured
     */
    public static CloudFrontSigner signer(Providers providers) {
        ContextResolver<CloudFrontSigner> resolver =
                providers.getContextResolver(CloudFrontSigner.class, MediaType.WILDCARD_TYPE);
        CloudFrontSigner signer = resolver == null ? null : resolver.getContext(CloudFrontSigner.class);
        if (signer == null) {
            throw new IllegalStateException("no CloudFront signer: register CloudFrontSignedFeature in the"
                    + " application (Application.getClasses(), or keep META-INF/services discovery on)");
        }
        return signer;
    }

    private static ConfigLookup properties(Configuration configuration) {
        ConfigLookup application = ConfigLookup.of(
                name -> {
                    Object v = configuration.getProperty(name);
                    return v == null ? null : v.toString();
                },
                APPLICATION_PROPERTY);
        return ConfigSources.forApplication(classLoader(), application);
    }

    /** The application's {@code cloudfront.*} properties: if they change nothing, the shared configuration is used. */
    private static Map<String, String> applicationProperties(Configuration configuration) {
        Map<String, String> properties = new HashMap<>();
        for (String name : configuration.getPropertyNames()) {
            Object v = name.startsWith(ConfigProperties.PREFIX) ? configuration.getProperty(name) : null;
            if (v != null) {
                properties.put(name, v.toString());
            }
        }
        return properties;
    }

    private static ClassLoader classLoader() {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        return classLoader != null ? classLoader : CloudFrontSignedFeature.class.getClassLoader();
    }

    private static boolean servletApiPresent() {
        try {
            Class.forName(
                    "jakarta.servlet.http.HttpServletRequest", false, CloudFrontSignedFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
