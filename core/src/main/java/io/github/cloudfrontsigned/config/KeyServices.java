package io.github.cloudfrontsigned.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The {@link KeyServiceProvider}s on the class path, by scheme, and the schemes whose module is known but may be
 * missing. Thread safety: thread-safe (the providers are loaded once).
 */
final class KeyServices {

    /** The module that handles the AWS schemes, for the error when it is missing. */
    static final String AWS_ARTIFACT = "io.github.cloudfrontsigned:cloudfront-signed-aws";

    private static final List<String> AWS_SCHEMES = List.of("secretsmanager", "ssm", "kms");

    private KeyServices() {}

    private static final class Loaded {
        static final Map<String, KeyServiceProvider> BY_SCHEME = load();

        private static Map<String, KeyServiceProvider> load() {
            Map<String, KeyServiceProvider> byScheme = new HashMap<>();
            ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), KeyServices.class.getClassLoader()
            };
            for (ClassLoader loader : loaders) {
                try {
                    for (KeyServiceProvider p : ServiceLoader.load(KeyServiceProvider.class, loader)) {
                        for (String scheme : p.schemes()) {
                            byScheme.putIfAbsent(scheme.toLowerCase(Locale.ROOT), p);
                        }
                    }
                } catch (ServiceConfigurationError e) {
                    System.getLogger(KeyServices.class.getName())
                            .log(
                                    System.Logger.Level.WARNING,
                                    "a CloudFront key service provider could not be loaded: {0}",
                                    e.getMessage());
                }
            }
            return Map.copyOf(byScheme);
        }
    }

    /** The scheme of a value, lower-case, or {@code null} when it has none of at least two letters. */
    static String scheme(String value) {
        int colon = value.indexOf(':');
        if (colon < 2) {
            return null; // no scheme, or a Windows drive letter such as C:\keys
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") ? scheme : null;
    }

    /** Whether a key location is for a service (a provider's or a known AWS scheme) rather than a file. */
    static boolean isServiceValue(String location) {
        String scheme = scheme(location);
        return scheme != null && (Loaded.BY_SCHEME.containsKey(scheme) || AWS_SCHEMES.contains(scheme));
    }

    /**
     * @throws IllegalArgumentException naming the property and the module to add when no provider handles the
     *     value's scheme
     */
    static KeyServiceProvider forValue(String value, String property) {
        String scheme = scheme(value);
        KeyServiceProvider provider = scheme == null ? null : Loaded.BY_SCHEME.get(scheme);
        if (provider != null) {
            return provider;
        }
        if (scheme != null && AWS_SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException(property + " uses " + scheme + ": which needs the module "
                    + AWS_ARTIFACT + " on the class path (same version as cloudfront-signed-core); add that"
                    + " dependency");
        }
        throw new IllegalArgumentException("no module on the class path handles \""
                + (scheme == null ? value : scheme + ":") + "\"; " + property + " accepts "
                + (Loaded.BY_SCHEME.isEmpty()
                        ? "kms:KEY_ID_OR_ARN with " + AWS_ARTIFACT
                        : String.join(":, ", Loaded.BY_SCHEME.keySet()) + ":"));
    }

    /** An exception's message for a configuration problem, never empty. */
    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m;
    }
}
