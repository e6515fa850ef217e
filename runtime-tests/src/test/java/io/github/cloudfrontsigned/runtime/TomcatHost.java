package io.github.cloudfrontsigned.runtime;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Container;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * One embedded Tomcat 11 on 127.0.0.1 that deploys and undeploys web applications while it runs, as an
 * application server does on redeploy; it reports what Tomcat's web application class loader warns about when it
 * stops an application (threads and {@code ThreadLocal}s left behind) and what
 * {@link StandardHost#findReloadedContextMemoryLeaks()} finds (undeployed applications whose class loader stays
 * reachable). Defined by a {@link ContainerLoader} and used through {@link IsolatedTomcat}: its methods take and
 * return JDK types only.
 */
public final class TomcatHost implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();
    private final List<String> loaderWarnings = new ArrayList<>();
    private final Logger loaderLog = Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (loaderWarnings) {
                    loaderWarnings.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    /** Starts Tomcat with no application. */
    public TomcatHost() throws Exception {
        // the JVM takes one URL stream handler factory, and another Tomcat of the test run may hold it already;
        // exploded WARs need none
        TomcatURLStreamHandlerFactory.disable();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat-host").toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        loaderLog.addHandler(handler);
        tomcat.start();
    }

    /** @return the HTTP port on 127.0.0.1 */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Deploys a WAR directory under a context path, with Tomcat's loader as the parent of its class loader, its
     * {@code WEB-INF/lib} scanned for fragments and initializers.
     *
     * @throws IllegalStateException if the application did not start
     */
    public void deploy(String path, String warDir) {
        StandardContext context = new StandardContext();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(warDir);
        context.setParentClassLoader(TomcatHost.class.getClassLoader());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(tomcat.noDefaultWebXmlPath());
        context.addLifecycleListener(config);
        tomcat.getHost().addChild(context);
        if (context.getState() != LifecycleState.STARTED) {
            tomcat.getHost().removeChild(context);
            throw new IllegalStateException("the application at " + path + " did not start");
        }
    }

    /** Stops and removes the application at this context path, as undeploying a WAR does. */
    public void undeploy(String path) {
        Container context = tomcat.getHost().findChild(path);
        if (context != null) {
            tomcat.getHost().removeChild(context);
        }
    }

    /** @return what Tomcat's web application class loader warned about so far (threads, ThreadLocals left behind) */
    public List<String> loaderWarnings() {
        synchronized (loaderWarnings) {
            return List.copyOf(loaderWarnings);
        }
    }

    /**
     * @return the context paths of undeployed applications whose class loader is still reachable after garbage
     *     collection (asked a few times: one collection may not clear every weak reference)
     */
    public List<String> reachableUndeployedApplications() throws InterruptedException {
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
