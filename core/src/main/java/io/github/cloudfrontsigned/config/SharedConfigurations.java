package io.github.cloudfrontsigned.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * One {@link SigningConfiguration} per web application, shared by every entry point that reads it from properties
 * (the servlet container initializers, the servlet filter, the JAX-RS feature, the CDI producers), so that the keys
 * are loaded once per deployment: a {@code secretsmanager:} or {@code ssm:} key is fetched once, and one refresh
 * thread keeps it current. This class imports no Jakarta API; a web application is known by its class loader
 * ({@code ServletContext.getClassLoader()}), as in {@link ConfigSources}.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>{@link #start(ClassLoader)}: a servlet container initializer, when the application starts (after
 *       {@link ConfigSources#registerContextParams}); the one that starts it registers a listener that calls
 *       {@link #stop(ClassLoader)} when the application stops;</li>
 *   <li>{@link #configuration(ClassLoader, Map, String, boolean)}: each entry point; the first call reads the
 *       configuration (MicroProfile Config, then the context-params, see {@link ConfigSources}), later calls get
 *       the same instance, or the same problems;</li>
 *   <li>{@link #stop(ClassLoader)}: closes what was read ({@link SigningConfiguration#close()}: the key refresh
 *       ends) and forgets the application.</li>
 * </ol>
 * Where no initializer ran (no servlet container, or one that runs no {@code ServletContainerInitializer}),
 * {@code configuration} answers {@code null} and each entry point reads and closes its own configuration, as
 * before.
 *
 * <p>An entry point's own parameters (a filter's init-params, a JAX-RS application's properties) that change a
 * {@code cloudfront.*} value the application's sources give make another configuration, read once for those
 * values and closed with the application's.
 *
 * <p>Thread safety: thread-safe; a configuration is read under a lock of its application, once.
 */
public final class SharedConfigurations {

    /** The applications started, by class loader; removed by {@link #stop(ClassLoader)}. */
    private static final Map<ClassLoader, Application> APPLICATIONS = Collections.synchronizedMap(new WeakHashMap<>());

    /** What one application read: a configuration or its problems, by the entry point's overriding values. */
    private static final class Application {
        final Map<Map<String, String>, Object> read = new HashMap<>();
    }

    private SharedConfigurations() {}

    /**
     * Starts sharing for a web application. Idempotent.
     *
     * @param application the web application's class loader
     * @return {@code true} if this call started it: the caller then arranges for {@link #stop(ClassLoader)} when
     *     the application stops (a {@code ServletContextListener}); {@code false} if it was started already
     */
    public static boolean start(ClassLoader application) {
        Objects.requireNonNull(application, "application");
        synchronized (APPLICATIONS) {
            if (APPLICATIONS.containsKey(application)) {
                return false;
            }
            APPLICATIONS.put(application, new Application());
            return true;
        }
    }

    /**
     * Closes every configuration read for the application ({@link SigningConfiguration#close()}: background key
     * refresh stops) and forgets it. Idempotent; failures to close are logged.
     *
     * @param application the class loader given to {@link #start(ClassLoader)}
     */
    public static void stop(ClassLoader application) {
        Application app = APPLICATIONS.remove(application);
        if (app == null) {
            return;
        }
        List<Object> read;
        synchronized (app) {
            read = new ArrayList<>(app.read.values());
            app.read.clear();
        }
        for (Object r : read) {
            if (r instanceof SigningConfiguration) {
                ((SigningConfiguration) r).close();
            }
        }
    }

    /**
     * The application's configuration for an entry point: read on the first call (loading the keys), the same
     * instance afterwards. The caller must not close it: {@link #stop(ClassLoader)} does.
     *
     * @param application the web application's class loader (or a child of it, such as the context class loader
     *     of a request thread)
     * @param ownParams the entry point's own parameters, such as a filter's init-params, or {@code null}; those that
     *     give a {@code cloudfront.*} property another value than the application's sources do make another
     *     configuration
     * @param ownSource how messages name the own parameters, for example {@code init-param of filter "cloudfront"}
     * @param requireSigningTargets whether {@value ConfigProperties#PROTECTED_PREFIXES} or
     *     {@value ConfigProperties#COOKIE_RESOURCES} must be set (the servlet filter), as
     *     {@link SigningConfiguration#read(ConfigLookup, boolean)}
     * @return the configuration, or {@code null} when sharing was not started for the application: then the caller
     *     reads (and closes) its own
     * @throws ConfigurationException listing every problem, as {@link SigningConfiguration#read(ConfigLookup, boolean)}
     */
    public static SigningConfiguration configuration(
            ClassLoader application, Map<String, String> ownParams, String ownSource, boolean requireSigningTargets) {
        Objects.requireNonNull(application, "application");
        Application app = null;
        ClassLoader registered = null;
        for (ClassLoader cl = application; cl != null && app == null; cl = cl.getParent()) {
            app = APPLICATIONS.get(cl);
            registered = cl;
        }
        if (app == null) {
            return null;
        }
        ConfigLookup shared = ConfigSources.forApplication(registered, null);
        ConfigLookup lookup = shared;
        Map<String, String> overrides = new TreeMap<>();
        if (ownParams != null && !ownParams.isEmpty()) {
            Map<String, String> own = new HashMap<>();
            ownParams.forEach((name, value) -> {
                if (name != null && value != null && name.startsWith(ConfigProperties.PREFIX)) {
                    own.put(name, value);
                }
            });
            ConfigLookup withOwn = ConfigSources.forApplication(
                    registered, ConfigLookup.of(own, ownSource == null ? "entry point parameter" : ownSource));
            for (String name : own.keySet()) {
                String value = withOwn.value(name);
                if (!Objects.equals(value, shared.value(name))) {
                    overrides.put(name, value);
                }
            }
            if (!overrides.isEmpty()) {
                lookup = withOwn;
            }
        }
        Object read;
        synchronized (app) {
            read = app.read.get(overrides);
            if (read == null) {
                try {
                    read = SigningConfiguration.read(lookup, false);
                } catch (ConfigurationException e) {
                    read = e;
                }
                app.read.put(overrides, read);
            }
        }
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        if (read instanceof ConfigurationException) {
            problems.addAll(((ConfigurationException) read).problems());
        }
        if (requireSigningTargets
                && blank(lookup, ConfigProperties.PROTECTED_PREFIXES)
                && blank(lookup, ConfigProperties.COOKIE_RESOURCES)) {
            problems.add(SigningConfigurationChecks.nothingToSign(null, null));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return (SigningConfiguration) read;
    }

    private static boolean blank(ConfigLookup lookup, String name) {
        String v = lookup.value(name);
        return v == null || v.isBlank();
    }
}
