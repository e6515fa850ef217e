package io.github.cloudfrontsigned.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.testing.TestServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/** {@link CloudFrontEdgeFilter}'s trusted keys from a real SmallRye Config, with no init-param. */
final class EdgeFilterMicroProfileConfigTest {

    @Test
    void trustedKeys_comeFromMicroProfileConfig() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        Map.of(
                                ConfigProperties.EDGE_TRUSTED_KEYS,
                                TestKeys.KEY_PAIR_ID,
                                ConfigProperties.edgePublicKey(TestKeys.KEY_PAIR_ID),
                                Keys.toPem(TestKeys.RSA.getPublic())),
                        "test-mp-source",
                        500))
                .build();
        ClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader());
        ConfigProviderResolver.instance().registerConfig(config, loader);
        TestServer server;
        try {
            server = TestApp.start(context -> {
                context.setClassLoader(loader);
                context.addFilter(
                        new FilterHolder(CloudFrontEdgeFilter.class), "/*", EnumSet.of(DispatcherType.REQUEST));
                context.addServlet(
                        new ServletHolder(new HttpServlet() {
                            @Override
                            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                                resp.getWriter().print("origin");
                            }
                        }),
                        "/*");
            });
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
        try (server) {
            CloudFrontSigner signer = CloudFrontSigner.builder()
                    .key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                    .build();
            String url = signer.signUrl(server.uri("/file.txt").toString(), Duration.ofMinutes(5));
            assertEquals(
                    HttpStatus.OK_200,
                    server.getBytes(url.substring(url.indexOf("/file.txt"))).statusCode());
            assertEquals(HttpStatus.FORBIDDEN_403, server.getBytes("/file.txt").statusCode());
        }
    }
}
