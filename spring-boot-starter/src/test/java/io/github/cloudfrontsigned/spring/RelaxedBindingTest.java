package io.github.cloudfrontsigned.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.spring.app.MediaApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The property names as environment variables, the way Spring Boot maps them: the environment is Spring's own
 * {@link SystemEnvironmentPropertySource}, given these variables instead of the JVM's.
 */
final class RelaxedBindingTest {

    private static ConfigurableApplicationContext start(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        SpringApplication application = new SpringApplication(MediaApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        return application.run();
    }

    @Test
    void environmentVariables_configureTheSigner() {
        try (ConfigurableApplicationContext context = start(Map.of(
                "CLOUDFRONT_KEY_PAIR_ID", "K2JCJMDEHXQW5F",
                "CLOUDFRONT_PRIVATE_KEY_LOCATION",
                        TestKeys.pemFile(TestKeys.EC.getPrivate()).toString(),
                "CLOUDFRONT_PROTECTED_PREFIXES", "https://cdn.example.com/private/,https://cdn.example.com/media/",
                "CLOUDFRONT_URL_TTL", "10m"))) {
            SigningConfiguration configuration = context.getBean(SigningConfiguration.class);
            assertEquals(
                    "K2JCJMDEHXQW5F", context.getBean(CloudFrontSigner.class).activeKeyPairId());
            assertEquals(Duration.ofMinutes(10), configuration.urlTtl());
            assertEquals(
                    List.of("https://cdn.example.com/private/", "https://cdn.example.com/media/"),
                    configuration.protectedPrefixes());
        }
    }

    @Test
    void canonicalEnvironmentVariables_workToo() {
        try (ConfigurableApplicationContext context = start(Map.of(
                "CLOUDFRONT_KEY_PAIR_ID", "K2JCJMDEHXQW5F",
                "CLOUDFRONT_PRIVATEKEY_LOCATION",
                        TestKeys.pemFile(TestKeys.EC.getPrivate()).toString(),
                "CLOUDFRONT_COOKIE_REFRESHMARGIN", "2m"))) {
            assertEquals(
                    Duration.ofMinutes(2),
                    context.getBean(SigningConfiguration.class).cookieRefreshMargin());
        }
    }
}
