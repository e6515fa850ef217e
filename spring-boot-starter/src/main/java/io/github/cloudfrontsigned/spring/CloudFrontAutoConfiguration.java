package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.EdgeConfiguration;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.servlet.CloudFrontAccessPolicy;
import io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter;
import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of cloudfront-signed for Spring Boot, listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <p>With {@code cloudfront.key-pair-id} set, from the {@code Environment} (so {@code application.properties},
 * YAML, {@code CLOUDFRONT_KEY_PAIR_ID} and every other Spring property source, with relaxed binding):
 * <ul>
 *   <li>a {@link SigningConfiguration} bean read by the core module from the same property names as
 *       {@code web.xml} and MicroProfile Config; an invalid one stops the application, and
 *       {@link CloudFrontFailureAnalyzer} reports each property, its value (never key material) and the fix;</li>
 *   <li>a {@link CloudFrontSigner} bean, its signer, for application code;</li>
 *   <li>in a servlet web application with {@code cloudfront.protected-prefixes} or
 *       {@code cloudfront.cookie.resources} set, the {@link CloudFrontSigningFilter} registered through a
 *       {@link FilterRegistrationBean} on {@code cloudfront.filter.url-patterns} (default {@code /*}) for the
 *       REQUEST, ASYNC and ERROR dispatches, after Spring Security's filter chain
 *       ({@code cloudfront.filter.order}, default 0), so that {@code {user}} and {@code cloudfront.auth.roles}
 *       see the authenticated principal. A {@link CloudFrontAccessPolicy} bean, if there is exactly one, decides
 *       who gets which signatures.</li>
 * </ul>
 * With {@code cloudfront.edge.trusted-keys} set, the local edge, {@link CloudFrontEdgeFilter}, guards
 * {@code cloudfront.edge.url-patterns} (for development and self-hosted origins). With Actuator on the class path
 * an {@code info} contributor, the {@code cloudfront} health indicator and, with Micrometer, meters are added (see
 * the README, "Operating it").
 *
 * <p>Every bean backs off when the application defines its own of the same type: a {@code SigningConfiguration}
 * bean built in code (for example with a signer whose key comes from elsewhere) is used by the filter, the meters
 * and the info contributor; a {@code CloudFrontSigner} bean replaces only the signer handed to application code.
 * {@code cloudfront.enabled=false} turns all of it off.
 */
@AutoConfiguration
@ConditionalOnClass(SigningConfiguration.class)
@ConditionalOnProperty(prefix = "cloudfront", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CloudFrontAutoConfiguration {

    /** The filters' dispatches: a request, its asynchronous continuation, and error pages. */
    private static final DispatcherType[] DISPATCHES = {
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR
    };

    /** Created by Spring Boot. */
    public CloudFrontAutoConfiguration() {}

    /** The configuration and the signer, from {@code cloudfront.*} properties. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cloudfront", name = "key-pair-id")
    static class Signing {

        /**
         * Reads and validates the configuration, loading every key; closed (stopping background key refresh) when
         * the context closes.
         *
         * @throws ConfigurationException listing every problem, reported by {@link CloudFrontFailureAnalyzer}
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        SigningConfiguration cloudFrontSigningConfiguration(Environment environment) {
            return SigningConfiguration.read(new EnvironmentConfigLookup(environment), false);
        }

        @Bean
        @ConditionalOnMissingBean
        CloudFrontSigner cloudFrontSigner(SigningConfiguration configuration) {
            return configuration.signer();
        }
    }

    /** The signing filter in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cloudfront", name = "key-pair-id")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    @EnableConfigurationProperties(CloudFrontProperties.class)
    static class SigningFilter {

        @Bean
        @ConditionalOnMissingBean(name = "cloudFrontSigningFilter")
        FilterRegistrationBean<CloudFrontSigningFilter> cloudFrontSigningFilter(
                SigningConfiguration configuration,
                ObjectProvider<CloudFrontAccessPolicy> accessPolicy,
                CloudFrontProperties properties) {
            CloudFrontAccessPolicy policy = accessPolicy.getIfUnique();
            CloudFrontSigningFilter filter = policy == null
                    ? new CloudFrontSigningFilter(configuration)
                    : new CloudFrontSigningFilter(configuration, policy);
            FilterRegistrationBean<CloudFrontSigningFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("cloudFrontSigningFilter");
            registration.setUrlPatterns(properties.getFilter().getUrlPatterns());
            registration.setDispatcherTypes(DISPATCHES[0], DISPATCHES[1], DISPATCHES[2]);
            registration.setAsyncSupported(true);
            registration.setOrder(properties.getFilter().getOrder());
            // a configuration with neither prefixes nor cookie resources only provides the signer bean
            registration.setEnabled(!configuration.protectedPrefixes().isEmpty()
                    || !configuration.cookies().isEmpty());
            return registration;
        }
    }

    /** The local edge: verifies signed URLs and cookies as CloudFront does. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cloudfront.edge", name = "trusted-keys")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    @EnableConfigurationProperties(CloudFrontProperties.class)
    static class Edge {

        /**
         * @throws ConfigurationException if a trusted key cannot be read, or no URL pattern is configured
         */
        @Bean
        @ConditionalOnMissingBean
        CloudFrontEdgeFilter cloudFrontEdgeFilter(Environment environment, CloudFrontProperties properties) {
            if (properties.getEdge().getUrlPatterns().isEmpty()) {
                throw new ConfigurationException(List.of(new ConfigurationException.Problem(
                        "cloudfront.edge.url-patterns",
                        null,
                        null,
                        "required with "
                                + ConfigProperties.EDGE_TRUSTED_KEYS + ": the paths the local edge guards, for example"
                                + " /cdn/*")));
            }
            return new CloudFrontEdgeFilter(EdgeConfiguration.read(new EnvironmentConfigLookup(environment)));
        }

        @Bean
        FilterRegistrationBean<CloudFrontEdgeFilter> cloudFrontEdgeFilterRegistration(
                CloudFrontEdgeFilter filter, CloudFrontProperties properties) {
            FilterRegistrationBean<CloudFrontEdgeFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("cloudFrontEdgeFilter");
            registration.setUrlPatterns(properties.getEdge().getUrlPatterns());
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setOrder(properties.getEdge().getOrder());
            return registration;
        }
    }

    /** Actuator's {@code info} endpoint: the signing key's identity, never the key. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cloudfront", name = "key-pair-id")
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class Info {

        @Bean
        @ConditionalOnMissingBean(name = "cloudFrontInfoContributor")
        CloudFrontInfoContributor cloudFrontInfoContributor(SigningConfiguration configuration) {
            return new CloudFrontInfoContributor(configuration.signer());
        }
    }

    /**
     * Actuator's {@code health} endpoint: {@code /actuator/health/cloudfront}, the signing key's state (Spring Boot
     * 4's health API on the class path).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cloudfront", name = "key-pair-id")
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class KeyHealth {

        /** The bean name gives the contributor name {@code cloudfront}. */
        @Bean
        @ConditionalOnMissingBean(name = "cloudfrontHealthIndicator")
        CloudFrontHealthIndicator cloudfrontHealthIndicator(SigningConfiguration configuration) {
            return new CloudFrontHealthIndicator(configuration);
        }
    }

    /** {@code /actuator/health/cloudfront} on Spring Boot 3 (its health API, which this module is not built on). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cloudfront", name = "key-pair-id")
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3KeyHealth {

        @Bean
        static Boot3HealthIndicator cloudfrontBoot3HealthIndicator() {
            return new Boot3HealthIndicator();
        }
    }

    /** Micrometer meters of the signer and the local edge, bound by Boot to every meter registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "io.micrometer.core.instrument.binder.MeterBinder",
                "org.springframework.boot.actuate.info.InfoContributor"
            })
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean(name = "cloudFrontMeters")
        CloudFrontMeters cloudFrontMeters(
                ObjectProvider<SigningConfiguration> configuration, ObjectProvider<CloudFrontEdgeFilter> edge) {
            SigningConfiguration c = configuration.getIfUnique();
            return new CloudFrontMeters(c == null ? null : c.signer(), edge.getIfUnique());
        }
    }
}
