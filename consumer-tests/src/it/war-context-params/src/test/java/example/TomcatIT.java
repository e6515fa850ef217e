package example;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** The WAR on embedded Tomcat 11, with Tomcat's own initializer and web-fragment.xml discovery in WEB-INF/lib. */
class TomcatIT extends SignedWarContract {

    private Tomcat tomcat;

    @Override
    int deploy(Path war) throws Exception {
        tomcat = new Tomcat();
        Path base = Files.createTempDirectory("tomcat");
        Files.createDirectories(base.resolve("webapps")); // where Tomcat expands the WAR, as a server does
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addWebapp("", war.toAbsolutePath().toString());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false); // the WAR's WEB-INF/lib only, not this test's class path
        context.setJarScanner(scanner);
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            throw new AssertionError("the WAR did not start on Tomcat: " + context.getState());
        }
        return connector.getLocalPort();
    }

    @Override
    AutoCloseable running() {
        return () -> {
            tomcat.stop();
            tomcat.destroy();
        };
    }
}
