package io.github.cloudfrontsigned.config;

import io.github.cloudfrontsigned.request.CookieSpec;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks {@link SigningConfiguration.Builder#build()} runs (and the properties reader, and the JAX-RS module
 * on its per-resource overrides): prefix syntax, content types, positive lifetimes, the refresh margin, cookie
 * {@code Domain} and {@code Path} against the cookie resources, role names. Every problem is collected, each
 * naming its property and where its value came from. One instance checks one builder once.
 */
final class SigningConfigurationChecks {

    private static final String BUILDER = "SigningConfiguration.builder()";

    private final SigningConfiguration.Builder b;

    SigningConfigurationChecks(SigningConfiguration.Builder builder) {
        this.b = builder;
    }

    private ConfigurationException.Problem problem(String property, Object value, String message) {
        String[] origin = b.origins.get(property);
        if (origin != null) {
            return new ConfigurationException.Problem(property, origin[0], origin[1], message);
        }
        return new ConfigurationException.Problem(
                property, value == null ? null : String.valueOf(value), BUILDER, message);
    }

    /**
     * The problem of a configuration for the servlet filter that names nothing to sign (no protected prefix, no
     * cookie resource), also reported by {@link SharedConfigurations}.
     */
    static ConfigurationException.Problem nothingToSign(String value, String source) {
        return new ConfigurationException.Problem(
                ConfigProperties.PROTECTED_PREFIXES,
                value,
                source,
                "nothing to sign:"
                        + " set the URL prefixes whose links are signed (for example https://cdn.example.com/private/) and/or "
                        + ConfigProperties.COOKIE_RESOURCES);
    }

    List<ConfigurationException.Problem> problems(boolean requireSigner) {
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        if (requireSigner && b.signer == null) {
            problems.add(new ConfigurationException.Problem(
                    ConfigProperties.KEY_PAIR_ID, null, BUILDER, "no signer: call signer(CloudFrontSigner)"));
        }
        for (String prefix : b.protectedPrefixes) {
            String error = prefixError(prefix);
            if (error == null) {
                try {
                    LinkRewriter.builder().protectedPrefix(prefix);
                } catch (IllegalArgumentException e) {
                    error = "cannot be matched: " + e.getMessage();
                }
            }
            if (error != null) {
                problems.add(problem(
                        ConfigProperties.PROTECTED_PREFIXES, b.protectedPrefixes, "\"" + prefix + "\" " + error));
            }
        }
        if (b.requireSigningTargets && b.protectedPrefixes.isEmpty() && b.cookies.isEmpty()) {
            String[] origin = b.origins.get(ConfigProperties.PROTECTED_PREFIXES);
            problems.add(origin != null ? nothingToSign(origin[0], origin[1]) : nothingToSign(null, BUILDER));
        }
        for (String type : b.contentTypes) {
            if (!type.matches("[A-Za-z0-9!#$&^_.+*-]+/[A-Za-z0-9!#$&^_.+*-]+")) {
                problems.add(
                        problem(
                                ConfigProperties.CONTENT_TYPES,
                                b.contentTypes,
                                "\"" + type + "\" is not a media"
                                        + " type; write type/subtype without parameters, for example text/html, application/json"));
            }
        }
        positive(problems, ConfigProperties.URL_TTL, b.urlTtl, "link lifetime");
        positive(problems, ConfigProperties.COOKIE_TTL, b.cookieTtl, "cookie policy lifetime");
        if (b.cookieRefreshMargin.isNegative() || b.cookieRefreshMargin.compareTo(b.cookieTtl) >= 0) {
            problems.add(problem(
                    ConfigProperties.COOKIE_REFRESH_MARGIN,
                    b.cookieRefreshMargin,
                    "must be zero or"
                            + " more and less than " + ConfigProperties.COOKIE_TTL + " (" + b.cookieTtl
                            + "), or cookies"
                            + " would be re-issued on every response; for example a quarter of the TTL"));
        }
        checkCookies(problems);
        for (String role : b.roles) {
            if (role.isBlank()) {
                problems.add(problem(ConfigProperties.AUTH_ROLES, b.roles, "empty role name"));
            }
        }
        return problems;
    }

    private void positive(List<ConfigurationException.Problem> problems, String property, Duration d, String what) {
        if (d.isZero() || d.isNegative()) {
            problems.add(
                    problem(property, d, "the " + what + " must be positive; write for example 10m, 1h or" + " PT10M"));
        }
    }

