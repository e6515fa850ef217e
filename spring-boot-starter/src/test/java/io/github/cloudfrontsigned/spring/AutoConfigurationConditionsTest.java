package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** When the auto-configuration steps in and when it backs off: Spring Boot's own context runner. */
final class AutoConfigurationConditionsTest {

    private static final CloudFrontSigner OWN = CloudFrontSigner.builder()
            .key("KOWNSIGNER", TestKeys.EC.getPrivate())
            .build();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CloudFrontAutoConfiguration.class));

    private static String[] keyProperties() {
        return new String[] {
            "cloudfront.key-pair-id=K2JCJMDEHXQW5F",
            "cloudfront.private-key.location=" + TestKeys.pemFile(TestKeys.RSA.getPrivate())
        };
    }

    @Test
    void withoutKeyPairId_nothingIsConfigured() {
        runner.run(context -> {
            assertFalse(context.containsBean("cloudFrontSigningConfiguration"));
            assertTrue(context.getBeansOfType(CloudFrontSigner.class).isEmpty());
            assertTrue(context.getBeansOfType(FilterRegistrationBean.class).isEmpty());
        });
    }

    @Test
    void keysOnly_giveASignerAndADisabledFilter() {
        runner.withPropertyValues(keyProperties()).run(context -> {
            assertEquals(
                    "K2JCJMDEHXQW5F", context.getBean(CloudFrontSigner.class).activeKeyPairId());
            assertFalse(context.getBean("cloudFrontSigningFilter", FilterRegistrationBean.class)
                    .isEnabled());
        });
    }

    @Test
    void applicationSigner_replacesTheAutoConfiguredOne() {
        runner.withPropertyValues(keyProperties())
                .withBean(CloudFrontSigner.class, () -> OWN)
                .run(context -> {
                    assertSame(OWN, context.getBean(CloudFrontSigner.class));
                });
    }

    @Test
    void applicationSigningConfiguration_isWhatTheFilterUses() {
        SigningConfiguration own = SigningConfiguration.builder()
                .signer(OWN)
                .protectedPrefixes(java.util.List.of("https://cdn.example.com/private/"))
                .build();
        runner.withPropertyValues("cloudfront.key-pair-id=KOWNSIGNER")
                .withBean(SigningConfiguration.class, () -> own)
                .run(context -> {
                    assertSame(OWN, context.getBean(CloudFrontSigner.class));
                    assertTrue(context.getBean("cloudFrontSigningFilter", FilterRegistrationBean.class)
                            .isEnabled());
                });
    }

    @Test
    void withoutActuator_noInfoContributorAndNoMeters() {
        runner.withPropertyValues(keyProperties())
                .withClassLoader(new FilteredClassLoader(InfoContributor.class, MeterBinder.class))
                .run(context -> {
                    assertFalse(context.containsBean("cloudFrontInfoContributor"));
                    assertFalse(context.containsBean("cloudFrontMeters"));
                    assertTrue(context.containsBean("cloudFrontSigner"));
                });
    }

    @Test
    void withActuator_infoContributorAndMeters() {
        runner.withPropertyValues(keyProperties()).run(context -> {
            assertTrue(context.containsBean("cloudFrontInfoContributor"));
            assertTrue(context.containsBean("cloudFrontMeters"));
        });
    }
}
