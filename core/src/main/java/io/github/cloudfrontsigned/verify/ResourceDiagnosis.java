package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.internal.ResourcePattern;
import io.github.cloudfrontsigned.internal.VerificationCost;

/**
 * Explains why a verified custom policy's {@code Resource} does not cover the requested URL: where they part,
 * side by side, and whether the URL as it was before a re-encoding, a scheme or host change or an added query
 * parameter would have been covered. Runs only on failure, within the request's {@link VerificationCost}: each
 * variant's match is charged to the diagnosis budget and the search stops when it is spent. Thread safety:
 * stateless.
 */
final class ResourceDiagnosis {

    private ResourceDiagnosis() {}

    static String explain(
            ResourcePattern pattern,
            String url,
            ResourcePattern.Mismatch mismatch,
            SignedRequest s,
            VerificationCost cost) {
        String resource = pattern.resource();
        StringBuilder sb = new StringBuilder(300)
                .append("the requested URL is not covered by the policy Resource: ")
                .append(mismatch.summary(resource, url))
                .append('\n')
                .append(mismatch.diagram(resource, url));
        ViewerRequest r = s.request();
        UrlVariants.Variant v = UrlVariants.find(
                r.scheme(),
                r.host(),
                r.rawPath(),
                s.unsignedQuery(),
                cost,
                variant -> cost.diagnose(pattern.cost(variant.url().length())) && pattern.matches(variant.url(), cost));
        if (v != null) {
            sb.append('\n').append(UrlVariants.explain(v, url, true));
        }
        return sb.toString();
    }
}
