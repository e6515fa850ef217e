package io.github.cloudfrontsigned.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Reads properties from MicroProfile Config. The only class that touches the MicroProfile API: it is loaded
 * only after {@link ConfigLookup#microProfileConfig(ClassLoader)} found the API on the class path.
 */
final class MicroProfileConfigLookup implements ConfigLookup {

    private final Config config;

    private MicroProfileConfigLookup(Config config) {
        this.config = config;
    }

    /**
     * @param classLoader the application's class loader
     * @return the lookup, or {@code null} when no MicroProfile Config implementation answers
     */
    static ConfigLookup forClassLoader(ClassLoader classLoader) {
        try {
            return new MicroProfileConfigLookup(ConfigProvider.getConfig(classLoader));
        } catch (RuntimeException | LinkageError e) {
            // API present without an implementation (ServiceConfigurationError, IllegalStateException ...)
            return null;
        }
    }

    @Override
    public String value(String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }

    @Override
    public String sourceOf(String name) {
        ConfigValue value = config.getConfigValue(name);
        return "MicroProfile Config source " + (value.getSourceName() == null ? "(unknown)" : value.getSourceName());
    }
}
