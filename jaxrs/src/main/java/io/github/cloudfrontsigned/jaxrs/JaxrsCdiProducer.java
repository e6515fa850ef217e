package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.CloudFrontSigner;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the configured signer injectable with CDI ({@code @Inject CloudFrontSigner signer}) where CDI runs: the
 * jar's {@code META-INF/beans.xml} (discovery mode {@code annotated}) makes this class a bean, and nothing else
 * touches the CDI API, so applications without CDI never load it. The signer is the one
 * {@link CloudFrontSignedFeature} configured for the application of the current thread's context class loader.
 *
 * <p>An enabled alternative with priority {@value #PRIORITY}: it wins over the servlet module's producer (priority
 * 100) where both jars are deployed, so injection is never ambiguous; an application's own producer wins when it
 * is an {@code @Alternative} with a higher {@code @Priority}.
 */
@Dependent
@Alternative
@Priority(JaxrsCdiProducer.PRIORITY)
class JaxrsCdiProducer {

    /** The alternative's priority (the servlet module's producer has 100). */
    static final int PRIORITY = 110;

    /**
     * @return the application's signer; {@code @Dependent}, because a final class cannot have a client proxy
     * @throws IllegalStateException if no JAX-RS application with {@link CloudFrontSignedFeature} has been
     *     deployed for the current class loader
     */
    @Produces
    @Dependent
    CloudFrontSigner signer() {
        return SigningState.forCurrentApplication().configuration().signer();
    }
}
