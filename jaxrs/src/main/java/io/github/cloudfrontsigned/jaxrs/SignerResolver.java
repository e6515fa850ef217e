package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import jakarta.ws.rs.ext.ContextResolver;

/** Gives resources the configured signer through {@code @Context Providers}: see {@link CloudFrontSignedFeature#signer}. */
final class SignerResolver implements ContextResolver<CloudFrontSigner> {

    private final SigningState state;

    SignerResolver(SigningState state) {
        this.state = state;
    }

    @Override
    public CloudFrontSigner getContext(Class<?> type) {
        return state.configuration().signer();
    }
}
