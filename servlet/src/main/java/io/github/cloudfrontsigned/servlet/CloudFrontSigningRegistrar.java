package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.config.ConfigLookup;
import io.github.cloudfrontsigned.config.ConfigProperties;
import io.github.cloudfrontsigned.config.ConfigSources;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Registers {@link CloudFrontSigningFilter} without {@code web.xml}: declared as a listener in the jar's
 * {@code META-INF/web-fragment.xml} (fragment name {@code cloudfront_signed}), so the container runs it for
 * applications with this jar in {@code WEB-INF/lib}, unless {@code web.xml} is {@code metadata-complete="true"} or
 * its {@code <absolute-ordering>} leaves the fragment out.
 *
 * <p>When the application starts it registers the filter, named {@code cloudfront}, with async support, for the
 * {@code REQUEST}, {@code ASYNC} and {@code ERROR} dispatches, after the filters {@code web.xml} declares (so a
 * compressing filter declared there sees signed output), on the URL patterns of
 * {@value ConfigProperties#FILTER_URL_PATTERNS} (comma-separated, default {@code /*}), if all of these hold:
 * <ul>
 *   <li>{@value ConfigProperties#ENABLED} is not {@code false};</li>
 *   <li>the application's configuration (MicroProfile Config, context-params) names what to sign:
 *       {@value ConfigProperties#PROTECTED_PREFIXES} or {@value ConfigProperties#COOKIE_RESOURCES};</li>
 *   <li>no {@link CloudFrontSigningFilter} is registered yet ({@code web.xml}, annotation or code): an explicit
 *       declaration wins and the filter is never doubled.</li>
 * </ul>
 * The configuration was already validated by {@link ServletSigningInitializer}.
 *
 * <p>Thread safety: called by the container once per application start.
 */
public final class CloudFrontSigningRegistrar implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(CloudFrontSigningRegistrar.class.getName());

    /** The name of the registered filter. */
    public static final String FILTER_NAME = "cloudfront";

    /** Called by the container for the {@code web-fragment.xml} declaration. */
    public CloudFrontSigningRegistrar() {}

    /**
     * Registers the filter when the conditions of the class comment hold.
     *
     * @param event the starting application
     */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        ConfigLookup config = ServletConfigSources.forContext(context);
        if (!ConfigSources.enabled(config)
                || isBlank(config.value(ConfigProperties.PROTECTED_PREFIXES))
                        && isBlank(config.value(ConfigProperties.COOKIE_RESOURCES))) {
            return;
        }
        for (FilterRegistration existing : context.getFilterRegistrations().values()) {
            if (CloudFrontSigningFilter.class.getName().equals(existing.getClassName())) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "CloudFrontSigningFilter \"{0}\" is declared; not registering" + " another",
                        existing.getName());
                return;
            }
        }
        String patterns = config.value(ConfigProperties.FILTER_URL_PATTERNS);
        String[] urlPatterns = isBlank(patterns)
                ? new String[] {"/*"}
                : Arrays.stream(patterns.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toArray(String[]::new);
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, CloudFrontSigningFilter.class);
        if (filter == null) {
            throw new IllegalStateException("CloudFront signing: a filter named \"" + FILTER_NAME + "\" of another"
                    + " class is declared; rename it, or declare CloudFrontSigningFilter in web.xml, or set "
                    + ConfigProperties.ENABLED + "=false");
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR), true, urlPatterns);
        LOG.log(System.Logger.Level.INFO, "CloudFront signing filter registered on {0}", Arrays.toString(urlPatterns));
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }
}
