package io.github.cloudfrontsigned.spring;

import io.github.cloudfrontsigned.config.ConfigurationException;
import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ConfigurationException} that stopped the application into Spring Boot's startup report: the
 * description lists each bad property with its value as found (secrets redacted, never key material), where it
 * came from, what is wrong and the fix; the action names each property as written in the environment. Registered in {@code META-INF/spring.factories};
 * created by Spring Boot. Thread-safe.
 */
public final class CloudFrontFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

    /** Created by Spring Boot's {@code SpringFactoriesLoader}. */
    public CloudFrontFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        StringBuilder action = new StringBuilder("Correct ")
                .append(cause.problems().size() == 1 ? "this property" : "these properties")
                .append(" where it is set (the origin is in parentheses above): application.properties,"
                        + " application.yml or the environment:");
        for (ConfigurationException.Problem p : cause.problems()) {
            action.append("\n  ")
                    .append(p.property())
                    .append(" (environment variable ")
                    .append(p.property().replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
                    .append(')');
        }
        action.append("\nThe README's Configuration table describes every property and its default.");
        return new FailureAnalysis(cause.getMessage(), action.toString(), cause);
    }
}
