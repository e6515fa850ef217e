package example;

import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The WAR on embedded Jetty 12 (ee10), annotations enabled as the README says (jetty-ee10-annotations). */
class JettyIT extends SignedWarContract {

    private Server server;

    @Override
    int deploy(Path war) throws Exception {
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setWar(war.toAbsolutePath().toString());
        context.setThrowUnavailableOnStartupException(true);
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            throw new AssertionError("the WAR did not start on Jetty: " + context.getUnavailableException());
        }
        return connector.getLocalPort();
    }

    @Override
    AutoCloseable running() {
        return server::stop;
    }
}
