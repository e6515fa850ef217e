package io.github.cloudfrontsigned.config;

import io.github.cloudfrontsigned.CloudFrontSignedException;
import java.util.List;
import java.util.Objects;

/**
 * The configuration is invalid: every problem found, not only the first. The message has a header line and
 * then one line per problem that begins with the property name, followed by the value as found (secrets
 * redacted), where it came from, what is wrong and how to fix it:
 *
 * <pre>{@code
 * CloudFront signing configuration has 2 problems:
 *   cloudfront.url.ttl = "-5m" (init-param of filter "cloudfront"): must be positive; write a duration such as 10m or PT10M
 *   cloudfront.private-key.location = "/etc/cf/pk.pem" (env): Cannot load key from file /etc/cf/pk.pem: no such file
 * }</pre>
 *
 * <p>Never contains key material or passphrases. Thread safety: immutable once thrown.
 */
public final class ConfigurationException extends CloudFrontSignedException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param property the property name, for example {@code cloudfront.url.ttl}
     * @param value the value as shown in messages ({@code null} when the property is missing; secrets redacted)
     * @param source where the value came from, or {@code null}
     * @param message what is wrong and the fix
     */
    public record Problem(String property, String value, String source, String message) {
        /**
         * Checks that the property and the message are present.
         *
         * @param property the property name
         * @param value the value as shown, or {@code null}
         * @param source where the value came from, or {@code null}
         * @param message what is wrong and the fix
         */
        public Problem {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(message, "message");
        }

        /** @return the problem's line, without indentation */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(property);
            if (value != null) {
                sb.append(" = \"").append(value).append('"');
            } else {
                sb.append(" (not set)");
            }
            if (source != null && value != null) {
                sb.append(" (").append(source).append(')');
            }
            return sb.append(": ").append(message).toString();
        }

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641)
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Problem)) {
                return false;
            }
            Problem other = (Problem) o;
            return java.util.Objects.equals(property, other.property)
                    && java.util.Objects.equals(value, other.value)
                    && java.util.Objects.equals(source, other.source)
                    && java.util.Objects.equals(message, other.message);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(property, value, source, message);
        }
    }

    private final transient List<Problem> problems;

    /**
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigurationException(List<Problem> problems) {
        super(format(problems), null);
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in the order they were found */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder("CloudFront signing configuration has ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
