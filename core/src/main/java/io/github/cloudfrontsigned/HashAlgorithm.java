package io.github.cloudfrontsigned;

/**
 * The hash function CloudFront applies to the policy before checking its signature.
 *
 * <p>CloudFront reads it from the {@code Hash-Algorithm} query parameter of a signed URL or from the
 * {@code CloudFront-Hash-Algorithm} cookie; when neither is present it assumes {@link #SHA1}. SHA-256
 * has been accepted since April 2026. See
 * <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html">
 * Create a signed URL using a canned policy</a>.
 *
 * <p>Thread safety: immutable.
 */
public enum HashAlgorithm {
    /** SHA-1: CloudFront's default; sent without a {@code Hash-Algorithm} parameter. */
    SHA1("SHA1", "SHA1withRSA", "SHA1withECDSA"),
    /** SHA-256: sent as {@code Hash-Algorithm=SHA256} or the cookie {@code CloudFront-Hash-Algorithm=SHA256}. */
    SHA256("SHA256", "SHA256withRSA", "SHA256withECDSA");

    private final String parameterValue;
    private final String rsaJcaName;
    private final String ecdsaJcaName;

    HashAlgorithm(String parameterValue, String rsaJcaName, String ecdsaJcaName) {
        this.parameterValue = parameterValue;
        this.rsaJcaName = rsaJcaName;
        this.ecdsaJcaName = ecdsaJcaName;
    }

    /**
     * The value CloudFront expects in {@code Hash-Algorithm} and {@code CloudFront-Hash-Algorithm}.
     *
     * @return {@code "SHA1"} or {@code "SHA256"}
     */
    public String parameterValue() {
        return parameterValue;
    }

    /**
     * The digest of {@code data} with this algorithm: what a CloudFront signature signs (the verifier reads RSA
     * signatures back to compare digests when it explains a denial).
     *
     * @param data the bytes to hash, for example the policy JSON in UTF-8
     * @return the SHA-1 (20 bytes) or SHA-256 (32 bytes) digest
     */
    public byte[] digest(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance(this == SHA1 ? "SHA-1" : "SHA-256")
                    .digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1 and SHA-256", e);
        }
    }

    /**
     * The JCA signature algorithm name for this hash and a key of the given JCA algorithm.
     *
     * @param keyAlgorithm the key's {@link java.security.Key#getAlgorithm()}: {@code "RSA"} or {@code "EC"}
     * @return for example {@code "SHA256withRSA"} or {@code "SHA256withECDSA"}
     */
    public String jcaName(String keyAlgorithm) {
        return "EC".equals(keyAlgorithm) ? ecdsaJcaName : rsaJcaName;
    }

    /**
     * Parses the value of {@code Hash-Algorithm}, {@code CloudFront-Hash-Algorithm} or a configuration
     * property. The comparison ignores case and an optional dash ({@code sha-256} is accepted).
     *
     * @param value the text to parse, not {@code null}
     * @return the algorithm
     * @throws IllegalArgumentException if the value is neither SHA1 nor SHA256
     */
    public static HashAlgorithm parse(String value) {
        String v = value.trim().replace("-", "");
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.parameterValue.equalsIgnoreCase(v)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unknown hash algorithm '" + value
                + "': CloudFront accepts SHA1 and SHA256 (Hash-Algorithm / CloudFront-Hash-Algorithm)");
    }
}
