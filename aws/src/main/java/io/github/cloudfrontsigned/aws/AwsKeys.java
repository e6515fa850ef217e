package io.github.cloudfrontsigned.aws;

import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/**
 * CloudFront signing keys kept in AWS: the entry point of the {@code cloudfront-signed-aws} module for code that
 * builds its own AWS clients. With properties, {@code cloudfront.private-key.location=secretsmanager:...} /
 * {@code ssm:...} and {@code cloudfront.signer=kms:...} do the same (see {@link AwsProperties}).
 *
 * <pre>{@code
 * SecretsManagerClient secrets = SecretsManagerClient.create();   // region and credentials: SDK default chain
 * RefreshingPrivateKey key = AwsKeys.secretsManager(secrets, "cloudfront/private-key", null, Duration.ofMinutes(15));
 * CloudFrontSigner signer = CloudFrontSigner.builder().key("K2JCJMDEHXQW5F", key).build();
 *
 * // or: the private key never leaves AWS KMS (SHA-256 signatures)
 * CloudFrontSigner kmsSigner = CloudFrontSigner.builder()
 *     .key("K2JCJMDEHXQW5F", AwsKeys.kms(KmsClient.create(), "alias/cloudfront-signing"))
 *     .expiryGranularity(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>Thread safety: the returned providers and signers are thread-safe; the clients are used from the refresh
 * thread and from signing threads, which AWS SDK clients allow. Closing the clients is the caller's business.
 */
public final class AwsKeys {

    /**
     * The field of a JSON secret that, next to the PEM field, holds the key pair ID of the key, so that rotating
     * the secret to a new key pair with its new ID takes effect without a configuration change.
     */
    public static final String KEY_PAIR_ID_FIELD = "keyPairId";

    private AwsKeys() {}

