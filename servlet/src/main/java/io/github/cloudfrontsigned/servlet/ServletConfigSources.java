package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigSources;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The servlet side of {@link ConfigSources}: the sources of a filter, of a registration not yet initialized, and
 * of the web application as a whole, all composed by {@link ConfigSources#standard} (MicroProfile Config, then the
 * filter's init-params, then the context-params).
 */
final class ServletConfigSources {

    private ServletConfigSources() {}

    /** What a filter reads in {@code init}. */
    static ConfigLookup forFilter(FilterConfig filterConfig) {
        ServletContext context = filterConfig.getServletContext();
        return ConfigSources.standard(
                ConfigLookup.microProfileConfig(classLoader(context)),
                ConfigLookup.of(filterConfig::getInitParameter, initParamSource(filterConfig.getFilterName())),
                contextParams(context));
    }

    /** What a declared filter will read, before it is initialized (for the check at startup). */
    static ConfigLookup forRegistration(ServletContext context, FilterRegistration registration) {
        Map<String, String> initParams = registration.getInitParameters();
        return ConfigSources.standard(
                ConfigLookup.microProfileConfig(classLoader(context)),
                ConfigLookup.of(initParams == null ? Map.of() : initParams, initParamSource(registration.getName())),
                contextParams(context));
    }

    /** What the web application configures for every entry point: no init-params. */
    static ConfigLookup forContext(ServletContext context) {
        return ConfigSources.standard(
                ConfigLookup.microProfileConfig(classLoader(context)), null, contextParams(context));
    }

    /** A filter's init-params, copied. */
    static Map<String, String> initParamMap(FilterConfig filterConfig) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            String value = filterConfig.getInitParameter(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        return params;
    }

    /** The context-params, copied. */
    static Map<String, String> contextParamMap(ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            String value = context.getInitParameter(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        return params;
    }

    static ClassLoader classLoader(ServletContext context) {
        ClassLoader cl = context.getClassLoader();
        if (cl == null) {
            cl = Thread.currentThread().getContextClassLoader();
        }
        return cl != null ? cl : ServletConfigSources.class.getClassLoader();
    }

    private static ConfigLookup contextParams(ServletContext context) {
        return ConfigLookup.of(context::getInitParameter, ConfigSources.CONTEXT_PARAM);
    }

    /** How messages name a filter's init-params. */
    static String initParamSource(String filterName) {
        return "init-param of filter \"" + filterName + "\"";
    }
}
