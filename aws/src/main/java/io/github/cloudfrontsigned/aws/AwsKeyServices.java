package io.github.cloudfrontsigned.aws;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.Durations;
import io.github.cloudfrontsigned.config.KeyServiceProvider;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RemoteSigner;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The {@link KeyServiceProvider} for {@code secretsmanager:}, {@code ssm:} and {@code kms:} values, found by
 * {@link java.util.ServiceLoader} when this module is on the class path; not called directly. Clients use the
 * JDK's {@code HttpURLConnection} ({@code url-connection-client}), the SDK's default credentials chain, the region
 * of {@value AwsProperties#REGION} or the SDK's chain, and the endpoint overrides in {@link AwsProperties}. They
 * make at most {@value #MAX_ATTEMPTS} attempts per call (the SDK's standard retry strategy, one retry with its
 * jittered backoff): a key that fails to refresh is retried by {@link io.github.cloudfrontsigned.key.RefreshingPrivateKey}'s
 * own exponential backoff, not by SDK retries multiplied on top.
 *
 * <p>Thread safety: stateless; each resolved key or signer owns its client for the application's lifetime.
 */
public final class AwsKeyServices implements KeyServiceProvider {

    /** Attempts per AWS call of the clients built here (the SDK default would be 3 or 4). */
    static final int MAX_ATTEMPTS = 2;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public AwsKeyServices() {}

    @Override
    public Set<String> schemes() {
        return Set.of("secretsmanager", "ssm", "kms");
    }

    /**
     * Resolves {@code secretsmanager:NAME[#jsonField]} or {@code ssm:/parameter/name}: fetches the key now.
     *
     * @throws IllegalArgumentException if the value is malformed or the region or refresh interval is invalid
     * @throws io.github.cloudfrontsigned.key.KeyLoadingException if the first fetch fails (message: the secret's name
     *     and the AWS error code)
     */
    @Override
    public PrivateKeyProvider privateKey(String location, ConfigLookup lookup) {
        int colon = location.indexOf(':');
        String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = location.substring(colon + 1).strip();
        Duration interval = refreshInterval(lookup);
        switch (scheme) {
            case "secretsmanager": {
                int hash = rest.indexOf('#');
                String name = hash < 0 ? rest : rest.substring(0, hash);
                String field = hash < 0 ? null : rest.substring(hash + 1);
                if (name.isEmpty() || (field != null && field.isEmpty())) {
                    throw new IllegalArgumentException(
                            "write secretsmanager:NAME or secretsmanager:NAME#jsonField (NAME"
                                    + " is the secret's name or ARN), got \"" + location + "\"");
                }
                SecretsManagerClient client =
                        build(SecretsManagerClient.builder(), lookup, AwsProperties.SECRETSMANAGER_ENDPOINT);
                return AwsKeys.secretsManager(client, name, field, interval);
            }
            case "ssm": {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("write ssm:/parameter/name (a SecureString parameter's name or"
                            + " ARN), got \"" + location + "\"");
                }
                SsmClient client = build(SsmClient.builder(), lookup, AwsProperties.SSM_ENDPOINT);
                return AwsKeys.parameterStore(client, rest, interval);
            }
            default:
                throw new IllegalArgumentException("\"" + scheme + ":\" is a signer, not a key location; set "
                        + ConfigProperties.SIGNER + "=" + location + " and remove the private key location");
        }
    }

    /**
     * Resolves {@code kms:KEY_ID_OR_ARN}: reads the key's public key now.
     *
     * @throws IllegalArgumentException if the value is malformed, the key cannot be read (message: the key and the
     *     AWS error code) or is not an RSA_2048 / ECC_NIST_P256 signing key
     */
    @Override
    public RemoteSigner signer(String signer, ConfigLookup lookup) {
        int colon = signer.indexOf(':');
        String scheme = signer.substring(0, colon).toLowerCase(Locale.ROOT);
        String keyId = signer.substring(colon + 1).strip();
        if (!scheme.equals("kms")) {
            throw new IllegalArgumentException("\"" + scheme + ":\" is a key location, not a signer; set "
                    + ConfigProperties.PRIVATE_KEY_LOCATION + "=" + signer + " instead");
        }
        if (keyId.isEmpty()) {
            throw new IllegalArgumentException("write kms:KEY_ID, kms:arn:aws:kms:..., or kms:alias/NAME");
        }
        return AwsKeys.kms(build(KmsClient.builder(), lookup, AwsProperties.KMS_ENDPOINT), keyId);
    }

    private static Duration refreshInterval(ConfigLookup lookup) {
        String v = lookup.value(AwsProperties.REFRESH_INTERVAL);
        if (v == null || v.isBlank()) {
            return AwsProperties.DEFAULT_REFRESH_INTERVAL;
        }
        try {
            Duration d = Durations.parse(v.strip());
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("must be at least 1s; write for example 15m or PT15M");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    AwsProperties.REFRESH_INTERVAL + " \"" + v + "\" ("
                            + lookup.sourceOf(AwsProperties.REFRESH_INTERVAL) + "): " + e.getMessage(),
                    e);
        }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, ConfigLookup lookup, String endpointProperty) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        RetryStrategy standard = AwsRetryStrategy.forRetryMode(RetryMode.STANDARD);
        RetryStrategy.Builder<?, ?> retries = standard.toBuilder();
        retries.maxAttempts(MAX_ATTEMPTS);
        RetryStrategy retryStrategy = retries.build();
        builder.overrideConfiguration(o -> o.retryStrategy(retryStrategy));
        String region = lookup.value(AwsProperties.REGION);
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region.strip()));
        }
        String endpoint = lookup.value(endpointProperty);
        if (endpoint != null && !endpoint.isBlank()) {
            URI uri;
            try {
                uri = URI.create(endpoint.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        endpointProperty + " \"" + endpoint + "\" is not a URL: " + e.getMessage()
                                + "; write for example https://vpce-0123.secretsmanager.eu-west-1.vpce.amazonaws.com",
                        e);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(endpointProperty + " \"" + endpoint + "\" needs a scheme and host,"
                        + " for example https://vpce-0123.kms.eu-west-1.vpce.amazonaws.com");
            }
            builder.endpointOverride(uri);
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException(
                    "cannot create the AWS client: " + e.getMessage() + "; set " + AwsProperties.REGION
                            + " (for example eu-west-1) or AWS_REGION",
                    e);
        }
    }
}
