package io.github.cloudfrontsigned.config;

import static io.github.cloudfrontsigned.config.ConfigProperties.EDGE_PUBLIC_URL;
import static io.github.cloudfrontsigned.config.ConfigProperties.EDGE_TRUSTED_KEYS;
import static io.github.cloudfrontsigned.config.ConfigProperties.edgePublicKey;
import static io.github.cloudfrontsigned.config.ConfigProperties.edgePublicKeyLocation;

import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.EdgeAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a local edge ({@link EdgeAccess}) from the {@code cloudfront.edge.*} properties, for the servlet
 * module's {@code CloudFrontEdgeFilter} and the command line's {@code edge}:
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>Name</th><th>Value</th></tr>
 *   <tr><td>{@value ConfigProperties#EDGE_TRUSTED_KEYS}</td><td>required: the trusted key group,
 *       comma-separated key pair IDs</td></tr>
 *   <tr><td>{@code cloudfront.edge.keys.<ID>.public-key.location}</td><td>where the public key of {@code <ID>}
 *       is ({@code classpath:}, {@code file:} or a path; PEM {@code BEGIN PUBLIC KEY} or DER)</td></tr>
 *   <tr><td>{@code cloudfront.edge.keys.<ID>.public-key}</td><td>or the public key inline as PEM</td></tr>
 *   <tr><td>{@value ConfigProperties#EDGE_PUBLIC_URL}</td><td>optional: the URL verified instead of the
 *       request's scheme and {@code Host}, such as {@code https://d111111abcdef8.cloudfront.net}</td></tr>
 * </table>
 *
 * <p>Thread safety: stateless.
 */
public final class EdgeConfiguration {

    private EdgeConfiguration() {}

    /**
     * @param lookup where the properties are
     * @return the edge, with the system clock
     * @throws ConfigurationException listing every problem at once (missing or unreadable keys, a bad public URL)
     */
    public static EdgeAccess read(ConfigLookup lookup) {
        return read(lookup, Clock.systemUTC());
    }

    /**
     * @param lookup where the properties are
     * @param clock the clock for expiry checks and log summaries (tests move it)
     * @return the edge
     * @throws ConfigurationException listing every problem at once (missing or unreadable keys, a bad public URL)
     */
    public static EdgeAccess read(ConfigLookup lookup, Clock clock) {
        Objects.requireNonNull(lookup, "lookup");
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        CloudFrontVerifier.Builder verifier = CloudFrontVerifier.builder().clock(clock);
        String ids = lookup.value(EDGE_TRUSTED_KEYS);
        boolean anyKey = false;
        boolean anyId = false;
        for (String raw : ids == null ? new String[0] : ids.split(",")) {
            String id = raw.trim();
            if (!id.isEmpty()) {
                anyId = true;
                anyKey |= trust(lookup, id, verifier, problems);
            }
        }
        if (!anyId) {
            problems.add(new ConfigurationException.Problem(
                    EDGE_TRUSTED_KEYS,
                    ids,
                    lookup.sourceOf(EDGE_TRUSTED_KEYS),
                    "required: the key pair IDs of the trusted key group, comma-separated, each with "
                            + edgePublicKeyLocation("<ID>") + " or " + edgePublicKey("<ID>")));
        }
        String publicUrl = lookup.value(EDGE_PUBLIC_URL);
        if (publicUrl != null && !publicUrl.isBlank()) {
            try {
                EdgeAccess.checkPublicUrl(publicUrl);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigurationException.Problem(
                        EDGE_PUBLIC_URL, publicUrl, lookup.sourceOf(EDGE_PUBLIC_URL), e.getMessage()));
            }
        }
        if (!anyKey || !problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return EdgeAccess.builder(verifier.build())
                .publicUrl(publicUrl == null || publicUrl.isBlank() ? null : publicUrl)
                .build();
    }

    private static boolean trust(
            ConfigLookup lookup,
            String id,
            CloudFrontVerifier.Builder verifier,
            List<ConfigurationException.Problem> problems) {
        String location = lookup.value(edgePublicKeyLocation(id));
        String inline = lookup.value(edgePublicKey(id));
        String name = location != null ? edgePublicKeyLocation(id) : edgePublicKey(id);
        try {
            if (location != null && !location.isBlank()) {
                verifier.trustedKey(id, Keys.loadPublicKey(KeySource.location(location.trim())));
                return true;
            } else if (inline != null && !inline.isBlank()) {
                verifier.trustedKey(id, Keys.loadPublicKey(KeySource.inline(inline.replace("\\n", "\n"))));
                return true;
            }
            problems.add(new ConfigurationException.Problem(
                    name,
                    null,
                    null,
                    "key pair ID " + id
                            + " is listed in " + EDGE_TRUSTED_KEYS + " but has no public key: set "
                            + edgePublicKeyLocation(id) + " (a PEM file) or " + edgePublicKey(id)));
        } catch (KeyLoadingException | IllegalArgumentException e) {
            problems.add(new ConfigurationException.Problem(name, location, lookup.sourceOf(name), e.getMessage()));
        }
        return false;
    }
}
