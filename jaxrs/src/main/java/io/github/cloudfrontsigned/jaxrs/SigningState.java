package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the providers of one JAX-RS application share: the configuration, settled once every
 * {@link CloudFrontSignedFeature} of the application has been configured (a configuration given in code wins
 * over one read from properties, whatever the order the features run in), and the settings of each resource
 * method. Thread-safe.
 */
final class SigningState {

    private static final System.Logger LOG = System.getLogger(CloudFrontSignedFeature.class.getName());

    private SigningConfiguration programmatic;
    private SigningConfiguration fromProperties;
    private ConfigurationException deferred;
    private volatile SigningConfiguration settled;
    private final Map<Key, ResourceSigning> resources = new ConcurrentHashMap<>();

    /**
     * A resource method. Its {@code equals}, {@code hashCode} and {@code toString} are written out: a record's
     * generated ones bootstrap
     * through {@code java.lang.runtime.ObjectMethods}, whose shared method handle keeps the last record class it
     * adapted to on Java 17 (JDK-8078641, fixed in 18), and so kept an undeployed application's class loader.
     */
    private record Key(Class<?> resourceClass, Method method) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.resourceClass == resourceClass && Objects.equals(k.method, method);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(resourceClass) + Objects.hashCode(method);
        }

        @Override
        public String toString() {
            return "Key[resourceClass=" + resourceClass + ", method=" + method + "]";
        }
    }

    /** The state of each deployed application by its class loader, for CDI; weak both ways, so nothing leaks. */
    private static final Map<ClassLoader, WeakReference<SigningState>> APPLICATIONS =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Records this as the state of the application the current thread deploys. */
    void registerForCurrentApplication() {
        APPLICATIONS.put(contextClassLoader(), new WeakReference<>(this));
    }

    /**
     * @return the state of the application of the current thread's context class loader (or a parent's)
     * @throws IllegalStateException if none has been deployed
     */
    static SigningState forCurrentApplication() {
        for (ClassLoader cl = contextClassLoader(); cl != null; cl = cl.getParent()) {
            WeakReference<SigningState> ref = APPLICATIONS.get(cl);
            SigningState state = ref == null ? null : ref.get();
            if (state != null) {
                return state;
            }
        }
        throw new IllegalStateException("no CloudFront signer for this application yet: it is configured when the"
                + " JAX-RS application with CloudFrontSignedFeature is deployed");
    }

    /**
     * @param classLoader an application's class loader
     * @return the state registered for exactly that class loader (not for a parent), or {@code null}
     */
    static SigningState registeredFor(ClassLoader classLoader) {
        WeakReference<SigningState> ref = APPLICATIONS.get(classLoader);
        return ref == null ? null : ref.get();
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : SigningState.class.getClassLoader();
    }

    synchronized void offerProgrammatic(SigningConfiguration configuration) {
        if (settled != null) {
            throw new IllegalStateException("CloudFrontSignedFeature registered after the application started");
        }
        if (programmatic != null && programmatic != configuration) {
            throw new IllegalStateException("two CloudFrontSignedFeature instances with different configurations are"
                    + " registered in one application; register one");
        }
        programmatic = configuration;
    }

    /**
     * Reads the configuration from properties now ({@code read}, over {@code lookup}), so that a misconfiguration
     * stops the deployment. When no key is configured at all the failure is kept for later: a configuration given
     * in code may still arrive, and an application that uses no {@code @CloudFrontSigned} resource must not fail
     * because the feature was discovered on its class path.
     */
    synchronized void offerProperties(ConfigLookup lookup, Supplier<SigningConfiguration> read) {
        if (fromProperties != null || deferred != null) {
            return;
        }
        try {
            fromProperties = read.get();
        } catch (ConfigurationException e) {
            if (isBlank(lookup.value(ConfigProperties.KEY_PAIR_ID)) && isBlank(lookup.value(ConfigProperties.KEYS))) {
                deferred = e;
            } else {
                throw e;
            }
        }
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }

    /**
     * @return the configuration, settled on first call
     * @throws ConfigurationException when no configuration was given in code and the properties are incomplete
     */
    SigningConfiguration configuration() {
        SigningConfiguration c = settled;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (settled == null) {
                SigningConfiguration chosen = programmatic != null ? programmatic : fromProperties;
                if (chosen == null) {
                    throw deferred != null
                            ? deferred
                            : new IllegalStateException("CloudFrontSignedFeature is not" + " configured");
                }
                settled = chosen;
                LOG.log(
                        System.Logger.Level.INFO,
                        "CloudFront @CloudFrontSigned resources sign with {0}; {1}"
                                + " protected prefixes, {2} cookie resources configured ({3})",
                        chosen.signer().describeActiveKey(),
                        chosen.protectedPrefixes().size(),
                        chosen.cookies().size(),
                        programmatic != null ? "configuration in code" : "configuration properties");
                if (chosen.accessPolicyClass() != null) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "{0} names a servlet access policy; it does not apply to"
                                    + " @CloudFrontSigned resources, which authorize in the resource method",
                            ConfigProperties.AUTH_POLICY);
                }
                if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    LOG.log(System.Logger.Level.DEBUG, "CloudFront @CloudFrontSigned configuration: {0}", chosen);
                }
            }
            return settled;
        }
    }

    /**
     * The settings of a resource method, resolved once.
     *
     * @throws ConfigurationException for a bad annotation attribute or an incomplete configuration
     */
    ResourceSigning resource(Class<?> resourceClass, Method method) {
        Key key = new Key(resourceClass, method);
        ResourceSigning r = resources.get(key);
        if (r == null) {
            r = ResourceSigning.resolve(configuration(), annotation(resourceClass, method), method, resourceClass);
            resources.putIfAbsent(key, r);
        }
        return r;
    }

    /** The method's annotation, else its class's, else {@code null} (bound through the {@code Application}). */
    static CloudFrontSigned annotation(Class<?> resourceClass, Method method) {
        CloudFrontSigned a = method == null ? null : method.getAnnotation(CloudFrontSigned.class);
        if (a == null && resourceClass != null) {
            a = resourceClass.getAnnotation(CloudFrontSigned.class);
        }
        return a;
    }
}
