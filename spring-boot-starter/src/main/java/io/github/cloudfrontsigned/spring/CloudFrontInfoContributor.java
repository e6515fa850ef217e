package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.key.Keys;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code "cloudfront": {"keyPairId", "keyType", "publicKeyFingerprint", "keyPairIds"}} to Actuator's
 * {@code info} endpoint: which key signs, as CloudFront's console shows it, so that a deployment can be checked
 * against the trusted key group. Never key material. Read on each call, so a key rotated in its store shows at once.
 * Thread-safe.
 */
final class CloudFrontInfoContributor implements InfoContributor {

    private final CloudFrontSigner signer;

    CloudFrontInfoContributor(CloudFrontSigner signer) {
        this.signer = signer;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        String id = signer.activeKeyPairId();
        details.put("keyPairId", id);
        try {
            PublicKey key = signer.publicKey(id);
            details.put("keyType", Keys.describe(key));
            details.put("publicKeyFingerprint", "SHA-256:" + Keys.fingerprint(key));
        } catch (RuntimeException e) {
            details.put("keyType", "unknown (the public key cannot be derived)");
        }
        details.put("keyPairIds", signer.keyPairIds());
        builder.withDetail("cloudfront", details);
    }
}
