package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.key.PrivateKeyProvider;
import io.github.cloudfrontsigned.key.RefreshState;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import io.github.cloudfrontsigned.spring.app.MediaApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * {@code /actuator/health/cloudfront} over real HTTP, with a key from an in-test store that the test makes fail
 * (UP with a warning) or lose its key (DOWN). Run on Spring Boot 4 here and on Spring Boot 3 by
 * spring-boot-starter-boot3-tests (the indicator is built for each one's health API).
 */
@SpringBootTest(
        classes = {MediaApp.class, HealthIndicatorTest.StoreKey.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudfront.key-pair-id=KSTORE", "management.endpoint.health.show-details=always"})
final class HealthIndicatorTest {

    /** A key from a store: the store can fail its fetches, or the provider can have no key left. */
    static final class SwitchableKey implements PrivateKeyProvider {
        volatile boolean storeDown;
        volatile boolean noKeyLeft;
        final RefreshingPrivateKey refreshing = RefreshingPrivateKey.start("in-test store", null, () -> {
            if (storeDown) {
                throw new IllegalStateException("InternalFailure (HTTP 500)");
            }
            return TestKeys.RSA.getPrivate();
        });

        @Override
        public PrivateKey privateKey() {
            if (noKeyLeft) {
                throw new IllegalStateException("the store's key was revoked");
            }
            return refreshing.privateKey();
        }

        @Override
        public RefreshState refreshState() {
            return refreshing.refreshState();
        }

        @Override
        public String description() {
            return refreshing.description();
        }
    }

    static final SwitchableKey KEY = new SwitchableKey();

    @TestConfiguration(proxyBeanMethods = false)
    static class StoreKey {
        @Bean
        SigningConfiguration signingConfiguration() {
            return SigningConfiguration.builder()
                    .signer(CloudFrontSigner.builder().key("KSTORE", KEY).build())
                    .protectedPrefixes(List.of("https://cdn.example.com/private/"))
                    .build();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void restore() {
        KEY.storeDown = false;
        KEY.noKeyLeft = false;
        KEY.refreshing.refresh();
    }

    private HttpResponse<String> health() {
        return Http.get("http://127.0.0.1:" + port + "/actuator/health/cloudfront");
    }

    @Test
    void health_workingKey_isUpWithTheKeysIdentityAndSource() {
        HttpResponse<String> health = health();
        assertEquals(200, health.statusCode());
        String body = health.body();
        assertTrue(
                body.contains("\"status\":\"UP\"")
                        && body.contains("\"keyPairId\":\"KSTORE\"")
                        && body.contains("\"keyType\":\"RSA 2048-bit\"")
                        && body.contains("\"source\":\"in-test store\"")
                        && body.contains("\"lastLoaded\":"),
                body);
        assertFalse(body.contains("warning"), body);
    }

    @Test
    void health_failingRefreshWithAValidKey_isUpWithAWarningTheFailuresAndTheLastError() {
        KEY.storeDown = true;
        KEY.refreshing.refresh();
        KEY.refreshing.refresh();
        HttpResponse<String> health = health();
        assertEquals(200, health.statusCode());
        String body = health.body();
        assertTrue(
                body.contains("\"status\":\"UP\"")
                        && body.contains("\"state\":\"WARNING\"")
                        && body.contains("\"consecutiveFailures\":2")
                        && body.contains("\"lastError\":\"InternalFailure (HTTP 500)\"")
                        && body.contains("\"warning\":"),
                body);
    }

    @Test
    void health_noKeyLeft_isDown() {
        KEY.noKeyLeft = true;
        HttpResponse<String> health = health();
        assertEquals(503, health.statusCode());
        assertTrue(
                health.body().contains("\"status\":\"DOWN\"") && health.body().contains("revoked"), health.body());
    }

    @Test
    void meters_countKeyRefreshSuccessesAndFailures() {
        double failures = meters.get("cloudfront.key.refreshes")
                .tag("result", "failure")
                .functionCounter()
                .count();
        double successes = meters.get("cloudfront.key.refreshes")
                .tag("result", "success")
                .functionCounter()
                .count();
        KEY.storeDown = true;
        KEY.refreshing.refresh();
        assertEquals(
                failures + 1,
                meters.get("cloudfront.key.refreshes")
                        .tag("result", "failure")
                        .functionCounter()
                        .count());
        KEY.storeDown = false;
        KEY.refreshing.refresh();
        assertEquals(
                successes + 1,
                meters.get("cloudfront.key.refreshes")
                        .tag("result", "success")
                        .functionCounter()
                        .count());
    }
}
