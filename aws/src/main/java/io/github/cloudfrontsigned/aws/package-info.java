/**
 * Keys where AWS keeps them: private keys read from AWS Secrets Manager or SSM Parameter Store and refreshed on
 * an interval, or signatures made by AWS KMS so the key never leaves it.
 *
 * <p>Start with {@link io.github.cloudfrontsigned.aws.AwsKeys} in code; with properties, the module plugs into
 * core's configuration through {@link io.github.cloudfrontsigned.aws.AwsKeyServices} (a
 * {@code config.KeyServiceProvider} found with {@link java.util.ServiceLoader}), so
 * {@code secretsmanager:}, {@code ssm:} and {@code kms:} locations work in every adapter. May depend on core and
 * the AWS SDK for Java v2; nothing else in the library depends on this module.
 */
package io.github.cloudfrontsigned.aws;
