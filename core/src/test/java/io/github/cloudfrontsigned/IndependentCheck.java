package io.github.cloudfrontsigned;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks of signed URLs and cookies that use nothing of the library: the JDK's Base64 after CloudFront's
 * character swap ({@code -} {@code _} {@code ~} for {@code +} {@code =} {@code /}) and a JCA {@code Signature}.
 * Public in core's test jar, for the tests of the servlet, JAX-RS and aws modules.
 */
public final class IndependentCheck {

    private IndependentCheck() {}

    /**
     * @param query a raw query without {@code ?}, every part {@code name=value}
     * @return the parameters in order, values as written
     */
    public static Map<String, String> parameters(String query) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            p.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return p;
    }

    /**
     * @param cloudFrontBase64 a {@code Policy} or {@code CloudFront-Policy} value
     * @return the decoded policy JSON
     */
    public static String decode(String cloudFrontBase64) {
        return new String(bytes(cloudFrontBase64), StandardCharsets.UTF_8);
    }

    /**
     * @param key the RSA public key
     * @param hashAlgorithm {@code SHA1} or {@code SHA256}, as in {@code Hash-Algorithm}
     * @param policy the policy JSON that was signed
     * @param signature the {@code Signature} value, CloudFront-encoded
     * @return whether the signature verifies
     */
    public static boolean verifiesRsa(PublicKey key, String hashAlgorithm, String policy, String signature) {
        try {
            Signature v = Signature.getInstance(hashAlgorithm.equals("SHA256") ? "SHA256withRSA" : "SHA1withRSA");
            v.initVerify(key);
            v.update(policy.getBytes(StandardCharsets.UTF_8));
            return v.verify(bytes(signature));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String cloudFrontBase64) {
        return Base64.getDecoder()
                .decode(cloudFrontBase64.replace('-', '+').replace('_', '=').replace('~', '/'));
    }
}
