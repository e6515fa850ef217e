package io.github.cloudfrontsigned.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.SharedCasesTest;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.Verification;
import io.github.cloudfrontsigned.internal.PolicyDocument;
import io.github.cloudfrontsigned.internal.SignatureEngines;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SignatureProviderTest {

    private static final String URL = "https://d111111abcdef8.cloudfront.net/a.jpg";

    private static void assertSignsVerifiably(
            SignatureProvider provider, java.security.KeyPair pair, HashAlgorithm hash) {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key("K1", pair.getPrivate())
                .hashAlgorithm(hash)
                .signatureProvider(provider)
                .build();
        String signed = signer.signUrl(URL, Duration.ofMinutes(1));
        Map<String, String> p = SharedCasesTest.query(signed.substring(signed.indexOf('?') + 1));
        String policy = PolicyDocument.writeCanned(URL, Long.parseLong(p.get("Expires")));
        assertTrue(Verification.verifies(pair.getPublic(), hash, policy, p.get("Signature")), provider + " " + hash);
    }

    @Test
    void everyProvider_signsRsaAndEcdsaWithBothHashesVerifiably() {
        for (SignatureProvider provider : SignatureProvider.values()) {
            if (provider == SignatureProvider.CORRETTO && !SignatureEngines.correttoAvailable()) {
                continue;
            }
            for (HashAlgorithm hash : HashAlgorithm.values()) {
                assertSignsVerifiably(provider, TestKeys.RSA, hash);
                assertSignsVerifiably(provider, TestKeys.EC, hash);
            }
        }
    }

    @Test
    void rsaSignatures_areIdenticalWhateverTheProvider() {
        String reference = null;
        for (SignatureProvider provider : SignatureProvider.values()) {
            if (provider == SignatureProvider.CORRETTO && !SignatureEngines.correttoAvailable()) {
                continue;
            }
            String signed = CloudFrontSigner.builder()
                    .key("K1", TestKeys.RSA.getPrivate())
                    .signatureProvider(provider)
                    .build()
                    .signUrl(URL, java.time.Instant.parse("2030-01-01T00:00:00Z"));
            if (reference == null) {
                reference = signed;
            }
            assertEquals(reference, signed, provider.toString());
        }
    }

    @Test
    void auto_prefersCorrettoWhenPresent_elseBouncyCastleForEcdsaAndJdkForRsa() {
        if (SignatureEngines.correttoAvailable()) {
            assertEquals(
                    "AmazonCorrettoCryptoProvider",
                    SignatureProvider.AUTO.jcaProvider("RSA").orElseThrow().getName());
        } else {
            assertEquals(java.util.Optional.empty(), SignatureProvider.AUTO.jcaProvider("RSA"));
            assertEquals(
                    "BC", SignatureProvider.AUTO.jcaProvider("EC").orElseThrow().getName());
        }
    }

    @Test
    void parse_acceptsConfigurationSpellings() {
        assertEquals(SignatureProvider.BOUNCY_CASTLE, SignatureProvider.parse("bouncy-castle"));
        assertEquals(SignatureProvider.BOUNCY_CASTLE, SignatureProvider.parse("BouncyCastle"));
        assertEquals(SignatureProvider.CORRETTO, SignatureProvider.parse("corretto"));
        assertThrows(IllegalArgumentException.class, () -> SignatureProvider.parse("sunec"));
    }
}
