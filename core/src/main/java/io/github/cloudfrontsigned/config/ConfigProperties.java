package io.github.cloudfrontsigned.config;

/**
 * The configuration property names, identical as servlet {@code web.xml} init-params, context-params and
 * MicroProfile Config properties: prefix {@code cloudfront.}, lower-case, dot-separated, hyphens inside
 * segments. As environment variables (MicroProfile Config's mapping) replace every non-alphanumeric character
 * with {@code _} and upper-case: {@code cloudfront.url.ttl} is {@code CLOUDFRONT_URL_TTL}.
 *
 * <p>Durations are ISO-8601 ({@code PT10M}, {@code P7D}) or a number with a unit: {@code 30s}, {@code 10m},
 * {@code 2h}, {@code 7d} (also combined: {@code 1h30m}). Lists are comma-separated. Booleans are
 * {@code true} or {@code false}. The README has the table with every default.
 */
public final class ConfigProperties {

    private ConfigProperties() {}

    /** Common prefix of every property. */
    public static final String PREFIX = "cloudfront.";

    /**
     * {@code false} turns CloudFront signing off for the web application: the servlet container initializer
     * neither validates the configuration nor registers the filter (default {@code true}).
     */
    public static final String ENABLED = "cloudfront.enabled";
    /**
     * URL patterns (comma-separated, servlet mapping syntax) the signing filter is registered on when it
     * registers itself (no {@code web.xml} declaration); default {@code /*}.
     */
    public static final String FILTER_URL_PATTERNS = "cloudfront.filter.url-patterns";

    /** The key pair ID of the public key in the distribution's trusted key group, for example {@code K2JCJMDEHXQW5F}. */
    public static final String KEY_PAIR_ID = "cloudfront.key-pair-id";
    /** The private key as inline PEM (line breaks may be written {@code \n}); secret, never logged. */
    public static final String PRIVATE_KEY = "cloudfront.private-key";
    /**
     * Where the private key is: {@code classpath:...}, {@code file:...} or a path (file system, then classpath);
     * with module {@code cloudfront-signed-aws} also {@code secretsmanager:NAME[#jsonField]} or
     * {@code ssm:/parameter/name}, refreshed in the background.
     */
    public static final String PRIVATE_KEY_LOCATION = "cloudfront.private-key.location";
    /**
     * A signer that holds the private key elsewhere, instead of {@link #PRIVATE_KEY} or
     * {@link #PRIVATE_KEY_LOCATION}: {@code kms:KEY_ID_OR_ARN} (module {@code cloudfront-signed-aws}); signs with
     * SHA256 only.
     */
    public static final String SIGNER = "cloudfront.signer";
    /** The passphrase of an encrypted private key; secret, never logged. */
    public static final String PRIVATE_KEY_PASSPHRASE = "cloudfront.private-key.passphrase";
    /**
     * Further key pair IDs for rotation, comma-separated; each ID's key is set with
     * {@code cloudfront.keys.<ID>.private-key}, {@code .private-key.location} and {@code .private-key.passphrase}.
     */
    public static final String KEYS = "cloudfront.keys";
    /** The key pair ID that signs (default: {@link #KEY_PAIR_ID}, else the first of {@link #KEYS}). */
    public static final String ACTIVE_KEY_PAIR_ID = "cloudfront.active-key-pair-id";
    /** {@code SHA1} or {@code SHA256}; default SHA1 for RSA keys, SHA256 for ECDSA keys. */
    public static final String HASH_ALGORITHM = "cloudfront.hash-algorithm";
    /** {@code auto}, {@code jdk}, {@code bouncy-castle} or {@code corretto}. */
    public static final String SIGNATURE_PROVIDER = "cloudfront.signature-provider";
    /** Number of signatures kept for reuse; {@code 0} turns the cache off. */
    public static final String CACHE_SIZE = "cloudfront.cache.size";

    /** URL prefixes whose links are signed, for example {@code https://cdn.example.com/private/}. */
    public static final String PROTECTED_PREFIXES = "cloudfront.protected-prefixes";
    /** Media types whose bodies are rewritten, for example {@code text/html, application/json}. */
    public static final String CONTENT_TYPES = "cloudfront.content-types";
    /** Lifetime of a signed link. */
    public static final String URL_TTL = "cloudfront.url.ttl";
    /** Expiries are rounded up to a multiple of this, so repeated links are identical and cached. */
    public static final String URL_EXPIRY_GRANULARITY = "cloudfront.url.expiry-granularity";

    /** Policy resources signed cookies are set for; {@code {user}} stands for the authenticated user's name. */
    public static final String COOKIE_RESOURCES = "cloudfront.cookie.resources";
    /** Cookie {@code Domain}: the CDN host or a parent of it; default none (request host only). */
    public static final String COOKIE_DOMAIN = "cloudfront.cookie.domain";
    /** Cookie {@code Path}; default derived from each resource ({@code https://cdn/members/*} gives {@code /members/}). */
    public static final String COOKIE_PATH = "cloudfront.cookie.path";
    /** Cookie {@code Secure}. */
    public static final String COOKIE_SECURE = "cloudfront.cookie.secure";
    /** Cookie {@code HttpOnly}. */
    public static final String COOKIE_HTTP_ONLY = "cloudfront.cookie.http-only";
    /** Cookie {@code SameSite}: {@code strict}, {@code lax} or {@code none}. */
    public static final String COOKIE_SAME_SITE = "cloudfront.cookie.same-site";
    /** Cookie {@code Max-Age}; default none (session cookies, as AWS advises). */
    public static final String COOKIE_MAX_AGE = "cloudfront.cookie.max-age";
    /** Lifetime of the cookies' policy ({@code DateLessThan}). */
    public static final String COOKIE_TTL = "cloudfront.cookie.ttl";
    /** Cookies the request already carries are re-issued only when less than this is left. */
    public static final String COOKIE_REFRESH_MARGIN = "cloudfront.cookie.refresh-margin";

