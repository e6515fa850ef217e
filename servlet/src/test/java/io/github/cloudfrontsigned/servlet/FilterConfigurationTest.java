package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.Signatures;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.testing.TestServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;

final class FilterConfigurationTest {

    /** Starts the application with these init-params and returns the filter's start-up failure. */
    private static String failure(Map<String, String> params) {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> TestApp.withFilter(params).close());
        Throwable t = e;
        while (t != null && !(t instanceof ServletException)) {
            t = t.getCause();
        }
        assertTrue(t != null, "no ServletException in " + e);
        assertTrue(t.getCause() instanceof ConfigurationException, String.valueOf(t.getCause()));
        return t.getMessage();
    }

    @Test
    void badInitParam_isNamedWithItsSource() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.url.ttl", "-5m");
        String m = failure(p);
        assertTrue(
                m.contains("CloudFrontSigningFilter \"cloudfront\" cannot start. CloudFront signing configuration"
                        + " has 1 problem:\n  cloudfront.url.ttl = \"-5m\" (init-param of filter \"cloudfront\"): the link"
                        + " lifetime must be positive"),
                m);
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.remove("cloudfront.private-key.location");
        p.put("cloudfront.protected-prefixes", "cdn.example.com/private/");
        p.put("cloudfront.cookie.max-age", "10");
        String m = failure(p);
        assertTrue(m.contains("has 3 problems:"), m);
        assertTrue(m.contains("\n  cloudfront.private-key.location (not set): required for key pair ID"), m);
        assertTrue(m.contains("\n  cloudfront.protected-prefixes = \"cdn.example.com/private/\""), m);
        assertTrue(m.contains("\n  cloudfront.cookie.max-age = \"10\""), m);
    }

    @Test
    void unreadableKey_namesThePropertyAndTheFile() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.private-key.location", "file:/nonexistent/cloudfront/pk.pem");
        String m = failure(p);
        assertTrue(m.contains("cloudfront.private-key.location = \"file:/nonexistent/cloudfront/pk.pem\""), m);
        assertTrue(m.contains("/nonexistent/cloudfront/pk.pem"), m);
    }

    @Test
    void unknownPolicyClass_isNamed() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.auth.policy", "com.example.NoSuchPolicy");
        String m = failure(p);
        assertTrue(m.contains("cloudfront.auth.policy = \"com.example.NoSuchPolicy\": no such class"), m);
    }

    @Test
    void policyClassOfTheWrongType_isNamed() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.put("cloudfront.auth.policy", String.class.getName());
        String m = failure(p);
        assertTrue(
                m.contains("cloudfront.auth.policy = \"java.lang.String\": the class does not implement"
                        + " io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy"),
                m);
    }

    @Test
    void keyMaterial_neverAppearsInTheMessage() {
        Map<String, String> p = HttpSemanticsTest.params();
        p.remove("cloudfront.private-key.location");
        String pem = TestKeys.pem(TestKeys.RSA);
        p.put("cloudfront.private-key", pem.substring(0, 300));
        String m = failure(p);
        assertTrue(m.contains("cloudfront.private-key = \"<redacted, 300 characters>\""), m);
        assertTrue(!m.contains(pem.substring(60, 120)), m);
    }

    @Test
    void contextParams_areReadWhenNoInitParamIsSet() {
        try (TestServer server = TestApp.start(context -> {
            HttpSemanticsTest.params().forEach(context::setInitParameter);
            FilterHolder holder = new FilterHolder(CloudFrontSigningFilter.class);
            holder.setInitParameter("cloudfront.url.ttl", "2h");
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
            TestApp.addServlets(context);
        })) {
            String body = new String(server.getBytes("/page?n=1").body(), StandardCharsets.UTF_8);
            long expires =
                    Signatures.verifyCanned(Signatures.signedUrls(body).get(0)).getEpochSecond();
            long now = System.currentTimeMillis() / 1000;
            assertTrue(expires >= now + 7200 && expires <= now + 7200 + 301, "init-param TTL 2h: " + expires);
            assertEquals(1, Signatures.signedUrls(body).size());
        }
    }
}
