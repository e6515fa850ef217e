package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Keys kept in a service: {@code secretsmanager:NAME[#field]}, {@code ssm:/parameter/name} and {@code kms:KEY}
 * wherever a command takes a key, read exactly as the library reads {@code cloudfront.private-key.location} and
 * {@code cloudfront.signer} (through {@link SigningConfiguration}, so the same providers and the same errors).
 * The AWS module is found by {@link java.util.ServiceLoader}; nothing of it, nor of the AWS SDK, is loaded for a
 * key in a file. Credentials come from the AWS SDK's default chain; the region from {@code --region} or that chain.
 */
final class KeyOptions {

    /** The property names of the library, and the option a user writes instead. */
    private static final String[][] OPTION_OF_PROPERTY = {
        {ConfigProperties.PRIVATE_KEY_LOCATION, "--private-key"}, {ConfigProperties.SIGNER, "--private-key"},
        {ConfigProperties.KEY_PAIR_ID, "--key-pair-id"}, {ConfigProperties.HASH_ALGORITHM, "--hash-algorithm"},
        {"cloudfront.aws.region", "--region"}
    };

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "For secretsmanager:, ssm: and kms: keys: the AWS region (default: AWS_REGION, then the"
                    + " profile's region).")
    String region;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "For secretsmanager:, ssm: and kms: keys: the AWS profile for credentials and region"
                    + " (default: AWS_PROFILE, then 'default').")
    String profile;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "For secretsmanager:, ssm: and kms: keys: send the AWS requests to this URL instead of"
                    + " the regional endpoint (a VPC endpoint, or a local stand-in in tests).")
    String endpointUrl;

    /**
     * Whether a key argument names a key service ({@code secretsmanager:}, {@code ssm:}, {@code kms:}, or another
     * provider's scheme) rather than a file or PEM text.
     */
    static boolean isService(String argument) {
        String a = argument.strip();
        int colon = a.indexOf(':');
        if (colon < 2 || a.startsWith("-----BEGIN")) {
            return false; // no scheme, or a Windows drive letter such as C:\keys
        }
        String scheme = a.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") && !scheme.equals("file") && !scheme.equals("classpath");
    }

    /**
     * Reads a key from its service as the library does: a {@code kms:} key as the signer, any other as the
     * private key's location.
     *
     * @param keyPairId the key pair ID
     * @param argument the option's value, for example {@code secretsmanager:cloudfront/key#pem}
     * @param hashAlgorithm {@code --hash-algorithm} as given, or {@code null}
     * @return the configuration holding the signer; close it when done (it may hold a refresh thread)
     * @throws InputException naming the option and saying what went wrong, as the library does
     */
    SigningConfiguration read(String keyPairId, String argument, String hashAlgorithm) {
        Map<String, String> properties = new HashMap<>();
        properties.put(ConfigProperties.KEY_PAIR_ID, keyPairId);
        String value = argument.strip();
        properties.put(
                value.toLowerCase(Locale.ROOT).startsWith("kms:")
                        ? ConfigProperties.SIGNER
                        : ConfigProperties.PRIVATE_KEY_LOCATION,
                value);
        properties.put(ConfigProperties.HASH_ALGORITHM, hashAlgorithm);
        properties.put("cloudfront.aws.region", region);
        for (String service : new String[] {"secretsmanager", "ssm", "kms"}) {
            properties.put("cloudfront.aws." + service + ".endpoint", endpointUrl);
        }
        Quiet.LIBRARY.setLevel(Level.WARNING); // not the library's INFO lines (key loaded, its fingerprint)
        if (profile != null) {
            System.setProperty("aws.profile", profile); // read by the AWS SDK's credentials and region chains
        }
        try {
            return SigningConfiguration.read(ConfigLookup.of(properties::get, "the command line"), false);
        } catch (ConfigurationException e) {
            throw new InputException(e.problems().stream()
                    .map(p -> option(p.property()) + ": " + options(p.message()))
                    .collect(Collectors.joining("; ")));
        }
    }

    /**
     * A public key for {@code verify} and {@code edge}: a {@code kms:} key's public key, or the public key of a
     * private key kept in Secrets Manager or Parameter Store.
     */
    PublicKey publicKey(String keyPairId, String argument) {
        try (SigningConfiguration configuration = read(keyPairId, argument, null)) {
            CloudFrontSigner signer = configuration.signer();
            return signer.publicKey(keyPairId);
        }
    }

    /** The library's logger, held so that its level stays set; loaded only for a key from a service. */
    private static final class Quiet {
        static final Logger LIBRARY = Logger.getLogger("io.github.cloudfrontsigned");
    }

    /**
     * Adds one trusted public key given as {@code ID=KEY} ({@code --public-key} of {@code verify} and
     * {@code edge}): a PEM file (path or {@code file://path}) or a key service.
     *
     * @throws InputException naming the option, the key pair ID and what is wrong
     */
    void trust(CloudFrontVerifier.Builder verifier, String argument) {
        int eq = argument.indexOf('=');
        if (eq <= 0 || eq == argument.length() - 1) {
            throw new InputException("--public-key \"" + argument + "\": give KEY_PAIR_ID=FILE, for example"
                    + " K2JCJMDEHXQW5F=public_key.pem");
        }
        trust(
                verifier,
                argument.substring(0, eq),
                argument.substring(eq + 1),
                "--public-key " + argument.substring(0, eq));
    }

    /** Adds one trusted public key from a file or a key service; {@code what} names it in errors. */
    void trust(CloudFrontVerifier.Builder verifier, String keyPairId, String key, String what) {
        try {
            verifier.trustedKey(
                    keyPairId,
                    isService(key) ? publicKey(keyPairId, key) : Keys.loadPublicKey(SigningOptions.keySource(key)));
        } catch (KeyLoadingException | IllegalArgumentException e) {
            throw new InputException(what + ": " + e.getMessage());
        }
    }

    private static String option(String property) {
        for (String[] p : OPTION_OF_PROPERTY) {
            if (p[0].equals(property)) {
                return p[1];
            }
        }
        return property;
    }

    /** A library message with the property names it suggests setting replaced by the options. */
    private static String options(String message) {
        String m = Main.firstLine(message);
        for (String[] p : OPTION_OF_PROPERTY) {
            m = m.replace(p[0], p[1]);
        }
        return m;
    }
}
