package io.github.cloudfrontsigned.quarkusrest;

import io.github.cloudfrontsigned.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Puts a key generated for this test run where application.properties leaves the key's location open. */
public final class GeneratedKey implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "cloudfront.private-key.location",
                TestKeys.pemFile(TestKeys.RSA.getPrivate()).toString());
    }

    @Override
    public void stop() {}
}
