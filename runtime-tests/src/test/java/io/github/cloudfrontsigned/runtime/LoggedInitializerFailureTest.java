package io.github.cloudfrontsigned.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.jaxrs.JaxrsSigningInitializer;
import io.github.cloudfrontsigned.servlet.ServletSigningInitializer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a container only logs an initializer's exception and starts the application anyway, as Open Liberty does
 * (CWWWC0001W), a misconfiguration still stops the deployment with our message. Tomcat 11 plays that container: its
 * own discovery of our initializers is filtered out, and one of them runs through a wrapper that logs and swallows
 * its exception, as Open Liberty's web container does. {@code metadata-complete} keeps the filter out, so no
 * filter's initialization can stop the start instead (Open Liberty, like Undertow, initializes filters on their
 * first request). The real Open Liberty runs the same check in profile {@code servers}.
 */
final class LoggedInitializerFailureTest {

    private static final String OUR_INITIALIZERS = "io\\.github\\.cloudfrontsigned\\.(servlet|jaxrs)\\..*Initializer";

    @ParameterizedTest
    @ValueSource(classes = {ServletSigningInitializer.class, JaxrsSigningInitializer.class})
    void missingKeyFile_failsTheDeployment_whereTheContainerOnlyLogsTheInitializersException(Class<?> initializer) {
        WarApp app = WarApp.contextParamsOnly()
                .contextParam("cloudfront.private-key.location", "classpath:cloudfront/missing.pem")
                .metadataComplete();
        Container.StartupFailed e = assertThrows(
                Container.StartupFailed.class,
                () -> Container.tomcat(app.write(), context -> onlyLogging(context, initializer)));
        assertTrue(
                e.getMessage()
                        .contains(
                                "cloudfront.private-key.location = \"classpath:cloudfront/missing.pem\" (context-param)"),
                e.getMessage());
    }

    private static void onlyLogging(Context context, Class<?> initializer) {
        context.setContainerSciFilter(OUR_INITIALIZERS);
        try {
            context.addServletContainerInitializer(
                    new OnlyLogged((ServletContainerInitializer)
                            initializer.getConstructor().newInstance()),
                    null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an initializer and logs its exception instead of failing the start, as Open Liberty does. */
    private static final class OnlyLogged implements ServletContainerInitializer {
        private final ServletContainerInitializer delegate;

        OnlyLogged(ServletContainerInitializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            try {
                delegate.onStartup(classes, context);
            } catch (ServletException | RuntimeException e) {
                // not at SEVERE, and without the exception: Container collects thrown messages as the failure
                Logger.getLogger(OnlyLogged.class.getName())
                        .log(Level.WARNING, "initializer {0} failed; starting" + " the application anyway", delegate);
            }
        }
    }
}
