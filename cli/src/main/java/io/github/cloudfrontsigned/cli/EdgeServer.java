package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.verify.EdgeAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The Jetty side of {@code edge}, apart from {@link EdgeCommand} so that building the command line (picocli reads
 * every command's members for help and completion) loads no Jetty class.
 */
final class EdgeServer {

    private final Server server;
    private final int port;

    private EdgeServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Jetty's file server on a directory: files by path, no listings, 404 when missing. */
    private static Handler files(Path directory) {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.root().newResource(directory));
        files.setDirAllowed(false);
        return files;
    }

    /**
     * Jetty's reverse proxy to an origin; the origin's path is put before the request's (the path
     * {@link EdgeHandler} checked, never the viewer's spelling).
     */
    private static Handler proxy(URI origin) {
        String prefix = origin.getRawPath() == null ? "" : origin.getRawPath().replaceAll("/+$", "");
        HttpURI base = HttpURI.from(origin.getScheme(), origin.getHost(), origin.getPort(), null);
        return new ProxyHandler.Reverse(request -> HttpURI.build(base)
                .path(prefix + request.getHttpURI().getPath())
                .query(request.getHttpURI().getQuery()));
    }

    /**
     * Starts the edge on {@code bind:port} in front of an HTTP origin or a directory; no {@code Server} version
     * header.
     *
     * @param devLog where development mode prints denials, or {@code null}
     * @param originUrl the HTTP origin, or {@code null} for {@code originDir}
     * @param originDir the directory origin, or {@code null} for {@code originUrl}
     * @throws InputException if it cannot listen there
     */
    static EdgeServer start(String bind, int port, EdgeAccess access, PrintWriter devLog, URI originUrl, Path originDir)
            throws Exception {
        Handler handler = new EdgeHandler(access, devLog, originUrl != null ? proxy(originUrl) : files(originDir));
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            throw new InputException("cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "); choose"
                    + " another --port or --bind");
        }
        return new EdgeServer(server, connector.getLocalPort());
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** Serves until the thread is interrupted (or the JVM stops, Ctrl+C), then stops. */
    void joinUntilInterrupted() throws Exception {
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
        }
    }
}
