package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.github.cloudfrontsigned.config.SharedConfigurations;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.request.RequestSigning;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Signs CloudFront links in responses and sets CloudFront signed cookies, with no code in the application.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Every link under a protected prefix ({@code cloudfront.protected-prefixes}, absolute or
 *       protocol-relative) in a response body of a rewritable content type ({@code cloudfront.content-types})
 *       becomes its signed URL (canned policy, {@code cloudfront.url.ttl}); every other byte stays as it was.
 *       Bodies stream: memory stays constant whatever their size, bytes leave when the application flushes.</li>
 *   <li>{@code Location} (so a download endpoint can redirect to a private file) and {@code Link} headers are
 *       signed the same way.</li>
 *   <li>For each {@code cloudfront.cookie.resources} entry the CloudFront signed cookies are set (custom
 *       policy, {@code cloudfront.cookie.*} attributes), unless the request carries fresh ones already.</li>
 *   <li>HTTP stays correct: bodies that may change lose {@code Content-Length}, a strong {@code ETag} becomes
 *       weak; responses with {@code Content-Encoding}, 204, 205, 206, 304, HEAD bodies and other content
 *       types pass through untouched and uncopied.</li>
 * </ul>
 *
 * <h2>Registration</h2>
 * A plain filter: no annotation, no fragment. In {@code web.xml}:
 * <pre>{@code
 * <filter>
 *   <filter-name>cloudfront</filter-name>
 *   <filter-class>io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter</filter-class>
 *   <async-supported>true</async-supported>
 *   <init-param><param-name>cloudfront.key-pair-id</param-name><param-value>K2JCJMDEHXQW5F</param-value></init-param>
 *   <init-param><param-name>cloudfront.private-key.location</param-name><param-value>/etc/cloudfront/pk.pem</param-value></init-param>
 *   <init-param><param-name>cloudfront.protected-prefixes</param-name><param-value>https://cdn.example.com/private/</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>cloudfront</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher><dispatcher>ASYNC</dispatcher><dispatcher>ERROR</dispatcher>
 * </filter-mapping>
 * }</pre>
 * Or in code, with a signer built in code:
 * <pre>{@code
 * SigningConfiguration config = SigningConfiguration.builder().signer(signer)
 *     .protectedPrefixes(List.of("https://cdn.example.com/private/")).build();
 * FilterRegistration.Dynamic f = servletContext.addFilter("cloudfront", new CloudFrontSigningFilter(config));
 * f.setAsyncSupported(true);
 * f.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR), false, "/*");
 * }</pre>
 *
 * <h2>Configuration</h2>
 * Property names are in {@link ConfigProperties} and the README. Without a programmatic configuration the
 * filter reads, in {@link #init(FilterConfig)}, each property from the first of: MicroProfile Config (when an
 * implementation is present for the web application's class loader: system properties, environment
 * variables, {@code META-INF/microprofile-config.properties}...), the filter's init-params, the context-params
 * (the order of {@link io.github.cloudfrontsigned.config.ConfigSources}, shared by every entry point). So a value
 * packaged in {@code web.xml} can be overridden by the environment without rebuilding the WAR, and the
 * context-params configure the filter and the JAX-RS resources at once. The keys are loaded once per web
 * application: the filter uses the configuration the servlet container initializer read at startup and shares
 * with the JAX-RS feature and the CDI producers ({@link SharedConfigurations}), unless its init-params change a
 * value. Every
 * problem is reported at once: {@code init} throws a {@link ServletException} whose message lists each bad
 * property, its value (never key material) and the fix, and the application does not start. One INFO line is
 * logged (through {@link System.Logger}) with the key pair ID, key type and public-key fingerprint.
 *
 * <p>Who gets signatures: see {@link CloudFrontAccessPolicy}.
 *
 * <p>Thread safety: one instance serves all requests concurrently; configuration is immutable after
 * {@code init}.
 */
