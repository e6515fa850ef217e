package io.github.cloudfrontsigned.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real servlet container deploying a WAR-shaped directory with its own initializer and fragment discovery. */
enum Container {
    TOMCAT_11 {
        @Override
        Deployed deploy(Path webapp) throws Exception {
            return tomcat(webapp, context -> {});
        }
    },

    JETTY_12 {
        @Override
        Deployed deploy(Path webapp) throws Exception {
            WebAppContext context = new WebAppContext();
            context.setContextPath("/");
            context.setBaseResourceAsPath(webapp);
            context.setParentLoaderPriority(true);
            context.setThrowUnavailableOnStartupException(true);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server, 1, 1);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(context);
            try {
                server.start();
            } catch (Exception e) {
                server.stop();
                List<String> messages = new ArrayList<>();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.add(String.valueOf(t.getMessage()));
                }
                throw new StartupFailed(String.join("\n", messages));
            }
            if (!context.isAvailable()) {
                server.stop();
                throw new StartupFailed(String.valueOf(context.getUnavailableException()));
            }
            return new Deployed(connector.getLocalPort(), server::stop);
        }
    };

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * @throws StartupFailed when the container did not start the application; its message holds what was logged
     *     or thrown
     */
    abstract Deployed deploy(Path webapp) throws Exception;

    /**
     * Deploys on Tomcat 11 as {@link #TOMCAT_11} does, with {@code customize} applied to the context before it
     * starts.
     *
     * @throws StartupFailed when Tomcat did not start the application; its message holds what was logged
     */
    static Deployed tomcat(Path webapp, Consumer<Context> customize) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addWebapp("", webapp.toString());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false); // WEB-INF/lib only, as in a deployed WAR
        context.setJarScanner(scanner);
        customize.accept(context);
        List<String> errors = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    errors.add(String.valueOf(t.getMessage()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            tomcat.start();
        } finally {
            root.removeHandler(handler);
        }
        if (context.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            tomcat.destroy();
            throw new StartupFailed(String.join("\n", errors));
        }
        return new Deployed(connector.getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }

    /** The application did not start. */
    static final class StartupFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StartupFailed(String message) {
            super(message);
        }
    }

    interface Stop {
        void stop() throws Exception;
    }

    /** A started application on 127.0.0.1. */
    record Deployed(int port, Stop stop) implements AutoCloseable {

        HttpResponse<String> get(String path) {
            try {
                return CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            stop.stop();
        }
    }
}
