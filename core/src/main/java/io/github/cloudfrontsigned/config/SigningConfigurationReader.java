package io.github.cloudfrontsigned.config;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RemoteSigner;
import io.github.cloudfrontsigned.key.SignatureProvider;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.request.TrustedProxies;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@link SigningConfiguration} from properties (names in {@link ConfigProperties}) into its builder, loading
 * every key, one problem per bad property, all collected before anything is thrown. Used by
 * {@link SigningConfiguration#read(ConfigLookup, boolean)}; one instance reads once, on one thread.
 */
final class SigningConfigurationReader {
    private final ConfigLookup lookup;
    private final List<ConfigurationException.Problem> problems = new ArrayList<>();
    private final SigningConfiguration.Builder builder = SigningConfiguration.builder();

    SigningConfigurationReader(ConfigLookup lookup, boolean requireSigningTargets) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        builder.requireSigningTargets(requireSigningTargets);
    }

    String raw(String name) {
        String v = lookup.value(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    void problem(String name, String message) {
        String v = raw(name);
        problems.add(new ConfigurationException.Problem(
                name, v == null ? null : shown(name, v), v == null ? null : lookup.sourceOf(name), message));
    }

    <T> T parse(String name, T defaultValue, Function<String, T> parser) {
        String v = raw(name);
        if (v == null) {
            return defaultValue;
        }
        builder.origins.put(name, new String[] {shown(name, v), lookup.sourceOf(name)});
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return defaultValue;
        }
    }

    /** Key pair ID to where its file, classpath or inline key came from (never the key), for the key status. */
    private final Map<String, String> keySources = new LinkedHashMap<>();

    SigningConfiguration read() {
        CloudFrontSigner.Builder signerBuilder = CloudFrontSigner.builder();
        Map<String, Object> keys = readKeys();
        HashAlgorithm hash = parse(ConfigProperties.HASH_ALGORITHM, null, HashAlgorithm::parse);
        if (hash == HashAlgorithm.SHA1) {
            for (Map.Entry<String, Object> k : keys.entrySet()) {
                if (k.getValue() instanceof RemoteSigner) {
                    problem(
                            ConfigProperties.HASH_ALGORITHM,
                            "the key for key pair ID " + k.getKey() + " is signed"
                                    + " by " + ((RemoteSigner) k.getValue()).description() + ", which signs with SHA256"
                                    + " only; remove this property or set SHA256");
                    break;
                }
                if (privateKeyOf(k.getValue()) instanceof ECKey) {
                    problem(
                            ConfigProperties.HASH_ALGORITHM,
                            "the key for key pair ID " + k.getKey() + " is an ECDSA"
                                    + " key, which signs with SHA256 (the AWS CLI refuses ECDSA with SHA-1); remove this"
                                    + " property or set SHA256");
                    break;
                }
            }
        }
        SignatureProvider provider =
                parse(ConfigProperties.SIGNATURE_PROVIDER, SignatureProvider.AUTO, SignatureProvider::parse);
        int cacheSize = parse(ConfigProperties.CACHE_SIZE, 10_000, v -> nonNegativeInt(v));
        Duration granularity = parse(
                ConfigProperties.URL_EXPIRY_GRANULARITY, SigningConfiguration.DEFAULT_URL_EXPIRY_GRANULARITY, v -> {
                    Duration d = Durations.parse(v);
                    CloudFrontSigner.builder().expiryGranularity(d);
                    return d;
                });
        String active = raw(ConfigProperties.ACTIVE_KEY_PAIR_ID);
        if (active != null && !keys.isEmpty() && !keys.containsKey(active)) {
            problem(
                    ConfigProperties.ACTIVE_KEY_PAIR_ID,
                    "no key is configured for this key pair ID; configured"
                            + " are " + keys.keySet() + " (" + ConfigProperties.KEY_PAIR_ID + " and "
                            + ConfigProperties.KEYS
                            + ")");
            active = null;
        }

        builder.protectedPrefixes(parse(ConfigProperties.PROTECTED_PREFIXES, List.of(), v -> list(v)));
        builder.contentTypes(parse(
                ConfigProperties.CONTENT_TYPES, List.copyOf(SigningConfiguration.DEFAULT_CONTENT_TYPES), v -> list(v)));
        builder.urlTtl(parse(ConfigProperties.URL_TTL, SigningConfiguration.DEFAULT_URL_TTL, Durations::parse));
        builder.cookieTtl(
                parse(ConfigProperties.COOKIE_TTL, SigningConfiguration.DEFAULT_COOKIE_TTL, Durations::parse));
        builder.cookieRefreshMargin(parse(
                ConfigProperties.COOKIE_REFRESH_MARGIN,
                SigningConfiguration.DEFAULT_COOKIE_REFRESH_MARGIN,
                Durations::parse));
        readCookies();
        builder.requireAuthenticated(
                parse(ConfigProperties.AUTH_REQUIRE_AUTHENTICATED, false, SigningConfigurationReader::bool));
        builder.roles(parse(ConfigProperties.AUTH_ROLES, List.of(), v -> list(v)));
        builder.accessPolicyClass(parse(ConfigProperties.AUTH_POLICY, null, SigningConfigurationReader::className));
        builder.bindClientIp(parse(ConfigProperties.CLIENT_IP_BIND, false, SigningConfigurationReader::bool));
        builder.trustedProxies(
                parse(ConfigProperties.CLIENT_IP_TRUSTED_PROXIES, TrustedProxies.none(), TrustedProxies::parse));

        if (!keys.isEmpty() && problems.isEmpty()) {
            keys.forEach((id, k) -> addKey(signerBuilder, id, k, keySources.get(id)));
            signerBuilder
                    .activeKeyPairId(active)
                    .hashAlgorithm(hash)
                    .signatureProvider(provider)
                    .signatureCacheSize(cacheSize)
                    .expiryGranularity(granularity);
            try {
                CloudFrontSigner signer = signerBuilder.build();
                builder.signer(signer);
                // a key that can rotate (a PrivateKeyProvider) would leave a verifier built now behind: then the
                // cookies a request carries are checked by their decoded policy only
                boolean rotating = keys.values().stream().anyMatch(k -> k instanceof PrivateKeyProvider);
                builder.verifier(rotating ? null : verifier(keys.keySet(), signer, provider));
            } catch (IllegalStateException e) {
                problem(ConfigProperties.SIGNATURE_PROVIDER, e.getMessage());
            } catch (IllegalArgumentException e) {
                problem(ConfigProperties.KEY_PAIR_ID, e.getMessage());
            }
        }
        List<AutoCloseable> started = keys.values().stream()
                .filter(AutoCloseable.class::isInstance)
                .map(AutoCloseable.class::cast)
                .toList();
        List<ConfigurationException.Problem> all = new ArrayList<>(problems);
        all.addAll(builder.problems(false));
        if (!all.isEmpty()) {
            started.forEach(SigningConfiguration::closeQuietly);
            throw new ConfigurationException(all);
        }
        builder.owned.addAll(started);
        AutoCloseable telemetry = globalOpenTelemetry(builder.signer);
        if (telemetry != null) {
            builder.owned.add(telemetry);
        }
        return new SigningConfiguration(builder);
    }

    /**
     * The signer's meters on the global OpenTelemetry, when its API is on the class path and the application (or
     * the Java agent) has set one; {@code null} otherwise. Never fails the configuration.
     */
    private static AutoCloseable globalOpenTelemetry(CloudFrontSigner signer) {
        try {
            Class.forName(
                    "io.opentelemetry.api.GlobalOpenTelemetry",
                    false,
                    SigningConfigurationReader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            return io.github.cloudfrontsigned.metrics.OpenTelemetryMetrics.registerWithGlobal(signer);
        } catch (LinkageError | RuntimeException e) {
            return null; // an OpenTelemetry API without isSet() (before 1.49), or not readable by this module
        }
    }

    /** A {@link PrivateKey}, {@link PrivateKeyProvider} or {@link RemoteSigner} added to the signer. */
    private static void addKey(CloudFrontSigner.Builder signerBuilder, String id, Object key, String source) {
        if (key instanceof PrivateKey) {
            signerBuilder.key(id, (PrivateKey) key, source == null ? "configuration" : source);
        } else if (key instanceof PrivateKeyProvider) {
            signerBuilder.key(id, (PrivateKeyProvider) key);
        } else {
            signerBuilder.key(id, (RemoteSigner) key);
        }
    }

    private static PrivateKey privateKeyOf(Object key) {
        return key instanceof PrivateKeyProvider
                ? ((PrivateKeyProvider) key).privateKey()
                : key instanceof PrivateKey ? (PrivateKey) key : null;
    }

    /**
     * A verifier for the signer's own keys (as they are at startup), or {@code null} when a public key cannot
     * be derived.
     */
    private static CloudFrontVerifier verifier(
            Set<String> keyPairIds, CloudFrontSigner signer, SignatureProvider provider) {
        try {
            CloudFrontVerifier.Builder b =
                    CloudFrontVerifier.builder().clock(signer.clock()).signatureProvider(provider);
            keyPairIds.forEach(id -> b.trustedKey(id, signer.publicKey(id)));
            return b.build();
        } catch (RuntimeException e) {
            return null; // for example an RSA key without CRT values: cookies are then checked by their policy
        }
    }

    private Map<String, Object> readKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        String id = raw(ConfigProperties.KEY_PAIR_ID);
        List<String> more = parse(ConfigProperties.KEYS, List.of(), v -> list(v));
        if (id == null && more.isEmpty()) {
            problem(
                    ConfigProperties.KEY_PAIR_ID,
                    "required: the key pair ID CloudFront shows for the public key"
                            + " in your trusted key group, for example K2JCJMDEHXQW5F (or list rotation keys in "
                            + ConfigProperties.KEYS + ")");
        }
        if (id != null) {
            readKey(
                    keys,
                    id,
                    ConfigProperties.KEY_PAIR_ID,
                    ConfigProperties.PRIVATE_KEY,
                    ConfigProperties.PRIVATE_KEY_LOCATION,
                    ConfigProperties.PRIVATE_KEY_PASSPHRASE,
                    ConfigProperties.SIGNER);
        }
        for (String k : more) {
            if (k.equals(id)) {
                problem(
                        ConfigProperties.KEYS,
                        "key pair ID " + k + " is also " + ConfigProperties.KEY_PAIR_ID
                                + "; list only the further keys here");
                continue;
            }
            readKey(
                    keys,
                    k,
                    ConfigProperties.KEYS,
                    ConfigProperties.keyPrivateKey(k),
                    ConfigProperties.keyPrivateKeyLocation(k),
                    ConfigProperties.keyPrivateKeyPassphrase(k),
                    ConfigProperties.keySigner(k));
        }
        return keys;
    }

    private void readKey(
            Map<String, Object> keys,
            String id,
            String idProperty,
            String inlineProperty,
            String locationProperty,
            String passphraseProperty,
            String signerProperty) {
        if (!id.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            problem(
                    idProperty,
                    "key pair ID \"" + id + "\" may hold only letters and digits; copy the ID"
                            + " CloudFront shows for the public key in your trusted key group, for example K2JCJMDEHXQW5F");
            return;
        }
        String inline = raw(inlineProperty);
        String location = raw(locationProperty);
        String remote = raw(signerProperty);
        if (remote != null) {
            if (inline != null || location != null) {
                problem(
                        signerProperty,
                        "set either " + signerProperty + " (the key stays in the signing service) or"
                                + " a private key (" + (inline != null ? inlineProperty : locationProperty)
                                + "), not both");
                return;
            }
            try {
                keys.put(id, KeyServices.forValue(remote, signerProperty).signer(remote, lookup));
            } catch (RuntimeException e) {
                problem(signerProperty, KeyServices.message(e));
            }
            return;
        }
        if (inline != null && location != null) {
            problem(
                    inlineProperty,
                    "set either " + inlineProperty + " (inline PEM) or " + locationProperty + ", not both");
            return;
        }
        if (inline == null && location == null) {
            problem(
                    locationProperty,
                    "required for key pair ID " + id + ": set the private key's location"
                            + " (classpath:keys/pk.pem, file:/etc/cloudfront/pk.pem or a path) or " + inlineProperty
                            + " (inline PEM)");
            return;
        }
        if (location != null && KeyServices.isServiceValue(location)) {
            try {
                keys.put(id, KeyServices.forValue(location, locationProperty).privateKey(location, lookup));
            } catch (RuntimeException e) {
                problem(locationProperty, KeyServices.message(e));
            }
            return;
        }
        String property = inline != null ? inlineProperty : locationProperty;
        try {
            KeySource source = inline != null ? KeySource.inline(inline) : KeySource.location(location);
            String passphrase = raw(passphraseProperty);
            if (passphrase != null) {
                source = source.withPassphrase(passphrase.toCharArray());
            }
            keys.put(id, Keys.loadPrivateKey(source));
            keySources.put(id, inline != null ? "inline PEM in " + inlineProperty : source.description());
        } catch (KeyLoadingException | IllegalArgumentException e) {
            problem(
                    property,
                    e.getMessage() + (e.getMessage().contains("passphrase") ? " (" + passphraseProperty + ")" : ""));
        }
    }

    private void readCookies() {
        List<String> resources = parse(ConfigProperties.COOKIE_RESOURCES, List.of(), v -> list(v));
        CookieAttributes.Builder attributes = CookieAttributes.builder();
        parse(ConfigProperties.COOKIE_DOMAIN, null, attributes::domain);
        String path = parse(ConfigProperties.COOKIE_PATH, null, v -> {
            attributes.path(v);
            return v;
        });
        attributes.secure(parse(ConfigProperties.COOKIE_SECURE, true, SigningConfigurationReader::bool));
        attributes.httpOnly(parse(ConfigProperties.COOKIE_HTTP_ONLY, true, SigningConfigurationReader::bool));
        attributes.sameSite(parse(
                ConfigProperties.COOKIE_SAME_SITE, CookieAttributes.SameSite.LAX, CookieAttributes.SameSite::parse));
        attributes.maxAge(parse(ConfigProperties.COOKIE_MAX_AGE, null, v -> {
            Duration d = Durations.parse(v);
            CookieAttributes.builder().maxAge(d);
            return d;
        }));
        CookieAttributes built;
        try {
            built = attributes.build();
        } catch (IllegalArgumentException e) {
            problem(
                    ConfigProperties.COOKIE_SAME_SITE,
                    e.getMessage() + "; set " + ConfigProperties.COOKIE_SECURE + "=true or another SameSite");
            return;
        }
        builder.cookieAttributes(built);
        builder.cookiePathConfigured = path != null;
        for (String resource : resources) {
            try {
                builder.cookie(path != null ? CookieSpec.withPath(resource, built) : CookieSpec.of(resource, built));
            } catch (IllegalArgumentException e) {
                problem(ConfigProperties.COOKIE_RESOURCES, e.getMessage());
            }
        }
    }

    private static String shown(String name, String value) {
        if (name.endsWith(".passphrase") || name.endsWith(".private-key")) {
            return "<redacted, " + value.length() + " characters>";
        }
        return value;
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return items;
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("write true or false");
    }

    private static int nonNegativeInt(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("write a whole number, 0 or more (0 turns the cache off)");
    }

    private static String className(String value) {
        if (!value.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
            throw new IllegalArgumentException("not a Java class name; write the fully qualified name of your"
                    + " access policy class, for example com.example.MembersOnly");
        }
        return value;
    }
}