public class CloudFrontSigningFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(CloudFrontSigningFilter.class.getName());
    private static final String ACTIVE = CloudFrontSigningFilter.class.getName() + ".response";

    private final SigningConfiguration programmatic;
    private final CloudFrontAccessPolicy programmaticPolicy;
    private volatile SigningConfiguration config;
    /** Whether {@link #destroy()} closes {@link #config}: read by this filter, not shared, not given. */
    private volatile boolean owned;

    private volatile CloudFrontAccessPolicy policy;
    private volatile RequestSigning.Settings settings;

    /** For {@code web.xml} and {@code addFilter(name, Class)}: configuration is read in {@link #init(FilterConfig)}. */
    public CloudFrontSigningFilter() {
        this.programmatic = null;
        this.programmaticPolicy = null;
    }

    /**
     * For registration in code: this configuration is used and no property is read. The access policy is
     * still looked up by {@code ServiceLoader} or by {@link SigningConfiguration#accessPolicyClass()}.
     *
     * @param configuration the configuration, for example from {@link SigningConfiguration#builder()}
     */
    public CloudFrontSigningFilter(SigningConfiguration configuration) {
        this.programmatic = Objects.requireNonNull(configuration, "configuration");
        this.programmaticPolicy = null;
    }

    /**
     * For registration in code, with the application's access policy.
     *
     * @param configuration the configuration
     * @param accessPolicy decides who gets which signatures
     */
    public CloudFrontSigningFilter(SigningConfiguration configuration, CloudFrontAccessPolicy accessPolicy) {
        this.programmatic = Objects.requireNonNull(configuration, "configuration");
        this.programmaticPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
    }

    /**
     * Reads and validates the configuration, loads the keys and the access policy.
     *
     * @param filterConfig the container's filter configuration
     * @throws ServletException listing every configuration problem (its cause is the
     *     {@link ConfigurationException})
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        ServletContext context = filterConfig.getServletContext();
        ClassLoader classLoader = ServletConfigSources.classLoader(context);
        List<ConfigurationException.Problem> problems = new ArrayList<>();
        SigningConfiguration read = programmatic;
        boolean readHere = false;
        if (read == null) {
            try {
                read = SharedConfigurations.configuration(
                        classLoader,
                        ServletConfigSources.initParamMap(filterConfig),
                        ServletConfigSources.initParamSource(filterConfig.getFilterName()),
                        true);
                if (read == null) {
                    read = SigningConfiguration.read(ServletConfigSources.forFilter(filterConfig));
                    readHere = true;
                }
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        CloudFrontAccessPolicy found = programmaticPolicy;
        if (found == null) {
            found = findPolicy(read, classLoader, problems);
        }
        if (!problems.isEmpty()) {
            if (read != null && readHere) {
                read.close();
            }
            ConfigurationException e = new ConfigurationException(problems);
            throw new ServletException(
                    "CloudFrontSigningFilter \"" + filterConfig.getFilterName() + "\" cannot start. " + e.getMessage(),
                    e);
        }
        this.settings =
                RequestSigning.Settings.builder(read.requestRules()).log(LOG).build();
        this.policy = found;
        this.owned = readHere;
        this.config = read; // last: doFilter starts signing once it sees the configuration
        LOG.log(
                System.Logger.Level.INFO,
                "CloudFront signing filter \"{0}\" signs with {1}; {2} protected prefixes," + " {3} cookie resources",
                filterConfig.getFilterName(),
                read.signer().describeActiveKey(),
                read.protectedPrefixes().size(),
                read.cookies().size());
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "CloudFront signing filter \"{0}\": {1}, access policy {2}",
                    filterConfig.getFilterName(),
                    read,
                    found == null ? "none" : found.getClass().getName());
        }
    }

    /** @return the configuration in use; {@code null} before {@link #init(FilterConfig)} */
    public SigningConfiguration configuration() {
        return config;
    }

    private static CloudFrontAccessPolicy findPolicy(
            SigningConfiguration config, ClassLoader classLoader, List<ConfigurationException.Problem> problems) {
        String className = config == null ? null : config.accessPolicyClass();
        if (className != null) {
            String fix = "; give the fully qualified name of a public class with a public no-argument constructor"
                    + " that implements " + CloudFrontAccessPolicy.class.getName();
            try {
                Class<?> type = Class.forName(className, true, classLoader);
                if (!CloudFrontAccessPolicy.class.isAssignableFrom(type)) {
                    problems.add(new ConfigurationException.Problem(
                            ConfigProperties.AUTH_POLICY,
                            className,
                            null,
                            "the class does not implement " + CloudFrontAccessPolicy.class.getName() + fix));
                    return null;
                }
                return (CloudFrontAccessPolicy) type.getConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                problems.add(new ConfigurationException.Problem(
                        ConfigProperties.AUTH_POLICY, className, null, "no such class in the web application" + fix));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(new ConfigurationException.Problem(
                        ConfigProperties.AUTH_POLICY,
                        className,
                        null,
                        "cannot be instantiated (" + cause.getClass().getName() + ")" + fix));
            }
            return null;
        }
        List<CloudFrontAccessPolicy> found = new ArrayList<>();
        try {
            ServiceLoader.load(CloudFrontAccessPolicy.class, classLoader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            problems.add(new ConfigurationException.Problem(
                    ConfigProperties.AUTH_POLICY,
                    null,
                    null,
                    "META-INF/services/" + CloudFrontAccessPolicy.class.getName() + " names a class that cannot be"
                            + " loaded (" + e.getMessage() + "); fix the file or name the policy in "
                            + ConfigProperties.AUTH_POLICY));
            return null;
        }
        if (found.size() > 1) {
            List<String> names = found.stream().map(p -> p.getClass().getName()).toList();
            problems.add(new ConfigurationException.Problem(
                    ConfigProperties.AUTH_POLICY,
                    null,
                    null,
                    "several access policies are listed in META-INF/services (" + names + "); name the one to use"
                            + " in " + ConfigProperties.AUTH_POLICY));
            return null;
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Wraps the response (and, for asynchronous processing, the request) so that links are signed and cookies
     * set; see the class comment.
     */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        SigningConfiguration c = config;
        if (c == null || !(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        Object active = request.getAttribute(ACTIVE);
        if (active instanceof RewritingResponse) {
            // A forward, include or async dispatch within a request this filter already wraps.
            chain.doFilter(req, res);
            if (request.getDispatcherType() == DispatcherType.ASYNC && !request.isAsyncStarted()) {
                request.removeAttribute(ACTIVE);
                ((RewritingResponse) active).finish();
            }
            return;
        }
        RequestSigning signing = ServletViewer.signing(settings, policy, request);
        RewritingResponse response = new RewritingResponse((HttpServletResponse) res, request, signing, c);
        request.setAttribute(ACTIVE, response);
        boolean completed = false;
        try {
            chain.doFilter(new AsyncAwareRequest(request, response), response);
            completed = true;
        } finally {
            if (!request.isAsyncStarted()) {
                request.removeAttribute(ACTIVE);
                if (completed) {
                    response.finish();
                }
            }
        }
    }

    /**
     * Stops what {@link #init(FilterConfig)} started when it read the configuration from properties itself (the
     * background refresh of keys from a secret store: {@link SigningConfiguration#close()}). A configuration given
     * to the constructor is left to its owner; the web application's shared one ({@link SharedConfigurations}) is
     * closed when the application stops.
     */
    @Override
    public void destroy() {
        SigningConfiguration c = config;
        config = null;
        if (c != null && owned) {
            c.close();
        }
    }
}
