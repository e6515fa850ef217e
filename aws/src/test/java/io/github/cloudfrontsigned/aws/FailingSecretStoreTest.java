package io.github.cloudfrontsigned.aws;

import static io.github.cloudfrontsigned.aws.AwsTestSupport.RSA;
import static io.github.cloudfrontsigned.aws.AwsTestSupport.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.KeyStatus;
import io.github.cloudfrontsigned.LogCapture;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.key.RefreshingPrivateKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Secrets Manager on 127.0.0.1 that starts answering HTTP 500 after the startup fetch, with a key configured from
 * properties ({@code secretsmanager:} location, 1 s refresh interval): requests are counted, not timed. Without
 * backoff (every 1 s) and with the SDK's default retries (3 to 4 attempts a call) the store got 12 requests in 5 s;
 * with backoff (attempts 2 s, 4 s, 8 s apart, up to 20% earlier) and 2 attempts a call it gets at most 6 in 6 s.
 */
final class FailingSecretStoreTest {

    private final LocalAwsEndpoint aws = LocalAwsEndpoint.open();

    @BeforeAll
    static void credentialsForTheDefaultChain() {
        System.setProperty(
                "aws.accessKeyId",
                AwsTestSupport.CREDENTIALS.resolveCredentials().accessKeyId());
        System.setProperty(
                "aws.secretAccessKey",
                AwsTestSupport.CREDENTIALS.resolveCredentials().secretAccessKey());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private SigningConfiguration read() {
        Map<String, String> m = new HashMap<>();
        m.put("cloudfront.key-pair-id", "KAWS");
        m.put("cloudfront.protected-prefixes", "https://d111111abcdef8.cloudfront.net/private/");
        m.put("cloudfront.private-key.location", "secretsmanager:cloudfront/private-key");
        m.put(AwsProperties.REFRESH_INTERVAL, "1s");
        m.put(AwsProperties.REGION, "eu-west-1");
        m.put(AwsProperties.SECRETSMANAGER_ENDPOINT, aws.uri().toString());
        return SigningConfiguration.read(ConfigLookup.of(m, "test properties"));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void storeAnswering500_isAskedWithBackoff_keyStaysInUse_oneWarningAndOneInfo() throws Exception {
        aws.secretString = pem(RSA.getPrivate());
        AtomicLong requestsWhileFailing = new AtomicLong();
        AtomicReference<KeyStatus> whileFailing = new AtomicReference<>();
        AtomicReference<KeyStatus> afterRecovery = new AtomicReference<>();
        List<LogRecord> records = LogCapture.logged(RefreshingPrivateKey.class, () -> {
            try (SigningConfiguration configuration = read()) {
                long before = aws.count(LocalAwsEndpoint.GET_SECRET_VALUE);
                aws.failures.put(LocalAwsEndpoint.GET_SECRET_VALUE, "InternalFailure");
                Thread.sleep(6000);
                requestsWhileFailing.set(aws.count(LocalAwsEndpoint.GET_SECRET_VALUE) - before);
                whileFailing.set(configuration.keyStatus());
                configuration
                        .signer()
                        .signUrl("https://d111111abcdef8.cloudfront.net/private/a.jpg", Duration.ofMinutes(5));
                aws.failures.clear();
                await(() -> configuration.keyStatus().state() == KeyStatus.State.UP);
                afterRecovery.set(configuration.keyStatus());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        // 1 s interval: attempts after 1 s, then 2 s and 4 s later (jitter: up to 20% earlier), 2 requests each
        long requests = requestsWhileFailing.get();
        System.out.println("FailingSecretStoreTest: " + requests + " requests to the store answering 500 in 6 s");
        assertTrue(requests >= 2 && requests <= 8, "requests to the failing store in 6 s: " + requests);
        KeyStatus failing = whileFailing.get();
        assertEquals(KeyStatus.State.WARNING, failing.state());
        assertTrue(failing.isUp());
        assertTrue(failing.consecutiveFailures() >= 1, failing.toString());
        assertTrue(
                failing.lastError().contains("InternalFailure")
                        && failing.lastError().contains("HTTP 500"),
                failing.lastError());
        assertEquals("AWS Secrets Manager secret \"cloudfront/private-key\"", failing.source());
        assertEquals("KAWS", failing.keyPairId());
        assertEquals(KeyStatus.State.UP, afterRecovery.get().state());
        assertEquals(0, afterRecovery.get().consecutiveFailures());
        List<String> messages = LogCapture.messages(records);
        assertEquals(
                1, records.stream().filter(r -> r.getLevel() == Level.WARNING).count(), messages.toString());
        assertEquals(
                1, messages.stream().filter(m -> m.contains("succeeded again")).count(), messages.toString());
    }
}
