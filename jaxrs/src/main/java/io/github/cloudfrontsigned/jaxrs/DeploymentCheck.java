package io.github.cloudfrontsigned.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Resolves and checks the settings of every {@link CloudFrontSigned} resource method while the application is
 * deployed, so that an incomplete configuration or a bad attribute stops the deployment with the property or
 * attribute named, instead of failing requests later, and attaches them to the method: registers a
 * {@link ResourceBinding} for it, so that its requests find them without a lookup.
 */
final class DeploymentCheck implements DynamicFeature {

    private final SigningState state;

    DeploymentCheck(SigningState state) {
        this.state = state;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (SigningState.annotation(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()) != null) {
            Class<?> resourceClass = resourceInfo.getResourceClass();
            Method method = resourceInfo.getResourceMethod();
            context.register(new ResourceBinding(
                    state.resource(resourceClass, method), ResourceSigning.where(method, resourceClass)));
        }
    }
}
