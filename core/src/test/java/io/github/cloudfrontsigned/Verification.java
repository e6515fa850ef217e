package io.github.cloudfrontsigned;

import io.github.cloudfrontsigned.internal.CloudFrontBase64;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;

/** Test helper: checks a CloudFront-encoded signature over policy bytes with the JDK. */
public final class Verification {

    private Verification() {}

    public static boolean verifies(PublicKey key, HashAlgorithm hash, String policy, String encodedSignature) {
        try {
            Signature verifier = Signature.getInstance(hash.jcaName(key.getAlgorithm()));
            verifier.initVerify(key);
            verifier.update(policy.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(CloudFrontBase64.decode(encodedSignature));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
