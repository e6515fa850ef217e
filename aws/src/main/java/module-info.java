/**
 * cloudfront-signed's AWS key services: private keys from Secrets Manager or Parameter Store and signing with
 * KMS, found by core through {@link io.github.cloudfrontsigned.config.KeyServiceProvider}. The AWS SDK jars are
 * automatic modules (their {@code Automatic-Module-Name}s).
 */
module io.github.cloudfrontsigned.aws {
    requires transitive io.github.cloudfrontsigned.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.urlconnection;
    requires software.amazon.awssdk.protocols.jsoncore;
    requires software.amazon.awssdk.services.kms;
    requires software.amazon.awssdk.services.secretsmanager;
    requires software.amazon.awssdk.services.ssm;

    exports io.github.cloudfrontsigned.aws;

    provides io.github.cloudfrontsigned.config.KeyServiceProvider with
            io.github.cloudfrontsigned.aws.AwsKeyServices;
}
