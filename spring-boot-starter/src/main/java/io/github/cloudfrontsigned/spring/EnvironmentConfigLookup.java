package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.config.ConfigLookup;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Core's property names read from Spring's {@link Environment} with Boot's relaxed binding: the names as written
 * in {@code application.properties}, camel case in YAML, {@code CLOUDFRONT_URL_TTL} in the environment,
 * {@code ${...}} placeholders resolved, and YAML lists joined with commas. Error messages name the value's origin
 * ({@code class path resource [application.properties] - 3:20}, {@code System Environment Property "..."}).
 * Thread-safe.
 */
final class EnvironmentConfigLookup implements ConfigLookup {

    private final Binder binder;
    private final Iterable<ConfigurationPropertySource> sources;

    EnvironmentConfigLookup(Environment environment) {
        this.binder = Binder.get(environment);
        this.sources = ConfigurationPropertySources.get(environment);
    }

    @Override
    public String value(String name) {
        ConfigurationPropertyName key = ConfigurationPropertyName.adapt(name, '.');
        String single = binder.bind(key, Bindable.of(String.class)).orElse(null);
        if (single != null) {
            return single;
        }
        List<String> list = binder.bind(key, Bindable.listOf(String.class)).orElse(List.of());
        return list.isEmpty() ? null : String.join(",", list);
    }

    @Override
    public String sourceOf(String name) {
        ConfigurationPropertyName key = ConfigurationPropertyName.adapt(name, '.');
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(key);
            if (property != null) {
                Origin origin = property.getOrigin();
                return origin != null ? origin.toString() : "Spring environment";
            }
        }
        return "Spring environment";
    }
}
