package io.github.cloudfrontsigned.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.HashAlgorithm;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.request.RequestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SigningConfigurationTest {

    static final KeyPair RSA = TestKeys.RSA;
    static final KeyPair EC = TestKeys.EC;
    static final Path RSA_FILE = write(RSA);
    static final Path EC_FILE = write(EC);

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("cloudfront.key-pair-id", "K2JCJMDEHXQW5F");
        m.put("cloudfront.private-key.location", RSA_FILE.toString());
        m.put("cloudfront.protected-prefixes", "https://cdn.example.com/private/");
        return m;
    }

    private static SigningConfiguration read(Map<String, String> m) {
        return SigningConfiguration.read(ConfigLookup.of(m, "test properties"));
    }

    private static String problems(Map<String, String> m) {
        return assertThrows(ConfigurationException.class, () -> read(m)).getMessage();
    }

    @Test
    void minimalConfiguration_hasTheDocumentedDefaults() {
        SigningConfiguration c = read(minimal());
        assertEquals("K2JCJMDEHXQW5F", c.signer().activeKeyPairId());
        assertEquals(List.of("https://cdn.example.com/private/"), c.protectedPrefixes());
        assertEquals(Duration.ofHours(1), c.urlTtl());
        assertEquals(Duration.ofMinutes(5), c.signer().expiryGranularity());
        assertTrue(c.isRewritable("text/html; charset=UTF-8"));
        assertTrue(c.isRewritable("Application/JSON"));
        assertFalse(c.isRewritable("image/png"));
        assertFalse(c.bindClientIp());
        assertTrue(c.cookies().isEmpty());
        assertEquals(c.signer().keyPairIds(), c.verifier().trustedKeyPairIds(), "verifier for issued cookies");
    }

    @Test
    void requestRules_carryTheConfiguredValues() {
        Map<String, String> m = minimal();
        m.put("cloudfront.url.ttl", "10m");
        m.put("cloudfront.cookie.ttl", "2h");
        m.put("cloudfront.cookie.refresh-margin", "3m");
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/members/*");
        m.put("cloudfront.auth.roles", "subscriber");
        m.put("cloudfront.client-ip.bind", "true");
        m.put("cloudfront.client-ip.trusted-proxies", "10.0.0.0/8");
        SigningConfiguration c = read(m);
        RequestRules rules = c.requestRules();
        assertSame(c.signer(), rules.signer());
        assertSame(c.verifier(), rules.verifier());
        assertEquals(Duration.ofMinutes(10), rules.linkTtl());
        assertEquals(Duration.ofHours(2), rules.cookieTtl());
        assertEquals(Duration.ofMinutes(3), rules.cookieRefreshMargin());
        assertEquals(c.cookies(), rules.cookies());
        assertEquals(Set.of("subscriber"), rules.roles());
        assertTrue(rules.bindClientIp());
        assertEquals(c.trustedProxies(), rules.trustedProxies());
    }

    @Test
    void requestRules_areBuiltOnce_soEveryEntryPointSharesTheirCache() {
        SigningConfiguration c = read(minimal());
        assertSame(c.requestRules(), c.requestRules());
    }

    @Test
    void durations_acceptIsoAndShortForms() {
        Map<String, String> m = minimal();
        m.put("cloudfront.url.ttl", "PT10M");
        m.put("cloudfront.cookie.ttl", "1h30m");
        m.put("cloudfront.url.expiry-granularity", "30s");
        SigningConfiguration c = read(m);
        assertEquals(Duration.ofMinutes(10), c.urlTtl());
        assertEquals(Duration.ofMinutes(90), c.cookieTtl());
        assertEquals(Duration.ofSeconds(30), c.signer().expiryGranularity());
    }

    @Test
    void inlinePemWithEscapedNewlines_isLoaded() throws IOException {
        Map<String, String> m = minimal();
        m.remove("cloudfront.private-key.location");
        m.put("cloudfront.private-key", Files.readString(RSA_FILE).replace("\n", "\\n"));
        assertEquals("K2JCJMDEHXQW5F", read(m).signer().activeKeyPairId());
    }

    @Test
    void rotationKeys_areLoadedAndTheActiveOneSigns() {
        Map<String, String> m = minimal();
        m.put("cloudfront.keys", "KNEXT1");
        m.put("cloudfront.keys.KNEXT1.private-key.location", EC_FILE.toString());
        m.put("cloudfront.active-key-pair-id", "KNEXT1");
        SigningConfiguration c = read(m);
        assertEquals(List.of("K2JCJMDEHXQW5F", "KNEXT1"), List.copyOf(c.signer().keyPairIds()));
        assertEquals("KNEXT1", c.signer().activeKeyPairId());
    }

    @Test
    void everyProblem_isReportedInOneException() {
        Map<String, String> m = minimal();
        m.put("cloudfront.url.ttl", "-5m");
        m.put("cloudfront.cookie.secure", "yes");
        m.put("cloudfront.content-types", "html");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> read(m));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("CloudFront signing configuration has 3 problems:\n"), e.getMessage());
        for (String line : e.getMessage().split("\n")) {
            assertTrue(line.startsWith("CloudFront") || line.startsWith("  cloudfront."), line);
        }
    }

    @Test
    void missingKeyPairId_isNamed() {
        Map<String, String> m = minimal();
        m.remove("cloudfront.key-pair-id");
        assertTrue(problems(m).contains("cloudfront.key-pair-id (not set): required"), problems(m));
    }

    @Test
    void malformedKeyPairId_isNamed() {
        Map<String, String> m = minimal();
        m.put("cloudfront.key-pair-id", "K2-JCJ");
        String msg = problems(m);
        assertTrue(msg.contains("cloudfront.key-pair-id = \"K2-JCJ\" (test properties): key pair ID"), msg);
    }

    @Test
    void missingPrivateKey_isNamed() {
        Map<String, String> m = minimal();
        m.remove("cloudfront.private-key.location");
        assertTrue(
                problems(m)
                        .contains("cloudfront.private-key.location (not set): required for key pair ID"
                                + " K2JCJMDEHXQW5F"),
                problems(m));
    }

    @Test
    void unreadableKeyFile_namesPropertyAndPath() {
        Map<String, String> m = minimal();
        m.put("cloudfront.private-key.location", "/nonexistent/pk.pem");
        String msg = problems(m);
        assertTrue(msg.contains("cloudfront.private-key.location = \"/nonexistent/pk.pem\""), msg);
        assertTrue(msg.contains("/nonexistent/pk.pem: "), msg);
    }

    @Test
    void inlineKeyAndPassphrase_areNeverShown() throws IOException {
        Map<String, String> m = minimal();
        m.remove("cloudfront.private-key.location");
        String pem = Files.readString(RSA_FILE);
        m.put("cloudfront.private-key", pem.substring(0, 200));
        m.put("cloudfront.private-key.passphrase", "hunter2");
        String msg = problems(m);
        assertTrue(msg.contains("cloudfront.private-key = \"<redacted, 200 characters>\""), msg);
        assertFalse(msg.contains(pem.substring(40, 80)), msg);
        assertFalse(msg.contains("hunter2"), msg);
    }

    @Test
    void bothInlineAndLocation_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.private-key", "x");
        assertTrue(
                problems(m)
                        .contains("set either cloudfront.private-key (inline PEM) or"
                                + " cloudfront.private-key.location, not both"),
                problems(m));
    }

    @Test
    void ecdsaKeyWithSha1_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.private-key.location", EC_FILE.toString());
        m.put("cloudfront.hash-algorithm", "SHA1");
        assertTrue(
                problems(m)
                        .contains("cloudfront.hash-algorithm = \"SHA1\" (test properties): the key for key pair"
                                + " ID K2JCJMDEHXQW5F is an ECDSA key"),
                problems(m));
    }

    @Test
    void ecdsaKey_signsWithSha256ByDefault() {
        Map<String, String> m = minimal();
        m.put("cloudfront.private-key.location", EC_FILE.toString());
        assertNull(read(m).signer().hashAlgorithm());
        m.put("cloudfront.hash-algorithm", "sha-256");
        assertEquals(HashAlgorithm.SHA256, read(m).signer().hashAlgorithm());
    }

    @Test
    void unknownHashAlgorithm_isNamed() {
        Map<String, String> m = minimal();
        m.put("cloudfront.hash-algorithm", "MD5");
        assertTrue(problems(m).contains("cloudfront.hash-algorithm = \"MD5\""), problems(m));
    }

    @Test
    void unknownActiveKey_isNamed() {
        Map<String, String> m = minimal();
        m.put("cloudfront.active-key-pair-id", "KOTHER");
        assertTrue(
                problems(m)
                        .contains("cloudfront.active-key-pair-id = \"KOTHER\" (test properties): no key is"
                                + " configured"),
                problems(m));
    }

    @Test
    void prefixWithoutScheme_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.protected-prefixes", "cdn.example.com/private/");
        assertTrue(
                problems(m)
                        .contains("cloudfront.protected-prefixes = \"cdn.example.com/private/\" (test properties):"
                                + " \"cdn.example.com/private/\" must start with https://"),
                problems(m));
    }

    @Test
    void prefixWithWildcard_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.protected-prefixes", "https://cdn.example.com/private/*");
        assertTrue(problems(m).contains("holds '*' at position 32"), problems(m));
    }

    @Test
    void prefixWithoutPath_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.protected-prefixes", "https://cdn.example.com");
        assertTrue(
                problems(m).contains("has no path; write https://cdn.example.com/ to protect the whole host"),
                problems(m));
    }

    @Test
    void prefixTheRewriterCannotMatch_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.protected-prefixes", "https://user@cdn.example.com/private/");
        assertTrue(
                problems(m)
                        .contains("cloudfront.protected-prefixes = \"https://user@cdn.example.com/private/\""
                                + " (test properties): \"https://user@cdn.example.com/private/\" cannot be matched: "),
                problems(m));
    }

    @Test
    void configuredPrefixes_makeTheSharedRewriter() {
        SigningConfiguration c = read(minimal());
        assertEquals(List.of("https://cdn.example.com/private/"), c.rewriter().protectedPrefixes());
        Map<String, String> cookiesOnly = minimal();
        cookiesOnly.remove("cloudfront.protected-prefixes");
        cookiesOnly.put("cloudfront.cookie.resources", "https://cdn.example.com/members/*");
        assertNull(read(cookiesOnly).rewriter());
    }

    @Test
    void contentTypeWildcards_areAccepted() {
        Map<String, String> m = minimal();
        m.put("cloudfront.content-types", "text/*, */*+json");
        SigningConfiguration c = read(m);
        assertTrue(c.isRewritable("text/plain; charset=UTF-8"));
        assertTrue(c.isRewritable("application/vnd.api+json"));
        assertFalse(c.isRewritable("application/json"));
    }

    @Test
    void nothingToSign_isRefused() {
        Map<String, String> m = minimal();
        m.remove("cloudfront.protected-prefixes");
        assertTrue(problems(m).contains("cloudfront.protected-prefixes (not set): nothing to sign"), problems(m));
    }

    @Test
    void nonPositiveTtl_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.url.ttl", "0s");
        assertTrue(
                problems(m)
                        .contains("cloudfront.url.ttl = \"0s\" (test properties): the link lifetime must be"
                                + " positive"),
                problems(m));
    }

    @Test
    void durationWithoutUnit_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.url.ttl", "600");
        assertTrue(problems(m).contains("the number 600 has no unit; write 600s"), problems(m));
    }

    @Test
    void granularityBelowOneSecond_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.url.expiry-granularity", "500ms");
        assertTrue(problems(m).contains("cloudfront.url.expiry-granularity = \"500ms\""), problems(m));
    }

    @Test
    void mediaTypeWithParameters_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.content-types", "text/html; charset=UTF-8");
        assertTrue(problems(m).contains("is not a media type; write type/subtype"), problems(m));
    }

    @Test
    void malformedBoolean_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.auth.require-authenticated", "yes");
        assertTrue(
                problems(m)
                        .contains("cloudfront.auth.require-authenticated = \"yes\" (test properties): write true"
                                + " or false"),
                problems(m));
    }

    @Test
    void negativeCacheSize_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cache.size", "-1");
        assertTrue(problems(m).contains("cloudfront.cache.size = \"-1\""), problems(m));
    }

    @Test
    void cookieDomainNotCoveringTheCdnHost_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/members/*");
        m.put("cloudfront.cookie.domain", "example.org");
        assertTrue(
                problems(m)
                        .contains("cloudfront.cookie.domain = \"example.org\" (test properties): does not cover"
                                + " the host cdn.example.com"),
                problems(m));
    }

    @Test
    void parentCookieDomain_coversTheCdnHost() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/members/*");
        m.put("cloudfront.cookie.domain", "example.com");
        assertEquals("/members/", read(m).cookies().get(0).attributes(null).path());
    }

    @Test
    void cloudfrontNetCookieDomain_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.domain", "cloudfront.net");
        assertTrue(problems(m).contains("cloudfront.cookie.domain = \"cloudfront.net\""), problems(m));
    }

    @Test
    void twoCookieResourcesWithOnePath_areRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/a/*, https://cdn.example.com/b/*");
        m.put("cloudfront.cookie.path", "/");
        assertTrue(problems(m).contains("two cookie resources share the cookie Path /"), problems(m));
    }

    @Test
    void cookiePathOutsideTheResource_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/members/*");
        m.put("cloudfront.cookie.path", "/other/");
        assertTrue(
                problems(m)
                        .contains("cloudfront.cookie.path = \"/other/\" (test properties): does not cover the"
                                + " path /members/"),
                problems(m));
    }

    @Test
    void malformedCookieResource_namesTheCharacter() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/my files/*");
        assertTrue(
                problems(m).contains("cloudfront.cookie.resources = \"https://cdn.example.com/my files/*\""),
                problems(m));
        assertTrue(problems(m).contains("position 26"), problems(m));
    }

    @Test
    void sameSiteNoneWithoutSecure_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.same-site", "none");
        m.put("cloudfront.cookie.secure", "false");
        assertTrue(problems(m).contains("SameSite=None requires Secure"), problems(m));
    }

    @Test
    void refreshMarginNotBelowTtl_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.ttl", "10m");
        m.put("cloudfront.cookie.refresh-margin", "10m");
        assertTrue(problems(m).contains("cloudfront.cookie.refresh-margin = \"10m\""), problems(m));
    }

    @Test
    void hostNameAsTrustedProxy_isRefused() {
        Map<String, String> m = minimal();
        m.put("cloudfront.client-ip.trusted-proxies", "proxy.internal");
        assertTrue(problems(m).contains("cloudfront.client-ip.trusted-proxies = \"proxy.internal\""), problems(m));
    }

    @Test
    void perUserCookieResource_isPercentEncodedAndSkippedForAnonymous() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.resources", "https://cdn.example.com/users/{user}/*");
        CookieSpec spec = read(m).cookies().get(0);
        assertEquals("https://cdn.example.com/users/j%C3%B6rg%20k/*", spec.resource("jörg k"));
        assertEquals("/users/j%C3%B6rg%20k/", spec.attributes("jörg k").path());
        assertNull(spec.resource(null));
    }

    @Test
    void builder_withoutSigner_isRefused() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> SigningConfiguration.builder()
                        .protectedPrefixes(List.of("https://cdn.example.com/p/"))
                        .build());
        assertTrue(e.getMessage().contains("no signer"), e.getMessage());
    }

    @Test
    void builder_validatesLikeProperties() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> SigningConfiguration.builder()
                        .signer(read(minimal()).signer())
                        .cookie(CookieSpec.of(
                                "https://cdn.example.com/m/*",
                                CookieAttributes.builder().domain("example.org").build()))
                        .build());
        assertTrue(
                e.getMessage().contains("cloudfront.cookie.domain = \"example.org\" (SigningConfiguration.builder())"),
                e.getMessage());
    }

    static Path write(KeyPair pair) {
        try {
            Path file = Files.createTempFile("cloudfront-test-key", ".pem");
            file.toFile().deleteOnExit();
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded());
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signingTargetsNotRequired_keysAloneAreAConfiguration() {
        Map<String, String> m = minimal();
        m.remove("cloudfront.protected-prefixes");
        SigningConfiguration c = SigningConfiguration.read(ConfigLookup.of(m, "test properties"), false);
        assertTrue(c.protectedPrefixes().isEmpty());
        assertTrue(c.cookies().isEmpty());
    }

    @Test
    void cookieForAnotherResource_hasTheConfiguredAttributesAndADerivedPath() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.domain", "example.com");
        m.put("cloudfront.cookie.same-site", "strict");
        CookieSpec spec = read(m).cookie("https://cdn.example.com/courses/java-101/*");
        assertEquals("https://cdn.example.com/courses/java-101/*", spec.resource(null));
        CookieAttributes attributes = spec.attributes(null);
        assertEquals("example.com", attributes.domain());
        assertEquals("/courses/java-101/", attributes.path());
        assertEquals(CookieAttributes.SameSite.STRICT, attributes.sameSite());
    }

    @Test
    void cookieForAnotherResource_keepsAConfiguredPath() {
        Map<String, String> m = minimal();
        m.put("cloudfront.cookie.path", "/");
        assertEquals(
                "/",
                read(m).cookie("https://cdn.example.com/courses/a/*")
                        .attributes(null)
                        .path());
    }
}
