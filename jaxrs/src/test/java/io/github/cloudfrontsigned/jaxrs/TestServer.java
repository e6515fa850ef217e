package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 (ee10) server on 127.0.0.1 with a random port, a JAX-RS servlet under {@code /api/*}, and a
 * JDK HTTP client.
 */
public final class TestServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private TestServer(Server server) {
        this.server = server;
        this.port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * Starts the server; the servlet is initialized at start, so a deployment failure surfaces here.
     *
     * @param holder the JAX-RS implementation's servlet
     * @return the running server
     * @throws IllegalStateException wrapping the deployment failure
     */
    public static TestServer start(ServletHolder holder) {
        ServletContextHandler context = new ServletContextHandler("/");
        // ambiguous paths (%2e%2e, %2f, %25, %5c) reach the application, as on lenient containers: the library's
        // own rules are what the tests see, not Jetty's default refusal
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        holder.setInitOrder(1);
        context.addServlet(holder, "/api/*");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class).getHttpConfiguration()
                .setUriCompliance(org.eclipse.jetty.http.UriCompliance.UNSAFE);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            stop(server);
            throw new IllegalStateException(e);
        }
        if (!context.isAvailable() || holder.getUnavailableException() != null) {
            Throwable cause = holder.getUnavailableException();
            stop(server);
            throw new IllegalStateException("deployment failed", cause);
        }
        return new TestServer(server);
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing
        }
    }

    /** @return the absolute URI of a path under the server root */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @return the response to a GET, with the given header name/value pairs */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    /** @return the response to a GET, as bytes */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send("GET", path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    /** @return the response to a request without body */
    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    private <T> HttpResponse<T> send(String method, String path, HttpResponse.BodyHandler<T> handler,
            String... headers) {
        return TestHttp.send(method, uri(path), handler, headers);
    }

    /** @return every {@code Set-Cookie} value of a response */
    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
