package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.SigningParameter;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.EdgeConfiguration;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.EdgeAccess;
import io.github.cloudfrontsigned.verify.ErrorCode;
import io.github.cloudfrontsigned.verify.ViewerRequest;
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
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local stand-in for CloudFront in front of any servlet (a folder of files, a self-hosted origin): every
 * request must carry a valid signed URL or valid signed cookies for a trusted key, as CloudFront enforces
 * them for a cache behavior with a trusted key group, decided by {@link EdgeAccess} (this filter only reads the
 * request and writes the answer).
 *
 * <ul>
 *   <li>Denied: {@code 403} with CloudFront's XML error body ({@code Content-Type: text/xml},
 *       {@code <Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>} or
 *       {@code MissingKey}, {@code InvalidKey}, {@code MalformedSignature}, {@code MalformedPolicy}), and the
 *       headers {@code server: CloudFront}, {@code x-cache: Error from cloudfront}. The viewer sees only what
 *       CloudFront shows; the precise reason ("expired at ... 5 minutes ago", "the URL was re-encoded after
 *       signing") is logged for the developer on one bounded line at DEBUG/FINE, with a summary of the counts
 *       per reason at INFO at most once a minute (logger {@code io.github.cloudfrontsigned.verify.EdgeAccess}), with
 *       the path but never a signature.</li>
 *   <li>Refused: {@code 400} for a path that the container would serve as another path (a dot-segment such as
 *       {@code /a/../b} or {@code /a/%2e%2e/b}, {@code //}, {@code ;}, {@code \}, {@code %2f}, {@code %5c},
 *       double encoding such as {@code %252e}): such a path is never matched against a policy, because the
 *       container would then serve a path the policy was not checked against. See {@link EdgeAccess} for the
 *       rules and why refusing beats normalizing. The container matches the filter's URL pattern against its
 *       own decoded, normalized path, so any other spelling of a protected path ({@code /%70rivate/x} for
 *       {@code /private/*}) reaches this filter and is verified (tested on Tomcat 11 and Jetty 12).</li>
 *   <li>Allowed: the request goes on with the signing query parameters ({@code Expires}, {@code Policy},
 *       {@code Signature}, {@code Key-Pair-Id}, {@code Hash-Algorithm}) removed from
 *       {@code getQueryString()} and the parameter methods, as CloudFront removes them before the origin.</li>
 * </ul>
 *
 * <p>The URL verified is the one the viewer used: the request's scheme, its {@code Host} header and the raw
 * request URI and query. Sign for that host (in the demo, {@code http://127.0.0.1:8080/cdn/...}), or set
 * {@code cloudfront.edge.public-url} (for example {@code https://d111111abcdef8.cloudfront.net}): then the URL
 * verified is the public URL plus the raw request URI and query, whatever scheme and host the request shows, so
 * links signed for the real distribution match, also behind a reverse proxy.
 *
 * <h2>Configuration</h2>
 * In code with {@link #CloudFrontEdgeFilter(EdgeAccess)} or {@link #CloudFrontEdgeFilter(CloudFrontVerifier)},
 * or ({@link EdgeConfiguration}) from init-params, context-params or
 * MicroProfile Config (first found wins: MicroProfile Config, init-param, context-param):
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>Name</th><th>Value</th></tr>
 *   <tr><td>{@code cloudfront.edge.trusted-keys}</td><td>required: the trusted key group, comma-separated key
 *       pair IDs</td></tr>
 *   <tr><td>{@code cloudfront.edge.keys.<ID>.public-key.location}</td><td>where the public key of {@code <ID>}
 *       is ({@code classpath:}, {@code file:} or a path; PEM {@code BEGIN PUBLIC KEY} or DER)</td></tr>
 *   <tr><td>{@code cloudfront.edge.keys.<ID>.public-key}</td><td>or the public key inline as PEM</td></tr>
 *   <tr><td>{@code cloudfront.edge.public-url}</td><td>optional: the URL verified instead of the request's
 *       scheme and {@code Host}</td></tr>
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

    private final EdgeAccess programmatic;
    private volatile EdgeAccess edge;
    private final Map<ErrorCode, LongAdder> denials = new EnumMap<>(ErrorCode.class);

    {
        for (ErrorCode code : ErrorCode.values()) {
            denials.put(code, new LongAdder());
        }
    }

    /** For {@code web.xml} and {@code addFilter(name, Class)}: the trusted keys are read in {@link #init}. */
    public CloudFrontEdgeFilter() {
        this.programmatic = null;
    }

    /**
     * For registration in code, verifying the viewer's own scheme and {@code Host}.
     *
     * @param verifier the verifier with the trusted keys (and, in tests, a clock)
     */
    public CloudFrontEdgeFilter(CloudFrontVerifier verifier) {
        this(EdgeAccess.builder(verifier).build());
    }

    /**
     * For registration in code, with a public URL or another log summary interval.
     *
     * @param edge the edge decision
     */
    public CloudFrontEdgeFilter(EdgeAccess edge) {
        this.programmatic = Objects.requireNonNull(edge, "edge");
        this.edge = edge;
    }

    /**
     * Reads the {@code cloudfront.edge.*} properties unless an edge was given.
     *
     * @throws ServletException listing every missing or unreadable key or bad value (cause:
     *     {@link ConfigurationException})
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (programmatic == null) {
            try {
                edge = EdgeConfiguration.read(ServletConfigSources.forFilter(filterConfig));
            } catch (ConfigurationException e) {
                throw new ServletException(
                        "CloudFrontEdgeFilter \"" + filterConfig.getFilterName() + "\" cannot start. " + e.getMessage(),
                        e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "CloudFront edge filter \"{0}\": {1}", filterConfig.getFilterName(), edge);
    }

    /** @return the edge decision in use; {@code null} before {@link #init(FilterConfig)} */
    public EdgeAccess edge() {
        return edge;
    }

    /** @return the verifier in use; {@code null} before {@link #init(FilterConfig)} */
    public CloudFrontVerifier verifier() {
        EdgeAccess e = edge;
        return e == null ? null : e.verifier();
    }

    /**
     * How many requests this filter has answered 403 with this error code since it was created, for metrics.
     *
     * @param code CloudFront's error code
     * @return the count; thread-safe, read without locking
     */
    public long denials(ErrorCode code) {
        return denials.get(Objects.requireNonNull(code, "code")).sum();
    }

    /** Decides the request ({@link EdgeAccess}) and answers 400 or 403, or passes it on without the signing parameters. */
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
        EdgeAccess.Decision decision = edge.decide(viewer.build());
        if (!decision.isAllowed()) {
            if (decision.verdict() != null) {
                denials.get(decision.verdict().code()).increment();
            }
            byte[] body = decision.body().getBytes(StandardCharsets.UTF_8);
            response.resetBuffer();
            response.setStatus(decision.status());
            response.setContentType(decision.contentType());
            decision.headers().forEach(response::setHeader);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(
                request.getQueryString() == null
                        ? request
                        : new WithoutSigningParameters(request, decision.originQuery()),
                response);
    }

    @Override
    public void destroy() {
        if (programmatic == null) {
            edge = null;
        }
    }

    /** The request as the origin sees it behind CloudFront: no signing query parameters. */
    private static final class WithoutSigningParameters extends HttpServletRequestWrapper {

        private final String query;

        WithoutSigningParameters(HttpServletRequest request, String query) {
            super(request);
            this.query = query;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getParameter(String name) {
            return SigningParameter.queryNames().contains(name) ? null : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
            map.keySet().removeAll(SigningParameter.queryNames());
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return SigningParameter.queryNames().contains(name) ? null : super.getParameterValues(name);
        }
    }
}
