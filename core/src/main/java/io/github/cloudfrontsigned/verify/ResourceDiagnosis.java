package io.github.cloudfrontsigned.verify;

import io.github.cloudfrontsigned.internal.ResourcePattern;

/**
 * Explains why a verified custom policy's {@code Resource} does not cover the requested URL: where they part,
 * side by side, and whether the URL as it was before a re-encoding, a scheme or host change or an added query
 * parameter would have been covered. Runs only on failure. Thread safety: stateless.
 */
final class ResourceDiagnosis {

    private ResourceDiagnosis() {
    }

    static String explain(ResourcePattern pattern, String url, ResourcePattern.Mismatch mismatch, SignedRequest s) {
        String resource = pattern.resource();
        StringBuilder sb = new StringBuilder(300)
                .append("the requested URL is not covered by the policy Resource: ")
                .append(mismatch.summary(resource, url)).append('\n')
                .append(mismatch.diagram(resource, url));
        ViewerRequest r = s.request();
        for (UrlVariants.Variant v : UrlVariants.of(r.scheme(), r.host(), r.rawPath(), s.unsignedQuery())) {
            if (pattern.matches(v.url())) {
                sb.append('\n').append(UrlVariants.explain(v, url, true));
                break;
            }
        }
        return sb.toString();
    }
}
