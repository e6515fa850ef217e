package io.github.cloudfrontsigned.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * One embedded Tomcat 11 on 127.0.0.1 that deploys and undeploys web applications while it runs, as an
 * application server does on redeploy, and reports what Tomcat's class loader reports when it stops an application
 * (threads and {@code ThreadLocal}s left behind) and what {@link StandardHost#findReloadedContextMemoryLeaks()}
 * finds (undeployed applications whose class loader stays reachable).
 */
final class TomcatHost implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();
    private final List<String> loaderWarnings = new ArrayList<>();
    private final Logger loaderLog = Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (loaderWarnings) {
                    loaderWarnings.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    TomcatHost() throws Exception {
        tomcat.setBaseDir(Files.createTempDirectory("tomcat-host").toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        loaderLog.addHandler(handler);
        tomcat.start();
    }

    /** A deployed application. */
    final class App {
        private final StandardContext context;

        private App(StandardContext context) {
            this.context = context;
        }

        HttpResponse<String> get(String path) {
            try {
                return Container.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + connector.getLocalPort() + context.getPath() + path)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** @return the web application's class loader, weakly */
        WeakReference<ClassLoader> classLoader() {
            return new WeakReference<>(context.getLoader().getClassLoader());
        }

        /** Stops and removes the application, as undeploying a WAR does. */
        void undeploy() {
            tomcat.getHost().removeChild(context);
        }
    }

    /**
     * Deploys a WAR directory under a context path, its class loader's parent seeing only the container
     * ({@link ContainerLoader}), its {@code WEB-INF/lib} scanned for fragments and initializers.
     */
    App deploy(String path, Path war) {
        StandardContext context = new StandardContext();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(war.toString());
        context.setParentClassLoader(new ContainerLoader());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Tomcat.noDefaultWebXmlPath());
        context.addLifecycleListener(config);
        tomcat.getHost().addChild(context);
        if (context.getState() != LifecycleState.STARTED) {
            tomcat.getHost().removeChild(context);
            throw new IllegalStateException("the application at " + path + " did not start");
        }
        return new App(context);
    }

    /** @return what Tomcat's web application class loader warned about so far (threads, ThreadLocals left behind) */
    List<String> loaderWarnings() {
        synchronized (loaderWarnings) {
            return List.copyOf(loaderWarnings);
        }
    }

    /**
     * @return the context paths of undeployed applications whose class loader is still reachable after garbage
     *     collection (asked a few times: one collection may not clear every weak reference)
     */
    List<String> reachableUndeployedApplications() throws InterruptedException {
        StandardHost host = (StandardHost) tomcat.getHost();
        String[] leaks = host.findReloadedContextMemoryLeaks();
        for (int i = 0; i < 10 && leaks.length > 0; i++) {
            Thread.sleep(100);
            leaks = host.findReloadedContextMemoryLeaks();
        }
        return List.of(leaks);
    }

    @Override
    public void close() throws Exception {
        loaderLog.removeHandler(handler);
        tomcat.stop();
        tomcat.destroy();
    }
}