    /** Sign only for authenticated users. */
    public static final String AUTH_REQUIRE_AUTHENTICATED = "cloudfront.auth.require-authenticated";
    /** Sign only for users in one of these roles (comma-separated); implies an authenticated user. */
    public static final String AUTH_ROLES = "cloudfront.auth.roles";
    /** Class name of the application's access policy (the servlet module's {@code CloudFrontAccessPolicy}). */
    public static final String AUTH_POLICY = "cloudfront.auth.policy";

    /** Bind every signed link and cookie to the client's IPv4 address (custom policy with {@code IpAddress}). */
    public static final String CLIENT_IP_BIND = "cloudfront.client-ip.bind";
    /** Proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} is believed. */
    public static final String CLIENT_IP_TRUSTED_PROXIES = "cloudfront.client-ip.trusted-proxies";

    /**
     * Common prefix of the cookie properties ({@code cloudfront.cookie.*}: {@link #COOKIE_RESOURCES},
     * {@link #COOKIE_DOMAIN}, {@link #COOKIE_PATH}, ...).
     */
    public static final String COOKIE_PREFIX = "cloudfront.cookie.";

    /**
     * Key services ({@code aws} module): how often a key from Secrets Manager or Parameter Store is fetched again
     * in the background, a duration; default 15 minutes.
     */
    public static final String PRIVATE_KEY_REFRESH_INTERVAL = "cloudfront.private-key.refresh-interval";
    /** Key services ({@code aws} module): the AWS region, for example {@code eu-west-1}; default the SDK's chain. */
    public static final String AWS_REGION = "cloudfront.aws.region";
    /** Key services ({@code aws} module): endpoint override (URL) for Secrets Manager; default the regional one. */
    public static final String AWS_SECRETSMANAGER_ENDPOINT = "cloudfront.aws.secretsmanager.endpoint";
    /** Key services ({@code aws} module): endpoint override (URL) for Systems Manager Parameter Store. */
    public static final String AWS_SSM_ENDPOINT = "cloudfront.aws.ssm.endpoint";
    /** Key services ({@code aws} module): endpoint override (URL) for KMS; default the regional one. */
    public static final String AWS_KMS_ENDPOINT = "cloudfront.aws.kms.endpoint";

    /**
     * @param keyPairId a rotation key's key pair ID, as listed in {@link #KEYS}
     * @return the name of its inline PEM property, {@code cloudfront.keys.<ID>.private-key}
     */
    public static String keyPrivateKey(String keyPairId) {
        return KEYS + "." + keyPairId + ".private-key";
    }

    /**
     * @param keyPairId a rotation key's key pair ID
     * @return the name of its location property, {@code cloudfront.keys.<ID>.private-key.location}
     */
    public static String keyPrivateKeyLocation(String keyPairId) {
        return keyPrivateKey(keyPairId) + ".location";
    }

    /**
     * @param keyPairId a rotation key's key pair ID
     * @return the name of its remote signer property, {@code cloudfront.keys.<ID>.signer} (as {@link #SIGNER})
     */
    public static String keySigner(String keyPairId) {
        return KEYS + "." + keyPairId + ".signer";
    }

    /**
     * @param keyPairId a rotation key's key pair ID
     * @return the name of its passphrase property, {@code cloudfront.keys.<ID>.private-key.passphrase}
     */
    public static String keyPrivateKeyPassphrase(String keyPairId) {
        return keyPrivateKey(keyPairId) + ".passphrase";
    }

    /**
     * The local edge (the servlet module's {@code CloudFrontEdgeFilter}): the trusted key group, comma-separated
     * key pair IDs, each with {@link #edgePublicKeyLocation(String)} or {@link #edgePublicKey(String)}.
     */
    public static final String EDGE_TRUSTED_KEYS = "cloudfront.edge.trusted-keys";

    /**
     * The local edge's public URL, such as {@code https://d111111abcdef8.cloudfront.net}: when set, the URL
     * verified is this plus the request's raw path and query, instead of the request's scheme and {@code Host},
     * so that policies written for the real distribution match and the edge can run behind a reverse proxy.
     */
    public static final String EDGE_PUBLIC_URL = "cloudfront.edge.public-url";

    /**
     * @param keyPairId a key pair ID listed in {@link #EDGE_TRUSTED_KEYS}
     * @return the name of its public key location property, {@code cloudfront.edge.keys.<ID>.public-key.location}
     *     ({@code classpath:}, {@code file:} or a path; PEM {@code BEGIN PUBLIC KEY} or DER)
     */
    public static String edgePublicKeyLocation(String keyPairId) {
        return edgePublicKey(keyPairId) + ".location";
    }

    /**
     * @param keyPairId a key pair ID listed in {@link #EDGE_TRUSTED_KEYS}
     * @return the name of its inline public key property, {@code cloudfront.edge.keys.<ID>.public-key} (PEM; line
     *     breaks may be written {@code \n})
     */
    public static String edgePublicKey(String keyPairId) {
        return "cloudfront.edge.keys." + keyPairId + ".public-key";
    }
}
