package io.github.cloudfrontsigned.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@link SigningConfiguration#read(ConfigLookup)} finds property values: MicroProfile Config, servlet
 * init-params, system properties, a {@code Map} in a test. One small interface so that this package needs
 * neither Jakarta nor MicroProfile.
 *
 * <pre>{@code
 * ConfigLookup lookup = ConfigLookup.of(System::getProperty, "system properties")
 *     .orElse(ConfigLookup.of(Map.of("cloudfront.url.ttl", "10m"), "defaults"));
 * }</pre>
 *
 * <p>A value that is {@code null}, empty or only whitespace counts as absent, as in MicroProfile Config.
 * Implementations must be thread-safe if shared; they are called only while the configuration is read.
 */
public interface ConfigLookup {

    /**
     * @param name a property name such as {@link ConfigProperties#URL_TTL}
     * @return the raw value, or {@code null} when the property is not set
     */
    String value(String name);

    /**
     * Names where a property's value came from, for error messages, for example
     * {@code init-param of filter "cloudfront"} or {@code MicroProfile Config source EnvConfigSource}.
     *
     * @param name a property name that has a value
     * @return a short description, never the value
     */
    default String sourceOf(String name) {
        return "configuration";
    }

    /**
     * MicroProfile Config for an application, when both its API and an implementation are present; the servlet
     * filter and the JAX-RS feature use it. The API is an optional dependency: without it this returns
     * {@code null} and loads no MicroProfile class.
     *
     * @param classLoader the application's class loader (the web application's, or the thread context one)
     * @return the lookup, or {@code null} when MicroProfile Config is not available to both that class loader and
     *     this library
     */
    static ConfigLookup microProfileConfig(ClassLoader classLoader) {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, classLoader);
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, ConfigLookup.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return MicroProfileConfigLookup.forClassLoader(classLoader);
    }

    /**
     * A lookup over a function such as {@code System::getProperty} or {@code filterConfig::getInitParameter}.
     *
     * @param lookup returns the value or {@code null}
     * @param sourceName how error messages name this source, for example {@code "web.xml init-params"}
     * @return the lookup
     */
    static ConfigLookup of(Function<String, String> lookup, String sourceName) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(sourceName, "sourceName");
        return new ConfigLookup() {
            @Override
            public String value(String name) {
                return lookup.apply(name);
            }

            @Override
            public String sourceOf(String name) {
                return sourceName;
            }
        };
    }

    /**
     * A lookup over a map, for tests and programmatic use.
     *
     * @param values property names to values; copied
     * @param sourceName how error messages name this source
     * @return the lookup
     */
    static ConfigLookup of(Map<String, String> values, String sourceName) {
        Map<String, String> copy = Map.copyOf(values);
        return of(copy::get, sourceName);
    }

    /**
     * This lookup first, {@code fallback} for the properties it does not set.
     *
     * @param fallback consulted when this lookup has no (non-blank) value
     * @return the combined lookup
     */
    default ConfigLookup orElse(ConfigLookup fallback) {
        Objects.requireNonNull(fallback, "fallback");
        ConfigLookup first = this;
        return new ConfigLookup() {
            @Override
            public String value(String name) {
                String v = first.value(name);
                return isBlank(v) ? fallback.value(name) : v;
            }

            @Override
            public String sourceOf(String name) {
                return isBlank(first.value(name)) ? fallback.sourceOf(name) : first.sourceOf(name);
            }
        };
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }
}
