package io.github.cloudfrontsigned.jaxrs.app;

import io.github.cloudfrontsigned.jaxrs.CloudFrontSigned;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** {@code @CloudFrontSigned} on the application: every resource is bound, with the configured defaults. */
@CloudFrontSigned
public class SignedApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MisconfiguredResources.Plain.class);
    }
}
