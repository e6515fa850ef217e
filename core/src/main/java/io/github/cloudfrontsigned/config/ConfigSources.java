package io.github.cloudfrontsigned.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The one place where the configuration sources of a web application are put together, so that every entry
 * point (the servlet filters, the JAX-RS feature, the CDI producers, the servlet container initializer) reads a
 * property the same way. A property's value comes from the first source that sets it:
 * <ol>
 *   <li>MicroProfile Config, when an implementation is present for the application's class loader (system
 *       properties, environment variables, {@code META-INF/microprofile-config.properties}...): the environment
 *       overrides what is packaged in the WAR;</li>
 *   <li>the entry point's own parameters: a filter's {@code <init-param>}s, the JAX-RS application's
 *       properties; they apply to that entry point only;</li>
 *   <li>the web application's {@code <context-param>}s, shared by every entry point.</li>
 * </ol>
 *
 * <p>The context-params reach entry points that have no {@code ServletContext} of their own (a JAX-RS
 * {@code Feature}, a CDI producer) through {@link #registerContextParams(ClassLoader, Map)}: the servlet
 * container initializers of the servlet and JAX-RS modules record them for the web application's class loader
 * at startup. This class imports no Jakarta API: each source is a {@link ConfigLookup}, a function from a property
 * name to its value.
 *
 * <p>Thread-safe: the registry is synchronized and holds class loaders weakly (and copies of the context-params,
 * which do not refer to them), so an undeployed application leaks nothing.
 */
public final class ConfigSources {

    /** How error messages name a context-param source. */
    public static final String CONTEXT_PARAM = "context-param";

    /** Context-params by web application class loader; the values are copies that do not refer to the loader. */
    private static final Map<ClassLoader, ConfigLookup> CONTEXT_PARAMS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private ConfigSources() {}

    /**
     * Composes the three sources in the documented order; absent ones ({@code null}) are skipped.
     *
     * @param microProfileConfig MicroProfile Config, or {@code null} when not present
     *     (see {@link ConfigLookup#microProfileConfig(ClassLoader)})
     * @param ownParams the entry point's own parameters (a filter's init-params), or {@code null}
     * @param contextParams the web application's context-params, or {@code null} outside a servlet container
     * @return the lookup; never {@code null} (without any source it finds nothing)
     */
    public static ConfigLookup standard(
            ConfigLookup microProfileConfig, ConfigLookup ownParams, ConfigLookup contextParams) {
        ConfigLookup result = ConfigLookup.of(name -> null, "no configuration source");
        for (ConfigLookup source : new ConfigLookup[] {contextParams, ownParams, microProfileConfig}) {
            if (source != null) {
                result = source.orElse(result);
            }
        }
        return result;
    }

    /**
     * The standard composition for an entry point of the web application whose class loader is given: MicroProfile
     * Config for that class loader, then {@code ownParams}, then the context-params recorded for that class
     * loader (or one of its parents).
     *
     * @param classLoader the web application's class loader
     * @param ownParams the entry point's own parameters, or {@code null}
     * @return the lookup
     */
    public static ConfigLookup forApplication(ClassLoader classLoader, ConfigLookup ownParams) {
        Objects.requireNonNull(classLoader, "classLoader");
        return standard(ConfigLookup.microProfileConfig(classLoader), ownParams, contextParams(classLoader));
    }

    /**
     * Records a web application's context-params (called by the servlet container initializers at startup), so
     * that {@link #forApplication(ClassLoader, ConfigLookup)} finds them. A later call for the same class loader
     * replaces the earlier one.
     *
     * @param classLoader the web application's class loader ({@code ServletContext.getClassLoader()}); held
     *     weakly
     * @param contextParams the context-params' names and values; copied (context-params are fixed once the
     *     application has started)
     */
    public static void registerContextParams(ClassLoader classLoader, Map<String, String> contextParams) {
        Objects.requireNonNull(classLoader, "classLoader");
        CONTEXT_PARAMS.put(classLoader, ConfigLookup.of(contextParams, CONTEXT_PARAM));
    }

    /**
     * Forgets a web application's context-params (when it is undeployed).
     *
     * @param classLoader the class loader given to {@link #registerContextParams(ClassLoader, Map)}
     */
    public static void unregisterContextParams(ClassLoader classLoader) {
        CONTEXT_PARAMS.remove(classLoader);
    }

    /**
     * @param classLoader a web application's class loader
     * @return its recorded context-params (searching parents too), or {@code null} when none were recorded
     */
    public static ConfigLookup contextParams(ClassLoader classLoader) {
        for (ClassLoader cl = classLoader; cl != null; cl = cl.getParent()) {
            ConfigLookup lookup = CONTEXT_PARAMS.get(cl);
            if (lookup != null) {
                return lookup;
            }
        }
        return null;
    }

    /**
     * Whether the application configures CloudFront signing at all: a key ({@value ConfigProperties#KEY_PAIR_ID},
     * {@value ConfigProperties#KEYS}, {@value ConfigProperties#PRIVATE_KEY},
     * {@value ConfigProperties#PRIVATE_KEY_LOCATION}, {@value ConfigProperties#SIGNER}) or what to sign
     * ({@value ConfigProperties#PROTECTED_PREFIXES}, {@value ConfigProperties#COOKIE_RESOURCES}). The servlet
     * container initializer validates at startup, and registers the filter, only when this is true.
     *
     * @param lookup the composed configuration
     * @return {@code true} if any of those properties has a non-blank value
     */
    public static boolean configuresSigning(ConfigLookup lookup) {
        for (String name : new String[] {
            ConfigProperties.KEY_PAIR_ID,
            ConfigProperties.KEYS,
            ConfigProperties.PRIVATE_KEY,
            ConfigProperties.PRIVATE_KEY_LOCATION,
            ConfigProperties.SIGNER,
            ConfigProperties.PROTECTED_PREFIXES,
            ConfigProperties.COOKIE_RESOURCES
        }) {
            String v = lookup.value(name);
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@value ConfigProperties#ENABLED} leaves CloudFront signing on (the default).
     *
     * @param lookup the composed configuration
     * @return {@code false} only when the property is {@code false} (case-insensitive)
     * @throws ConfigurationException when the value is neither {@code true} nor {@code false}
     */
    public static boolean enabled(ConfigLookup lookup) {
        String v = lookup.value(ConfigProperties.ENABLED);
        if (v == null || v.isBlank() || v.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigurationException(List.of(new ConfigurationException.Problem(
                ConfigProperties.ENABLED, v, lookup.sourceOf(ConfigProperties.ENABLED), "expected true or false")));
    }

    /**
     * Checks the whole configuration now, loading the keys, and releases what it loaded. The servlet container
     * initializers do not use it: they read through {@link SharedConfigurations}, so that the keys they load are
     * the ones every entry point of the application then signs with.
     *
     * @param lookup the composed configuration
     * @param requireSigningTargets whether protected prefixes or cookie resources must be configured (the filter
     *     needs them; JAX-RS resources may name them in {@code @CloudFrontSigned})
     * @throws ConfigurationException listing every problem: property, value (never key material), source, fix
     */
    public static void validate(ConfigLookup lookup, boolean requireSigningTargets) {
        SigningConfiguration.read(lookup, requireSigningTargets).close();
    }
}
