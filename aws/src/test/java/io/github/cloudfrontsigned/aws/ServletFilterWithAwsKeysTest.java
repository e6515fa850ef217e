package io.github.cloudfrontsigned.aws;

import static io.github.cloudfrontsigned.aws.AwsTestSupport.RSA;
import static io.github.cloudfrontsigned.aws.AwsTestSupport.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import io.github.cloudfrontsigned.testing.TestServer;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The servlet filter on a real Jetty 12, configured by init-params with {@code secretsmanager:} and {@code kms:}
 * values: the aws module is found through ServiceLoader from the web application, the AWS SDK talks real HTTP to
 * the local endpoint, and every link in the page verifies against the key the endpoint holds.
 */
final class ServletFilterWithAwsKeysTest {

    private static final String PREFIX = "https://d111111abcdef8.cloudfront.net/private/";
    private static final Pattern SIGNED = Pattern.compile("src=\"([^\"]+)\"");

    private final LocalAwsEndpoint aws = LocalAwsEndpoint.open();
    private TestServer server;

    @BeforeAll
    static void credentialsForTheDefaultChain() {
        // the first link of the SDK's default chain; static test credentials, never real ones
        System.setProperty(
                "aws.accessKeyId",
                AwsTestSupport.CREDENTIALS.resolveCredentials().accessKeyId());
        System.setProperty(
                "aws.secretAccessKey",
                AwsTestSupport.CREDENTIALS.resolveCredentials().secretAccessKey());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        aws.close();
    }

    /** A page with one protected image. */
    public static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<p><img src=\"" + PREFIX + "a.jpg\"></p>");
        }
    }

    private Map<String, String> initParams() {
        Map<String, String> p = new HashMap<>();
        p.put("cloudfront.key-pair-id", "KAWS");
        p.put("cloudfront.protected-prefixes", PREFIX);
        p.put(AwsProperties.REGION, "eu-west-1");
        p.put(AwsProperties.SECRETSMANAGER_ENDPOINT, aws.uri().toString());
        p.put(AwsProperties.KMS_ENDPOINT, aws.uri().toString());
        return p;
    }

    private String page(Map<String, String> initParams) throws Exception {
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder filter = new FilterHolder(CloudFrontSigningFilter.class);
        filter.setInitParameters(initParams);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new PageServlet()), "/page");
        server = TestServer.start(context);
        HttpResponse<String> r = server.get("/page");
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = SIGNED.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void secretsManagerKey_signsThePagesLinks_andDestroyStopsTheRefresh() throws Exception {
        aws.secretString = pem(RSA.getPrivate());
        Map<String, String> p = initParams();
        p.put("cloudfront.private-key.location", "secretsmanager:cloudfront/private-key");
        p.put(AwsProperties.REFRESH_INTERVAL, "1s");
        String signed = page(p);
        assertTrue(
                CloudFrontVerifier.builder()
                        .trustedKey("KAWS", RSA.getPublic())
                        .build()
                        .verify(signed)
                        .isAllowed(),
                signed);
        server.close(); // destroys the filter
        server = null;
        aws.assertNoCallsFor2500Millis(LocalAwsEndpoint.GET_SECRET_VALUE, "no refresh after the filter is destroyed");
    }

    @Test
    void kmsSigner_signsThePagesLinksWithSha256() throws Exception {
        aws.kmsKey = RSA;
        Map<String, String> p = initParams();
        p.put("cloudfront.signer", "kms:alias/cloudfront");
        String signed = page(p);
        assertTrue(signed.endsWith("&Hash-Algorithm=SHA256"), signed);
        assertTrue(
                CloudFrontVerifier.builder()
                        .trustedKey("KAWS", RSA.getPublic())
                        .build()
                        .verify(signed)
                        .isAllowed(),
                signed);
        assertEquals(1, aws.count(LocalAwsEndpoint.SIGN));
    }
}
