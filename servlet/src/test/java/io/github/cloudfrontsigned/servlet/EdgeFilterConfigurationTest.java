package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigurationException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@link CloudFrontEdgeFilter} reads its {@code cloudfront.edge.*} properties. */
final class EdgeFilterConfigurationTest {

    @Test
    void inlinePublicKey_isTrusted() {
        var verifier = CloudFrontEdgeFilter.read(ConfigLookup.of(Map.of(
                ConfigProperties.EDGE_TRUSTED_KEYS, " " + TestKeys.KEY_PAIR_ID + " ",
                ConfigProperties.edgePublicKey(TestKeys.KEY_PAIR_ID), Keys.toPem(TestKeys.RSA.getPublic())), "test"));
        assertEquals(Set.of(TestKeys.KEY_PAIR_ID), verifier.trustedKeyPairIds());
    }

    @Test
    void missingTrustedKeys_namesTheProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CloudFrontEdgeFilter.read(ConfigLookup.of(Map.of(), "test")));
        assertTrue(e.getMessage().contains(ConfigProperties.EDGE_TRUSTED_KEYS), e.getMessage());
    }

    @Test
    void listedIdWithoutKey_namesBothWaysToGiveIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CloudFrontEdgeFilter.read(
                ConfigLookup.of(Map.of(ConfigProperties.EDGE_TRUSTED_KEYS, "KA,KB",
                        ConfigProperties.edgePublicKey("KA"), Keys.toPem(TestKeys.RSA.getPublic())), "test")));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("cloudfront.edge.keys.KB.public-key.location"), e.getMessage());
    }

    @Test
    void unreadableKeyFile_namesTheFile() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CloudFrontEdgeFilter.read(
                ConfigLookup.of(Map.of(ConfigProperties.EDGE_TRUSTED_KEYS, "KA",
                        ConfigProperties.edgePublicKeyLocation("KA"), "/no/such/public_key.pem"), "test")));
        assertTrue(e.getMessage().contains("/no/such/public_key.pem"), e.getMessage());
    }
}
