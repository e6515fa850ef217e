package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.KeyStatus;
import io.github.cloudfrontsigned.config.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness check {@value #NAME} (in {@code /health/ready}, on Quarkus {@code /q/health/ready}):
 * the signing key's state ({@link io.github.cloudfrontsigned.config.SigningConfiguration#keyStatus()}) of the
 * JAX-RS application with {@link CloudFrontSignedFeature}. UP while a key signs, with a {@code warning} entry when
 * its refreshing source fails (the last good key is still in use); DOWN only when no key can sign. An application
 * without a configured key (the jar on its class path, no {@code @CloudFrontSigned} in use) is UP with
 * {@code state=NOT_CONFIGURED}, so that the library never keeps an application from becoming ready. Data: {@code state}, {@code keyPairId}, {@code keyType}, {@code source},
 * {@code lastLoaded}, {@code refreshing}, {@code consecutiveFailures}, {@code lastError}, {@code warning}; never key
 * material.
 *
 * <p>A bean only where CDI runs with the MicroProfile Health API on the class path (Payara, WildFly, Open Liberty,
 * Quarkus with {@code quarkus-smallrye-health}): the jar's {@code beans.xml} (discovery mode {@code annotated})
 * makes it one, and a CDI container that cannot load the Health API skips the class. Nothing else refers to it.
 * Thread-safe.
 */
@Readiness
@ApplicationScoped
public class CloudFrontReadinessCheck implements HealthCheck {

    /** The check's name in the health response. */
    public static final String NAME = "cloudfront";

    /** Created by CDI. */
    public CloudFrontReadinessCheck() {}

    /** @return the key's state as a readiness response; never throws */
    @Override
    public HealthCheckResponse call() {
        KeyStatus status;
        try {
            status = SigningState.forCurrentApplication().configuration().keyStatus();
        } catch (IllegalStateException | ConfigurationException e) {
            // no JAX-RS application with the feature here, or one with no key configured at all (it uses no
            // @CloudFrontSigned resource): nothing to sign with, and nothing that should keep the application unready
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("state", "NOT_CONFIGURED")
                    .withData("reason", "no CloudFront key is configured for this application")
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("state", KeyStatus.State.DOWN.name())
                    .withData("lastError", String.valueOf(e.getMessage()))
                    .build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(status.isUp());
        for (Map.Entry<String, Object> d : status.details().entrySet()) {
            Object v = d.getValue();
            if (v instanceof Boolean) {
                response.withData(d.getKey(), (Boolean) v);
            } else if (v instanceof Number) {
                response.withData(d.getKey(), ((Number) v).longValue());
            } else {
                response.withData(d.getKey(), String.valueOf(v));
            }
        }
        return response.build();
    }
}
