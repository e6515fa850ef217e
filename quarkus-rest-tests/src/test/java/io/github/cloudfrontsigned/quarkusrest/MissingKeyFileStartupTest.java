package io.github.cloudfrontsigned.quarkusrest;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A key file that does not exist stops a Quarkus REST application's start-up, naming the property and the path. */
final class MissingKeyFileStartupTest {

    private static final String MISSING = StartupFailures.KEY_FILE.resolveSibling("no-such-key.pem").toString();

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.application("""
            cloudfront.key-pair-id=K2JCJMDEHXQW5F
            cloudfront.private-key.location=%s
            cloudfront.protected-prefixes=https://cdn.example.com/private/
            """.formatted(MISSING),
            "cloudfront.private-key.location", MISSING, "application.properties");

    @Test
    void missingKeyFile_stopsStartUpWithThePropertyAndPath() {
        fail("the application started without its key file " + MISSING);
    }
}
