package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** With the servlet and JAX-RS jars both deployed, each a bean archive, {@code @Inject} is never ambiguous. */
final class CdiProducersTest {

    private static Class<?> resolvedProducer(BeanManager beans, Class<?> type) {
        Bean<?> bean = beans.resolve(beans.getBeans(type));
        return bean.getBeanClass();
    }

    @Test
    void bothJars_injectionResolvesToTheJaxrsProducer() {
        // discovery on: the jars' META-INF/beans.xml make their producers beans, as in a WAR
        try (WeldContainer cdi = new Weld().initialize()) {
            assertTrue(cdi.select(CloudFrontSigner.class).isResolvable());
            assertFalse(cdi.select(CloudFrontSigner.class).isAmbiguous());
            assertEquals(
                    "io.github.cloudfrontsigned.jaxrs.JaxrsCdiProducer",
                    resolvedProducer(cdi.getBeanManager(), CloudFrontSigner.class)
                            .getName());
            assertEquals(
                    "io.github.cloudfrontsigned.servlet.ServletCdiProducer",
                    resolvedProducer(cdi.getBeanManager(), SigningConfiguration.class)
                            .getName());
        }
    }
}
