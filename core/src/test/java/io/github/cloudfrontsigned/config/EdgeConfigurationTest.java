package io.github.cloudfrontsigned.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.EdgeAccess;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@link EdgeConfiguration} reads the {@code cloudfront.edge.*} properties. */
final class EdgeConfigurationTest {

    private static final String ID = "K2JCJMDEHXQW5F";
    private static final String PEM = Keys.toPem(TestKeys.RSA.getPublic());

    @Test
    void inlinePublicKey_isTrusted() {
        EdgeAccess edge = EdgeConfiguration.read(ConfigLookup.of(
                Map.of(ConfigProperties.EDGE_TRUSTED_KEYS, " " + ID + " ", ConfigProperties.edgePublicKey(ID), PEM),
                "test"));
        assertEquals(Set.of(ID), edge.verifier().trustedKeyPairIds());
        assertNull(edge.publicUrl());
    }

    @Test
    void missingTrustedKeys_namesTheProperty() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> EdgeConfiguration.read(ConfigLookup.of(Map.of(), "test")));
        assertTrue(e.getMessage().contains(ConfigProperties.EDGE_TRUSTED_KEYS), e.getMessage());
    }

    @Test
    void onlyCommas_areNoTrustedKeys() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> EdgeConfiguration.read(
                        ConfigLookup.of(Map.of(ConfigProperties.EDGE_TRUSTED_KEYS, " , "), "test")));
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @Test
    void listedIdWithoutKey_namesBothWaysToGiveIt() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> EdgeConfiguration.read(ConfigLookup.of(
                        Map.of(ConfigProperties.EDGE_TRUSTED_KEYS, "KA,KB", ConfigProperties.edgePublicKey("KA"), PEM),
                        "test")));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("cloudfront.edge.keys.KB.public-key.location"), e.getMessage());
    }

    @Test
    void unreadableKeyFile_namesTheFile() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> EdgeConfiguration.read(ConfigLookup.of(
                        Map.of(
                                ConfigProperties.EDGE_TRUSTED_KEYS,
                                "KA",
                                ConfigProperties.edgePublicKeyLocation("KA"),
                                "/no/such/public_key.pem"),
                        "test")));
        assertTrue(e.getMessage().contains("/no/such/public_key.pem"), e.getMessage());
    }

    @Test
    void publicUrl_isRead() {
        EdgeAccess edge = EdgeConfiguration.read(ConfigLookup.of(
                Map.of(
                        ConfigProperties.EDGE_TRUSTED_KEYS,
                        ID,
                        ConfigProperties.edgePublicKey(ID),
                        PEM,
                        ConfigProperties.EDGE_PUBLIC_URL,
                        " https://d111111abcdef8.cloudfront.net/ "),
                "test"));
        assertEquals("https://d111111abcdef8.cloudfront.net", edge.publicUrl());
    }

    @Test
    void publicUrlWithAPath_isReportedWithTheKeyProblems() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> EdgeConfiguration.read(ConfigLookup.of(
                        Map.of(
                                ConfigProperties.EDGE_TRUSTED_KEYS,
                                "KA",
                                ConfigProperties.EDGE_PUBLIC_URL,
                                "https://cdn.example.com/private"),
                        "test")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(ConfigProperties.EDGE_PUBLIC_URL), e.getMessage());
        assertTrue(e.getMessage().contains("'/' (U+002F) at position 23"), e.getMessage());
    }
}
