package example;

import example.checks.CloudFrontChecks;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/** Writes a new key where application.properties names it, before Quarkus starts the application. */
public class KeyFile implements QuarkusTestResourceLifecycleManager {

    static volatile CloudFrontChecks cloudFront;

    @Override
    public Map<String, String> start() {
        try {
            cloudFront = CloudFrontChecks.newKey(
                    Path.of("target/keys/private_key.pem").toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {}
}
