package io.github.cloudfrontsigned.config;

import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RemoteSigner;
import java.util.Set;

/**
 * Resolves private key locations and signers that live in an external service, such as
 * {@code secretsmanager:NAME}, {@code ssm:/parameter/name} or {@code kms:KEY_ID}, for
 * {@link SigningConfiguration#read(ConfigLookup)}. Implementations are found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.github.cloudfrontsigned.config.KeyServiceProvider} entry), so core needs no
 * dependency on them: the optional {@code cloudfront-signed-aws} module provides the AWS schemes.
 *
 * <p>A value is handed to a provider when the text before its first {@code :} is one of its
 * {@link #schemes()} (case-insensitive); every other location is read by {@link io.github.cloudfrontsigned.key.KeySource}
 * as before. Both methods run once, while the configuration is read, on the reading thread; they may do network
 * calls and should fail then, with a message naming what was asked for and the service's error.
 *
 * <p>Thread safety: implementations must be thread-safe and have a public no-argument constructor.
 */
public interface KeyServiceProvider {

    /** @return the schemes handled, lower-case, without the colon, for example {@code secretsmanager}, {@code ssm} */
    Set<String> schemes();

    /**
     * Resolves a {@value ConfigProperties#PRIVATE_KEY_LOCATION} (or {@code cloudfront.keys.<ID>.private-key.location})
     * value: fetches the key now and returns a provider that keeps it current.
     *
     * @param location the whole value, scheme included, for example {@code secretsmanager:cloudfront/key#pem}
     * @param lookup the configuration, for the provider's own properties (region, endpoint, refresh interval)
     * @return the key's provider, holding the fetched key
     * @throws RuntimeException if the scheme is not a key location, the value is malformed, or the first fetch
     *     fails; the message becomes the configuration problem for the property
     */
    PrivateKeyProvider privateKey(String location, ConfigLookup lookup);

    /**
     * Resolves a {@value ConfigProperties#SIGNER} (or {@code cloudfront.keys.<ID>.signer}) value.
     *
     * @param signer the whole value, scheme included, for example {@code kms:alias/cloudfront}
     * @param lookup the configuration, for the provider's own properties
     * @return the remote signer, its public key already fetched
     * @throws RuntimeException if the scheme is not a signer, the value is malformed, or the key cannot be used;
     *     the message becomes the configuration problem for the property
     */
    RemoteSigner signer(String signer, ConfigLookup lookup);
}
