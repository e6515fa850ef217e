package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.Durations;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.request.RequestSigning;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective settings of one resource method: the configured defaults with its {@link CloudFrontSigned}
 * attributes applied, checked once (at deployment for annotated methods). Immutable and thread-safe.
 */
final class ResourceSigning {

    private static final System.Logger LOG = System.getLogger(CloudFrontSignedFeature.class.getName());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)");
    private static final String USER = "user";

    final SigningConfiguration config;
    final RequestSigning.Settings settings;
    final LinkRewriter rewriting;
    final List<CookieTemplate> cookies;

    private ResourceSigning(
            SigningConfiguration config,
            CloudFrontSigner signer,
            LinkRewriter rewriting,
            Duration linkTtl,
            Duration cookieTtl,
            boolean bindClientIp,
            List<CookieTemplate> cookies) {
        this.config = config;
        // A cookie set that fails to sign fails the response (500), unlike the servlet filter.
        this.settings = RequestSigning.Settings.builder(config.requestRules())
                .signer(signer)
                .linkTtl(linkTtl)
                .cookieTtl(cookieTtl)
                .bindClientIp(bindClientIp)
                .cookieFailuresThrow(true)
                .log(LOG)
                .build();
        this.rewriting = rewriting;
        this.cookies = cookies;
    }

    /**
     * The settings of a resource method.
     *
     * @param config the configuration
     * @param annotation the method's annotation, else its class's; {@code null} for the defaults (binding on
     *     the {@code Application})
     * @param method the resource method, for messages and path parameter names
     * @param resourceClass the resource class
     * @throws ConfigurationException listing every bad attribute, each named
     *     {@code @CloudFrontSigned(attribute)} with the method as its source
     */
    static ResourceSigning resolve(
            SigningConfiguration config, CloudFrontSigned annotation, Method method, Class<?> resourceClass) {
        if (annotation == null) {
            return new ResourceSigning(
                    config,
                    config.signer(),
                    config.rewriter(),
                    config.urlTtl(),
                    config.cookieTtl(),
                    config.bindClientIp(),
                    configuredCookies(config));
        }
        String where = where(method, resourceClass);
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        Duration linkTtl = duration(annotation.ttl(), config.urlTtl(), "ttl", where, problems);
        Duration cookieTtl = duration(annotation.cookieTtl(), config.cookieTtl(), "cookieTtl", where, problems);
        CloudFrontSigner signer = config.signer();
        if (!annotation.hashAlgorithm().isBlank()) {
            try {
                signer = signer.withHashAlgorithm(
                        HashAlgorithm.parse(annotation.hashAlgorithm().trim()));
            } catch (IllegalArgumentException e) {
                problems.add(problem("hashAlgorithm", annotation.hashAlgorithm(), where, e.getMessage()));
            }
        }
        List<String> prefixes = annotation.protectedPrefixes().length == 0
                ? config.protectedPrefixes()
                : Arrays.stream(annotation.protectedPrefixes())
                        .map(String::trim)
                        .toList();
        boolean bind = switch (annotation.ipBinding()) {
            case BIND -> true;
            case NONE -> false;
            case CONFIGURED -> config.bindClientIp();
        };
        List<CookieTemplate> cookies = annotation.cookies().length == 0
                ? configuredCookies(config)
                : cookieTemplates(config, annotation.cookies(), pathParameters(method, resourceClass), where, problems);

        // The configuration's own checks (prefix syntax, positive lifetimes, cookie Domain and Path) on the
        // overridden values; the refresh margin does not apply to annotated resources.
        SigningConfiguration.Builder check = SigningConfiguration.builder()
                .signer(signer)
                .requireSigningTargets(false)
                .protectedPrefixes(prefixes)
                .urlTtl(linkTtl)
                .cookieTtl(cookieTtl)
                .cookieRefreshMargin(Duration.ZERO);
        for (CookieTemplate c : cookies) {
            if (c.example != null) {
                check.cookie(c.example);
            }
        }
        try {
            check.build();
        } catch (ConfigurationException e) {
            for (ConfigurationException.Problem p : e.problems()) {
                problems.add(translate(p, annotation, where));
            }
        }
        LinkRewriter rewriter = null;
        if (problems.isEmpty()) {
            try {
                rewriter = annotation.protectedPrefixes().length == 0 ? config.rewriter() : rewriter(prefixes);
            } catch (IllegalArgumentException e) {
                problems.add(problem("protectedPrefixes", String.join(", ", prefixes), where, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new ResourceSigning(config, signer, rewriter, linkTtl, cookieTtl, bind, cookies);
    }

    /** @return the rewriter for these prefixes, or {@code null} for none (cookies only) */
    private static LinkRewriter rewriter(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return null;
        }
        LinkRewriter.Builder builder = LinkRewriter.builder();
        prefixes.forEach(builder::protectedPrefix);
        return builder.build();
    }

    private static ConfigurationException.Problem translate(
            ConfigurationException.Problem p, CloudFrontSigned annotation, String where) {
        String property = p.property();
        if (property.equals(ConfigProperties.PROTECTED_PREFIXES) && annotation.protectedPrefixes().length > 0) {
            return problem("protectedPrefixes", String.join(", ", annotation.protectedPrefixes()), where, p.message());
        }
        if (property.equals(ConfigProperties.URL_TTL)) {
            return problem("ttl", annotation.ttl(), where, p.message());
        }
        if (property.equals(ConfigProperties.COOKIE_TTL)) {
            return problem("cookieTtl", annotation.cookieTtl(), where, p.message());
        }
        if (property.startsWith(ConfigProperties.COOKIE_PREFIX) && annotation.cookies().length > 0) {
            // Domain or Path against a resource of the annotation: name both.
            return problem(
                    "cookies",
                    String.join(", ", annotation.cookies()),
                    where,
                    "with " + property + (p.value() == null ? "" : " = \"" + p.value() + "\"") + ": " + p.message());
        }
        return p;
    }

    private static ConfigurationException.Problem problem(
            String attribute, String value, String where, String message) {
        return new ConfigurationException.Problem("@CloudFrontSigned(" + attribute + ")", value, where, message);
    }

    /** @return {@code Class.method()}: the resource method, for messages and log lines */
    static String where(Method method, Class<?> resourceClass) {
        return (resourceClass != null ? resourceClass : method.getDeclaringClass()).getName() + "." + method.getName()
                + "()";
    }

    private static Duration duration(
            String text,
            Duration defaultValue,
            String attribute,
            String where,
            List<ConfigurationException.Problem> problems) {
        if (text.isBlank()) {
            return defaultValue;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(problem(attribute, text, where, e.getMessage()));
            return defaultValue;
        }
    }

    private static List<CookieTemplate> configuredCookies(SigningConfiguration config) {
        return config.cookies().stream()
                .map(spec -> new CookieTemplate(spec.resourceTemplate(), List.of(), spec))
                .toList();
    }

    /** The path parameter names the method's and its class's {@code @Path} templates declare; null if unknown. */
    private static Set<String> pathParameters(Method method, Class<?> resourceClass) {
        Path classPath = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        if (classPath == null) {
            return null; // a sub-resource: its locator's parameters are not known here
        }
        Set<String> names = new LinkedHashSet<>();
        collect(classPath.value(), names);
        Path methodPath = method.getAnnotation(Path.class);
        if (methodPath != null) {
            collect(methodPath.value(), names);
        }
        return names;
    }

    private static void collect(String template, Set<String> names) {
        Matcher m = PATH_PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    private static List<CookieTemplate> cookieTemplates(
            SigningConfiguration config,
            String[] templates,
            Set<String> pathParameters,
            String where,
            List<ConfigurationException.Problem> problems) {
        List<CookieTemplate> result = new ArrayList<>();
        for (String raw : templates) {
            String template = raw.trim();
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            boolean ok = true;
            while (m.find()) {
                String name = m.group(1);
                if (name.equals(USER)) {
                    continue;
                }
                if (!name.matches("\\w[\\w.-]*")) {
                    problems.add(
                            problem(
                                    "cookies",
                                    template,
                                    where,
                                    "placeholder {" + name + "} is not a path"
                                            + " parameter name; write {user} or the name of a path parameter, for example {courseId}"));
                    ok = false;
                } else if (pathParameters != null && !pathParameters.contains(name)) {
                    problems.add(problem(
                            "cookies",
                            template,
                            where,
                            "{" + name + "} is not a path parameter of this" + " resource method (its @Path declares "
                                    + pathParameters + "); use one of those or {user}"));
                    ok = false;
                } else {
                    names.add(name);
                }
            }
            if (!ok) {
                continue;
            }
            String example = names.isEmpty() ? template : CookieTemplate.expand(template, names, n -> "x");
            try {
                CookieSpec spec = config.cookie(example);
                result.add(new CookieTemplate(template, names, names.isEmpty() ? spec : null, spec));
            } catch (IllegalArgumentException e) {
                problems.add(problem("cookies", template, where, e.getMessage()));
            }
        }
        return result;
    }

    /** One cookie resource with its placeholders. */
    static final class CookieTemplate {
        private final String template;
        private final List<String> names;
        private final CookieSpec fixed;
        final CookieSpec example;

        CookieTemplate(String template, List<String> names, CookieSpec fixed) {
            this(template, names, fixed, fixed);
        }

        CookieTemplate(String template, List<String> names, CookieSpec fixed, CookieSpec example) {
            this.template = template;
            this.names = names;
            this.fixed = fixed;
            this.example = example;
        }

        /**
         * @param config for the cookie attributes
         * @param pathParameters the request's decoded path parameters
         * @return the cookie set for this request ({@code {user}} still in it), or {@code null} when a path
         *     parameter has no usable value
         */
        CookieSpec spec(SigningConfiguration config, Map<String, List<String>> pathParameters) {
            if (fixed != null) {
                return fixed;
            }
            Map<String, String> segments = new java.util.HashMap<>();
            for (String name : names) {
                List<String> values = pathParameters.get(name);
                String segment = values == null || values.isEmpty()
                        ? null
                        : config.requestRules()
                                .pathSegment("path parameter {" + name + "}", values.get(values.size() - 1));
                if (segment == null) {
                    return null;
                }
                segments.put(name, segment);
            }
            String resource = expand(template, names, segments::get);
            try {
                return config.cookie(resource);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        static String expand(String template, List<String> names, java.util.function.UnaryOperator<String> value) {
            String result = template;
            for (String name : names) {
                result = result.replace("{" + name + "}", value.apply(name));
            }
            return result;
        }
    }
}
