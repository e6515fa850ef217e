package io.github.cloudfrontsigned.quarkusrest;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bad {@code cloudfront.url.ttl} stops a Quarkus REST application's start-up, naming the property and the fix. */
final class BadDurationStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.application("""
            cloudfront.key-pair-id=K2JCJMDEHXQW5F
            cloudfront.private-key.location=%s
            cloudfront.protected-prefixes=https://cdn.example.com/private/
            cloudfront.url.ttl=ten minutes
            """.formatted(StartupFailures.KEY_FILE.toUri()),
            "cloudfront.url.ttl", "\"ten minutes\"", "application.properties", "10m");

    @Test
    void badDuration_stopsStartUpWithThePropertyValueSourceAndFix() {
        fail("the application started with cloudfront.url.ttl=ten minutes");
    }
}
