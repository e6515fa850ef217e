package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The key, time and IP options {@code sign} and {@code sign-cookies} share, named as in {@code aws cloudfront sign}. */
final class SigningOptions {

    @Option(
            names = "--key-pair-id",
            required = true,
            paramLabel = "ID",
            description = "The ID of the public key in your trusted key group, for example K2JCJMDEHXQW5F.")
    String keyPairId;

    @Option(
            names = "--private-key",
            required = true,
            paramLabel = "KEY",
            description = "The private key: a PEM or DER file (PKCS#1, PKCS#8 or SEC1), given as a path or as"
                    + " file://path like the AWS CLI, or the PEM text itself; or where production keeps it:"
                    + " secretsmanager:NAME[#jsonField], ssm:/parameter/name, or kms:KEY_ID (signs in KMS; the key"
                    + " never leaves it).")
    String privateKey;

    @Mixin
    KeyOptions keys;

    /** The configuration holding a key from a service, closed by {@link #close()}. */
    private SigningConfiguration fromService;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Expiry expiry;

    /** Exactly one of the two expiry options. */
    static final class Expiry {
        @Option(
                names = "--date-less-than",
                paramLabel = "T",
                converter = Times.InstantConverter.class,
                description = "When the signature expires (DateLessThan): epoch seconds or ISO-8601, such as"
                        + " 2026-12-01 or 2026-12-01T10:00:00Z.")
        Instant dateLessThan;

        @Option(
                names = "--expires-in",
                paramLabel = "D",
                converter = Times.DurationConverter.class,
                description = "How long the signature is valid from now: 10m, 2h, 7d, seconds, or ISO-8601 (PT10M).")
        Duration expiresIn;
    }

    @Option(
            names = "--date-greater-than",
            paramLabel = "T",
            converter = Times.InstantConverter.class,
            description = "Not valid on or before this time (DateGreaterThan); makes the policy custom.")
    Instant dateGreaterThan;

    @Option(
            names = "--ip-address",
            paramLabel = "CIDR",
            description = "Only for viewers from this IPv4 address or CIDR range (IpAddress); makes the policy custom.")
    String ipAddress;

    @Option(
            names = "--hash-algorithm",
            paramLabel = "SHA1|SHA256",
            description = "The hash: SHA1 (the default for RSA keys) or SHA256 (the default for ECDSA keys; sends"
                    + " Hash-Algorithm=SHA256).")
    String hashAlgorithm;

    /** The signer for these options; call {@link #close()} when done with it. */
    CloudFrontSigner signer() {
        HashAlgorithm hash = null;
        if (hashAlgorithm != null) {
            try {
                hash = HashAlgorithm.parse(hashAlgorithm);
            } catch (IllegalArgumentException e) {
                throw new InputException("--hash-algorithm \"" + hashAlgorithm + "\" is not SHA1 or SHA256");
            }
        }
        if (KeyOptions.isService(privateKey)) {
            fromService = keys.read(keyPairId, privateKey, hashAlgorithm);
            return fromService.signer();
        }
        try {
            return CloudFrontSigner.builder()
                    .key(keyPairId, Keys.loadPrivateKey(keySource(privateKey)))
                    .hashAlgorithm(hash)
                    .build();
        } catch (KeyLoadingException e) {
            throw new InputException("--private-key: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputException("--key-pair-id: " + e.getMessage());
        }
    }

    /** Releases a key from a service (its refresh thread); nothing to do for a key from a file. */
    void close() {
        if (fromService != null) {
            fromService.close();
            fromService = null;
        }
    }

    /** A policy builder holding the time and IP options. */
    Policy.Builder policy() {
        Policy.Builder b = Policy.builder();
        if (expiry.dateLessThan != null) {
            b.dateLessThan(expiry.dateLessThan);
        } else {
            b.expiresIn(expiry.expiresIn);
        }
        b.dateGreaterThan(dateGreaterThan);
        try {
            b.ipAddress(ipAddress);
        } catch (IllegalArgumentException e) {
            throw new InputException("--ip-address: " + e.getMessage());
        }
        return b;
    }

    /** A key argument: PEM text itself, or a location (a path, file:path or file://path). */
    static KeySource keySource(String argument) {
        return argument.strip().startsWith("-----BEGIN") ? KeySource.inline(argument) : KeySource.location(argument);
    }
}
