package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.KeyStatus;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * The {@code cloudfront} health indicator on Spring Boot 3, whose health API
 * ({@code org.springframework.boot.actuate.health}) this module is not compiled against: the same state as
 * {@link CloudFrontHealthIndicator}, as a proxy of Boot 3's {@code HealthIndicator} built reflectively, registered
 * with that interface as its bean type so that Actuator finds it. Thread-safe.
 */
final class Boot3HealthIndicator implements BeanDefinitionRegistryPostProcessor {

    private static final String PACKAGE = "org.springframework.boot.actuate.health.";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition("cloudfrontHealthIndicator") || !(registry instanceof BeanFactory)) {
            return;
        }
        BeanFactory beans = (BeanFactory) registry;
        Class<?> indicator;
        try {
            indicator = Class.forName(PACKAGE + "HealthIndicator", false, Boot3HealthIndicator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(indicator);
        definition.setInstanceSupplier(() -> proxy(indicator, beans.getBean(SigningConfiguration.class)));
        registry.registerBeanDefinition("cloudfrontHealthIndicator", definition);
    }

    private static Object proxy(Class<?> indicator, SigningConfiguration configuration) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "health":
                    return health(configuration.keyStatus());
                case "toString":
                    return "CloudFront health indicator (Spring Boot 3)";
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.toString());
            }
        };
        return Proxy.newProxyInstance(indicator.getClassLoader(), new Class<?>[] {indicator}, handler);
    }

    /** {@code Health.up()/down().withDetails(details).build()}, by reflection. */
    private static Object health(KeyStatus status) throws ReflectiveOperationException {
        Class<?> health = Class.forName(PACKAGE + "Health", true, Boot3HealthIndicator.class.getClassLoader());
        Object builder = health.getMethod(status.isUp() ? "up" : "down").invoke(null);
        Method withDetails = builder.getClass().getMethod("withDetails", java.util.Map.class);
        builder = withDetails.invoke(builder, status.details());
        return builder.getClass().getMethod("build").invoke(builder);
    }
}