    private void checkCookies(List<ConfigurationException.Problem> problems) {
        Set<String> paths = new HashSet<>();
        for (CookieSpec spec : b.cookies) {
            String resource = spec.resourceTemplate();
            String domain = spec.baseAttributes().domain();
            String host = host(resource);
            if (domain != null && !coversHost(domain, host)) {
                problems.add(problem(
                        ConfigProperties.COOKIE_DOMAIN,
                        domain,
                        "does not cover the host " + host
                                + " of the cookie resource " + resource + ", so browsers would never send the cookies"
                                + " there; set it to " + (host.contains("*") ? "the CDN host" : host) + " or a parent"
                                + " domain of it, or leave it unset when the application and CloudFront share a host"));
            }
            String path = spec.pathTemplate();
            // the Path CookieSpec derives from the resource alone, to compare with the one configured
            String resourcePath = CookieSpec.of(resource, spec.baseAttributes()).pathTemplate();
            if (!resourcePath.startsWith(path)) {
                problems.add(problem(
                        ConfigProperties.COOKIE_PATH,
                        path,
                        "does not cover the path " + resourcePath
                                + " of the cookie resource " + resource
                                + ", so browsers would not send the cookies there;"
                                + " use " + resourcePath + " or leave it unset"));
            }
            if (!paths.add(path)) {
                problems.add(problem(
                        ConfigProperties.COOKIE_RESOURCES,
                        b.cookies.stream().map(CookieSpec::resourceTemplate).toList(),
                        "two cookie resources share the cookie Path "
                                + path + "; one set of CloudFront cookies per Path is all a browser keeps, so give each"
                                + " resource its own directory (and leave " + ConfigProperties.COOKIE_PATH
                                + " unset)"));
            }
        }
    }

    /** The host part of a resource, lower-case; may hold wildcards. */
    private static String host(String resource) {
        int scheme = resource.indexOf("://");
        int hostStart = scheme < 0 ? 0 : scheme + 3;
        int end = resource.length();
        for (int i = hostStart; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c == '/' || c == '?' || c == ':') {
                end = i;
                break;
            }
        }
        return resource.substring(hostStart, end).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a wildcard comes before the {@code /} that ends a cookie resource's host: then the resource also
     * matches other hosts, as {@code https://d111111abcdef8.cloudfront.net*} matches
     * {@code https://d111111abcdef8.cloudfront.net.evil.example/...}, a distribution that may trust the same key
     * group.
     *
     * @param resource the resource as configured
     * @return the warning to log, or {@code null} when the host is ended by {@code /} (or the resource is {@code *})
     */
    static String openHostWarning(String resource) {
        int scheme = resource.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int slash = resource.indexOf('/', scheme + 3);
        for (int i = scheme + 3; i < (slash < 0 ? resource.length() : slash); i++) {
            char c = resource.charAt(i);
            if (c == '*' || c == '?') {
                String host = resource.substring(scheme + 3, i);
                return "cookie resource " + resource + " has the wildcard '" + c + "' at position " + i + ", before"
                        + " the / that ends its host, so it also matches other hosts such as "
                        + resource.substring(0, scheme + 3) + (host.isEmpty() ? "evil.example" : host + ".evil.example")
                        + "/...; end the host with / (for example " + resource.substring(0, i) + "/*) unless every"
                        + " host is meant";
            }
        }
        return null;
    }

    private static boolean coversHost(String domain, String host) {
        int star = host.lastIndexOf('*');
        String fixed = star < 0 ? host : host.substring(star + 1);
        if (star >= 0) {
            return fixed.endsWith("." + domain)
                    || (fixed.startsWith(".") && fixed.substring(1).equals(domain));
        }
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String prefixError(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        int hostStart;
        if (lower.startsWith("https://")) {
            hostStart = 8;
        } else if (lower.startsWith("http://")) {
            hostStart = 7;
        } else {
            return "must start with https:// or http:// (protocol-relative links //host/... are matched"
                    + " automatically), for example https://cdn.example.com/private/";
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>') {
                return "holds character U+" + String.format("%04X", (int) c) + " at position " + i
                        + "; percent-encode it as the links do";
            }
            if (c == '*' || c == '?' || c == '#') {
                return "holds '" + c + "' at position " + i + "; a prefix is a literal start of the URL, without"
                        + " wildcard, query or fragment";
            }
        }
        int slash = prefix.indexOf('/', hostStart);
        if (slash == hostStart || hostStart == prefix.length()) {
            return "has no host";
        }
        if (slash < 0) {
            return "has no path; write " + prefix + "/ to protect the whole host";
        }
        return null;
    }
}
