package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.testing.TestServer;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AccessPolicyTest {

    private static final String ECHOED = TestApp.CDN + "someone-elses-invoice.pdf";

    /** Allows only the catalog link: user content that names another protected file stays unsigned. */
    public static final class CatalogOnly implements CloudFrontAccessPolicy {
        @Override
        public boolean allowsLink(HttpServletRequest request, String url) {
            return url.equals(TestApp.CDN + "public-catalog.pdf");
        }
    }

    /** Denies every request. */
    public static final class DenyAll implements CloudFrontAccessPolicy {
        @Override
        public boolean allowsRequest(HttpServletRequest request) {
            return false;
        }
    }

    private static String echo(TestServer server) {
        return new String(
                server.getBytes("/echo?q=" + URLEncoder.encode(ECHOED, StandardCharsets.UTF_8))
                        .body(),
                StandardCharsets.UTF_8);
    }

    @Test
    void echoedProtectedUrl_staysUnsignedWhenThePolicyDeniesIt() {
        SigningConfiguration config = SigningConfiguration.read(ConfigLookup.of(HttpSemanticsTest.params(), "test"));
        try (TestServer server = TestApp.withFilter(new CloudFrontSigningFilter(config, new CatalogOnly()))) {
            String body = echo(server);
            assertTrue(body.contains("You searched for: " + ECHOED + "</p>"), body);
            List<String> signed = Signatures.signedUrls(body);
            assertEquals(1, signed.size(), body);
            Signatures.verifyCanned(signed.get(0));
            assertTrue(signed.get(0).startsWith(TestApp.CDN + "public-catalog.pdf?"), body);
        }
    }

    @Test
    void echoedProtectedUrl_isSignedWithoutAPolicy() {
        try (TestServer server = TestApp.withFilter(HttpSemanticsTest.params())) {
            assertEquals(2, Signatures.signedUrls(echo(server)).size(), "the risk the policy exists for");
        }
    }

    @Test
    void policyNamedInConfiguration_isUsed() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.auth.policy", DenyAll.class.getName());
        try (TestServer server = TestApp.withFilter(p)) {
            assertEquals(List.of(), Signatures.signedUrls(echo(server)));
        }
    }

    @Test
    void requireAuthenticated_signsOnlyForAuthenticatedUsers() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.auth.require-authenticated", "true");
        try (TestServer server = TestApp.withFilter(p)) {
            assertEquals(
                    TestApp.page(8), new String(server.getBytes("/page?n=8").body(), StandardCharsets.UTF_8));
            assertEquals(
                    8,
                    Signatures.signedUrls(new String(
                                    server.getBytes("/page?n=8", "X-Test-User", "ann")
                                            .body(),
                                    StandardCharsets.UTF_8))
                            .size());
        }
    }

    @Test
    void roles_signOnlyForUsersInOneOfThem() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.auth.roles", "member, staff");
        try (TestServer server = TestApp.withFilter(p)) {
            String guest = new String(
                    server.getBytes("/page?n=4", "X-Test-User", "bob", "X-Test-Roles", "guest")
                            .body(),
                    StandardCharsets.UTF_8);
            assertEquals(TestApp.page(4), guest);
            String member = new String(
                    server.getBytes("/page?n=4", "X-Test-User", "bob", "X-Test-Roles", "member")
                            .body(),
                    StandardCharsets.UTF_8);
            assertEquals(4, Signatures.signedUrls(member).size());
        }
    }

    @Test
    void clientIpBinding_trustsForwardedForOnlyFromConfiguredProxies() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.client-ip.bind", "true");
        try (TestServer server = TestApp.withFilter(p)) {
            String url = Signatures.signedUrls(new String(
                            server.getBytes("/page?n=1", "X-Forwarded-For", "198.51.100.7")
                                    .body(),
                            StandardCharsets.UTF_8))
                    .get(0);
            assertTrue(Signatures.verifyCustom(url).contains("\"IpAddress\":{\"AWS:SourceIp\":\"127.0.0.1/32\"}"), url);
        }
        p.put("cloudfront.client-ip.trusted-proxies", "127.0.0.1");
        try (TestServer server = TestApp.withFilter(p)) {
            String url = Signatures.signedUrls(new String(
                            server.getBytes("/page?n=1", "X-Forwarded-For", "198.51.100.7")
                                    .body(),
                            StandardCharsets.UTF_8))
                    .get(0);
            String policy = Signatures.verifyCustom(url);
            assertTrue(policy.contains("\"IpAddress\":{\"AWS:SourceIp\":\"198.51.100.7/32\"}"), policy);
            assertTrue(policy.contains("\"Resource\":\"" + url.substring(0, url.indexOf("?Policy=")) + "\""), policy);
            assertFalse(url.contains("Expires="), url);
        }
    }
}
