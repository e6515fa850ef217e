package io.github.cloudfrontsigned.aws;

import io.github.cloudfrontsigned.config.ConfigProperties;
import java.time.Duration;

/**
 * The configuration properties of the {@code cloudfront-signed-aws} module, read with the other
 * {@link ConfigProperties} (MicroProfile Config, init-params, system properties); the names are defined in that
 * one table and named here again for this module's users. Credentials always come from the AWS SDK's default
 * chain (environment, system properties, profile, container or instance role); the region too unless
 * {@link #REGION} is set.
 *
 * <p>Values handled by this module: {@code cloudfront.private-key.location=secretsmanager:NAME[#jsonField]} or
 * {@code ssm:/parameter/name}, and {@code cloudfront.signer=kms:KEY_ID_OR_ARN} (also per rotation key:
 * {@code cloudfront.keys.<ID>.private-key.location}, {@code cloudfront.keys.<ID>.signer}).
 */
public final class AwsProperties {

    private AwsProperties() {}

    /**
     * How often a key from Secrets Manager or Parameter Store is fetched again in the background; default 15m. A
     * failing fetch keeps the last good key and is retried with capped exponential backoff (see
     * {@link io.github.cloudfrontsigned.key.RefreshingPrivateKey}).
     */
    public static final String REFRESH_INTERVAL = ConfigProperties.PRIVATE_KEY_REFRESH_INTERVAL;
    /** The default of {@link #REFRESH_INTERVAL}: 15 minutes. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(15);
    /** AWS region, for example {@code eu-west-1}; default: the SDK's region chain ({@code AWS_REGION}, profile, ...). */
    public static final String REGION = ConfigProperties.AWS_REGION;
    /** Endpoint override for Secrets Manager, for example a VPC endpoint URL; default the regional endpoint. */
    public static final String SECRETSMANAGER_ENDPOINT = ConfigProperties.AWS_SECRETSMANAGER_ENDPOINT;
    /** Endpoint override for Systems Manager (Parameter Store); default the regional endpoint. */
    public static final String SSM_ENDPOINT = ConfigProperties.AWS_SSM_ENDPOINT;
    /** Endpoint override for KMS; default the regional endpoint. */
    public static final String KMS_ENDPOINT = ConfigProperties.AWS_KMS_ENDPOINT;
}