    /**
     * A private key from an AWS Secrets Manager secret ({@code GetSecretValue}, current version), fetched now and
     * every {@code refreshInterval} in the background. The secret holds the PEM text (a {@code SecretString}; line
     * breaks may be written {@code \n}), or JSON with the PEM in {@code jsonField}, or DER bytes as
     * {@code SecretBinary}. A JSON secret may also hold the key's key pair ID in {@value #KEY_PAIR_ID_FIELD},
     * for example {@code {"keyPairId":"K2JCJMDEHXQW5F","privateKey":"-----BEGIN PRIVATE KEY-----\n..."}}: the
     * signer then signs with that ID instead of the configured one, and rotating the secret to a new key pair
     * (whose public key is already in the distribution's trusted key group) needs no restart.
     *
     * @param client the Secrets Manager client
     * @param secretId the secret's name or ARN
     * @param jsonField the JSON field holding the PEM, or {@code null} when the whole secret is the key
     * @param refreshInterval time between refreshes, at least a second; {@code null} for no background refresh
     * @return the key provider, holding the fetched key
     * @throws KeyLoadingException if the first fetch fails: the message names the secret and the AWS error code
     *     ({@code AccessDeniedException}, {@code ResourceNotFoundException}, {@code ThrottlingException}, ...) or
     *     what is wrong with its content
     */
    public static RefreshingPrivateKey secretsManager(
            SecretsManagerClient client, String secretId, String jsonField, Duration refreshInterval) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secretId, "secretId");
        String what = "AWS Secrets Manager secret \"" + secretId + "\""
                + (jsonField == null ? "" : " field \"" + jsonField + "\"");
        return RefreshingPrivateKey.startStored(what, refreshInterval, () -> {
            GetSecretValueResponse r;
            try {
                r = client.getSecretValue(b -> b.secretId(secretId));
            } catch (SdkException e) {
                throw new IllegalStateException(AwsErrors.describe(what, e), e);
            }
            if (r.secretString() != null) {
                if (jsonField == null) {
                    return new RefreshingPrivateKey.StoredKey(parse(what, notJson(r.secretString())), null);
                }
                Map<String, JsonNode> fields = jsonFields(r.secretString(), jsonField);
                return new RefreshingPrivateKey.StoredKey(
                        parse(what, stringField(fields, jsonField)),
                        fields.containsKey(KEY_PAIR_ID_FIELD) ? stringField(fields, KEY_PAIR_ID_FIELD) : null);
            }
            if (r.secretBinary() != null && jsonField == null) {
                return new RefreshingPrivateKey.StoredKey(
                        load(what, KeySource.der(r.secretBinary().asByteArray())), null);
            }
            throw new IllegalStateException("the secret has no "
                    + (jsonField == null ? "value" : "SecretString with" + " JSON field \"" + jsonField + "\""));
        });
    }

    /**
     * A private key from an AWS Systems Manager Parameter Store parameter ({@code GetParameter} with decryption,
     * so a {@code SecureString} arrives decrypted), fetched now and every {@code refreshInterval} in the
     * background. The parameter holds the PEM text.
     *
     * @param client the SSM client
     * @param parameterName the parameter's name, for example {@code /cloudfront/private-key}, or its ARN
     * @param refreshInterval time between refreshes, at least a second; {@code null} for no background refresh
     * @return the key provider, holding the fetched key
     * @throws KeyLoadingException if the first fetch fails: the message names the parameter and the AWS error
     *     code ({@code AccessDeniedException}, {@code ParameterNotFound}, {@code ThrottlingException}, ...)
     */
    public static RefreshingPrivateKey parameterStore(
            SsmClient client, String parameterName, Duration refreshInterval) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(parameterName, "parameterName");
        String what = "AWS Systems Manager parameter \"" + parameterName + "\"";
        return RefreshingPrivateKey.start(what, refreshInterval, () -> {
            GetParameterResponse r;
            try {
                r = client.getParameter(b -> b.name(parameterName).withDecryption(true));
            } catch (SdkException e) {
                throw new IllegalStateException(AwsErrors.describe(what, e), e);
            }
            if (r.parameter() == null || r.parameter().value() == null) {
                throw new IllegalStateException("the parameter has no value");
            }
            return parse(what, r.parameter().value());
        });
    }

    /**
     * A signer whose private key stays in AWS KMS: {@code GetPublicKey} now (key spec, usage and the public key
     * for the startup log's fingerprint), {@code Sign} for every signature the signer's cache does not hold.
     *
     * @param client the KMS client
     * @param keyId key ID, key ARN, alias name ({@code alias/...}) or alias ARN of an asymmetric
     *     {@code SIGN_VERIFY} key with key spec {@code RSA_2048} or {@code ECC_NIST_P256}
     * @return the remote signer
     * @throws IllegalArgumentException if the key cannot be read ({@code GetPublicKey} fails: the message names
     *     the key and the AWS error code) or is not a signing key CloudFront accepts
     */
    public static KmsSigner kms(KmsClient client, String keyId) {
        return KmsSigner.create(client, keyId);
    }

    private static String notJson(String secret) {
        if (secret.stripLeading().startsWith("{")) {
            throw new IllegalStateException("the secret is JSON; name the field holding the PEM after '#', for"
                    + " example secretsmanager:NAME#privateKey");
        }
        return secret;
    }

    private static Map<String, JsonNode> jsonFields(String secret, String field) {
        JsonNode node;
        try {
            node = JsonNode.parser().parse(secret);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the secret is not JSON, so it has no field \"" + field + "\"; drop \"#"
                    + field + "\" when the whole secret is the PEM key");
        }
        return node.isObject() ? node.asObject() : Map.of();
    }

    private static String stringField(Map<String, JsonNode> fields, String field) {
        JsonNode value = fields.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalStateException(
                    "the secret's JSON has no string field \"" + field + "\"; it has " + fields.keySet());
        }
        return value.asString();
    }

    private static PrivateKey parse(String what, String text) {
        return load(what, KeySource.inline(text));
    }

    private static PrivateKey load(String what, KeySource source) {
        try {
            return Keys.loadPrivateKey(source);
        } catch (KeyLoadingException e) {
            throw new IllegalStateException("its content is not a usable private key: " + e.getMessage(), e);
        }
    }
}
