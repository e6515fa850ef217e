package io.github.cloudfrontsigned.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own properties: where the filters are registered. The signing properties
 * ({@code cloudfront.key-pair-id}, {@code cloudfront.protected-prefixes}, ...) are the core module's, read by
 * {@code SigningConfiguration.read} through the {@code Environment}; they are listed in the configuration metadata
 * and the README, not here. Mutable JavaBean for Spring's binder; not thread-safe while being bound, read-only
 * afterwards.
 */
@ConfigurationProperties("cloudfront")
public class CloudFrontProperties {

    private final Filter filter = new Filter();
    private final Edge edge = new Edge();

    /** Creates the defaults. */
    public CloudFrontProperties() {}

    /** @return the signing filter's registration */
    public Filter getFilter() {
        return filter;
    }

    /** @return the local edge filter's registration */
    public Edge getEdge() {
        return edge;
    }

    /** Registration of {@code CloudFrontSigningFilter}. */
    public static class Filter {
        /** URL patterns the signing filter is mapped to (servlet URL patterns). */
        private List<String> urlPatterns = new ArrayList<>(List.of("/*"));
        /**
         * Order of the signing filter among the servlet filters; it must run after Spring Security's filter chain
         * (order -100), so that {@code {user}} and role checks see the authenticated principal.
         */
        private int order = 0;

        /** Creates the defaults. */
        public Filter() {}

        /** @return the URL patterns; default {@code /*} */
        public List<String> getUrlPatterns() {
            return urlPatterns;
        }

        /** @param urlPatterns servlet URL patterns such as {@code /*} or {@code /library/*} */
        public void setUrlPatterns(List<String> urlPatterns) {
            this.urlPatterns = urlPatterns;
        }

        /** @return the filter order; default 0 */
        public int getOrder() {
            return order;
        }

        /** @param order the filter order; greater than -100 to run after Spring Security */
        public void setOrder(int order) {
            this.order = order;
        }
    }

    /** Registration of {@code CloudFrontEdgeFilter}, the local stand-in for CloudFront. */
    public static class Edge {
        /**
         * URL patterns the local edge filter guards, for example {@code /cdn/*}; required with
         * {@code cloudfront.edge.trusted-keys}. Servlet URL patterns: the container matches them against its
         * decoded, normalized path, so every spelling of a guarded path reaches the filter.
         */
        private List<String> urlPatterns = new ArrayList<>();
        /** Order of the edge filter; before Spring Security (-100), so that the edge answers as CloudFront would. */
        private int order = -110;

        /** Creates the defaults. */
        public Edge() {}

        /** @return the URL patterns; default none */
        public List<String> getUrlPatterns() {
            return urlPatterns;
        }

        /** @param urlPatterns servlet URL patterns such as {@code /cdn/*} */
        public void setUrlPatterns(List<String> urlPatterns) {
            this.urlPatterns = urlPatterns;
        }

        /** @return the filter order; default -110 */
        public int getOrder() {
            return order;
        }

        /** @param order the filter order */
        public void setOrder(int order) {
            this.order = order;
        }
    }
}
