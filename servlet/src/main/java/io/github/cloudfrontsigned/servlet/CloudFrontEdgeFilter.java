package io.github.cloudfrontsigned.servlet;

import static io.github.cloudfrontsigned.config.ConfigProperties.EDGE_TRUSTED_KEYS;
import static io.github.cloudfrontsigned.config.ConfigProperties.edgePublicKey;
import static io.github.cloudfrontsigned.config.ConfigProperties.edgePublicKeyLocation;

import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.key.KeyLoadingException;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigurationException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A local stand-in for CloudFront in front of any servlet (a folder of files, a self-hosted origin): every
 * request must carry a valid signed URL or valid signed cookies for a trusted key, as CloudFront enforces
 * them for a cache behavior with a trusted key group, decided by {@link CloudFrontVerifier}.
 *
 * <ul>
 *   <li>Denied: {@code 403} with CloudFront's XML error body ({@code Content-Type: text/xml},
 *       {@code <Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>} or
 *       {@code MissingKey}, {@code InvalidKey}, {@code MalformedSignature}, {@code MalformedPolicy}), and the
 *       headers {@code server: CloudFront}, {@code x-cache: Error from cloudfront}. The viewer sees only what
 *       CloudFront shows; the precise reason ("expired at ... 5 minutes ago", "the URL was re-encoded after
 *       signing") is logged for the developer at INFO through {@link System.Logger} (logger name: this class),
 *       with the path but never a signature.</li>
 *   <li>Allowed: the request goes on with the signing query parameters ({@code Expires}, {@code Policy},
 *       {@code Signature}, {@code Key-Pair-Id}, {@code Hash-Algorithm}) removed from
 *       {@code getQueryString()} and the parameter methods, as CloudFront removes them before the origin.</li>
 * </ul>
 *
 * <p>The URL verified is the one the viewer used: the request's scheme, its {@code Host} header and the raw
 * request URI and query. Sign for that host (in the demo, {@code http://127.0.0.1:8080/cdn/...}).
 *
 * <h2>Configuration</h2>
 * In code with {@link #CloudFrontEdgeFilter(CloudFrontVerifier)}, or from init-params, context-params or
 * MicroProfile Config (first found wins: MicroProfile Config, init-param, context-param):
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>Name</th><th>Value</th></tr>
 *   <tr><td>{@code cloudfront.edge.trusted-keys}</td><td>required: the trusted key group, comma-separated key
 *       pair IDs</td></tr>
 *   <tr><td>{@code cloudfront.edge.keys.<ID>.public-key.location}</td><td>where the public key of {@code <ID>}
 *       is ({@code classpath:}, {@code file:} or a path; PEM {@code BEGIN PUBLIC KEY} or DER)</td></tr>
 *   <tr><td>{@code cloudfront.edge.keys.<ID>.public-key}</td><td>or the public key inline as PEM</td></tr>
 * </table>
 * Every problem is reported at once by {@link #init(FilterConfig)} in a {@link ServletException}. In
 * {@code web.xml}, in front of the files of a web application:
 * <pre>{@code
 * <filter>
 *   <filter-name>cloudfront-edge</filter-name>
 *   <filter-class>io.github.cloudfrontsigned.servlet.CloudFrontEdgeFilter</filter-class>
 *   <init-param><param-name>cloudfront.edge.trusted-keys</param-name><param-value>K2JCJMDEHXQW5F</param-value></init-param>
 *   <init-param><param-name>cloudfront.edge.keys.K2JCJMDEHXQW5F.public-key.location</param-name>
 *     <param-value>/etc/cloudfront/public_key.pem</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>cloudfront-edge</filter-name><url-pattern>/private/*</url-pattern></filter-mapping>
 * }</pre>
 * Reference: <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateContent.html">Serve
 * private content with signed URLs and signed cookies</a>.
 *
 * <p>Thread safety: one instance serves all requests concurrently.
 */
public class CloudFrontEdgeFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(CloudFrontEdgeFilter.class.getName());
    private static final Set<String> SIGNING_PARAMETERS = SigningParameter.queryNames();

    private final CloudFrontVerifier programmatic;
    private volatile CloudFrontVerifier verifier;

    /** For {@code web.xml} and {@code addFilter(name, Class)}: the trusted keys are read in {@link #init}. */
    public CloudFrontEdgeFilter() {
        this.programmatic = null;
    }

    /**
     * For registration in code.
     *
     * @param verifier the verifier with the trusted keys (and, in tests, a clock)
     */
    public CloudFrontEdgeFilter(CloudFrontVerifier verifier) {
        this.programmatic = Objects.requireNonNull(verifier, "verifier");
        this.verifier = verifier;
    }

    /**
     * Reads the trusted keys unless a verifier was given.
     *
     * @throws ServletException listing every missing or unreadable key (cause: {@link ConfigurationException})
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (programmatic == null) {
            ConfigLookup servlet = ConfigLookup.of(filterConfig::getInitParameter,
                    "init-param of filter \"" + filterConfig.getFilterName() + "\"")
                    .orElse(ConfigLookup.of(filterConfig.getServletContext()::getInitParameter, "context-param"));
            ClassLoader cl = filterConfig.getServletContext().getClassLoader();
            ConfigLookup mp = ConfigLookup.microProfileConfig(cl != null ? cl : CloudFrontEdgeFilter.class.getClassLoader());
            try {
                verifier = read(mp == null ? servlet : mp.orElse(servlet));
            } catch (ConfigurationException e) {
                throw new ServletException("CloudFrontEdgeFilter \"" + filterConfig.getFilterName()
                        + "\" cannot start. " + e.getMessage(), e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "CloudFront edge filter \"{0}\" trusts key pair IDs {1}",
                filterConfig.getFilterName(), verifier.trustedKeyPairIds());
    }

    /**
     * Builds a verifier from {@code cloudfront.edge.*} properties.
     *
     * @param lookup where the properties are
     * @return the verifier
     * @throws ConfigurationException listing every problem
     */
    public static CloudFrontVerifier read(ConfigLookup lookup) {
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        String ids = lookup.value(EDGE_TRUSTED_KEYS);
        CloudFrontVerifier.Builder builder = CloudFrontVerifier.builder();
        if (ids == null || ids.isBlank()) {
            problems.add(new ConfigurationException.Problem(EDGE_TRUSTED_KEYS, ids, lookup.sourceOf(EDGE_TRUSTED_KEYS),
                    "required: the key pair IDs of the trusted key group, comma-separated, each with "
                    + edgePublicKeyLocation("<ID>") + " or " + edgePublicKey("<ID>")));
        } else {
            for (String raw : ids.split(",")) {
                String id = raw.trim();
                if (id.isEmpty()) {
                    continue;
                }
                String location = lookup.value(edgePublicKeyLocation(id));
                String inline = lookup.value(edgePublicKey(id));
                String name = location != null ? edgePublicKeyLocation(id) : edgePublicKey(id);
                try {
                    if (location != null && !location.isBlank()) {
                        builder.trustedKey(id, Keys.loadPublicKey(KeySource.location(location.trim())));
                    } else if (inline != null && !inline.isBlank()) {
                        builder.trustedKey(id, Keys.loadPublicKey(KeySource.inline(inline.replace("\\n", "\n"))));
                    } else {
                        problems.add(new ConfigurationException.Problem(name, null, null, "key pair ID " + id
                                + " is listed in " + EDGE_TRUSTED_KEYS + " but has no public key: set "
                                + edgePublicKeyLocation(id) + " (a PEM file) or " + edgePublicKey(id)));
                    }
                } catch (KeyLoadingException | IllegalArgumentException e) {
                    problems.add(new ConfigurationException.Problem(name, location, lookup.sourceOf(name),
                            e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return builder.build();
    }

    /** @return the verifier in use; {@code null} before {@link #init(FilterConfig)} */
    public CloudFrontVerifier verifier() {
        return verifier;
    }

    /** Verifies the request and answers 403 or passes it on without the signing parameters. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        ViewerRequest.Builder viewer = ViewerRequest.builder()
                .scheme(request.getScheme().toLowerCase(Locale.ROOT))
                .host(host)
                .rawPath(request.getRequestURI())
                .rawQuery(request.getQueryString())
                .clientIp(request.getRemoteAddr());
        Enumeration<String> cookieHeaders = request.getHeaders("Cookie");
        while (cookieHeaders != null && cookieHeaders.hasMoreElements()) {
            viewer.cookieHeader(cookieHeaders.nextElement());
        }
        Verdict verdict = verifier.verify(viewer.build());
        if (!verdict.isAllowed()) {
            LOG.log(System.Logger.Level.INFO, "403 {0} {1}: {2}", request.getMethod(), request.getRequestURI(), verdict);
            byte[] body = verdict.toErrorXml().getBytes(StandardCharsets.UTF_8);
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/xml");
            response.setHeader("server", "CloudFront");
            response.setHeader("x-cache", "Error from cloudfront");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "allowed {0} {1}: {2}", request.getMethod(), request.getRequestURI(),
                    verdict);
        }
        chain.doFilter(request.getQueryString() == null ? request : new WithoutSigningParameters(request), response);
    }

    @Override
    public void destroy() {
        if (programmatic == null) {
            verifier = null;
        }
    }

    /** The request as the origin sees it behind CloudFront: no signing query parameters. */
    private static final class WithoutSigningParameters extends HttpServletRequestWrapper {

        private final String query;

        WithoutSigningParameters(HttpServletRequest request) {
            super(request);
            StringBuilder kept = new StringBuilder();
            for (String pair : request.getQueryString().split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (!SIGNING_PARAMETERS.contains(name)) {
                    if (kept.length() > 0) {
                        kept.append('&');
                    }
                    kept.append(pair);
                }
            }
            this.query = kept.length() == 0 ? null : kept.toString();
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getParameter(String name) {
            return SIGNING_PARAMETERS.contains(name) ? null : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
            map.keySet().removeAll(SIGNING_PARAMETERS);
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return SIGNING_PARAMETERS.contains(name) ? null : super.getParameterValues(name);
        }
    }
}
