package io.github.cloudfrontsigned.testing;

import io.github.cloudfrontsigned.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * A real Jetty 12 server on 127.0.0.1, on a random free port (tests of several modules run at the same time), and
 * the JDK HTTP client of core's test-jar ({@code TestHttp}) to call it.
 *
 * <p>Two sets of URI rules: {@link #start(Handler)} keeps Jetty's defaults (ambiguous paths such as {@code %2e%2e}
 * or {@code %2f} refused with 400), {@link #startLenient(ServletContextHandler)} accepts and decodes them, as a
 * lenient container does, so a test sees what the library does with them on its own.
 *
 * <p>Starting fails with {@link IllegalStateException} when Jetty does not start or a context handler is left
 * unavailable (a filter or servlet initialized at start failed): the deployment failure is the cause. Not
 * thread-safe to start or close; requests may be sent from any thread.
 */
public final class TestServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private TestServer(Server server, ServerConnector connector) {
        this.server = server;
        this.port = connector.getLocalPort();
    }

    /**
     * Starts a server with Jetty's default URI rules.
     *
     * @param handler what serves the requests, for example a {@link ServletContextHandler}
     * @return the running server
     * @throws IllegalStateException when it does not start or its context is unavailable
     */
    public static TestServer start(Handler handler) {
        return start(handler, false);
    }

    /**
     * Starts a server that accepts and decodes ambiguous paths ({@code %2e%2e}, {@code %2f}, {@code %25},
     * {@code %5c}, {@code ..;}) instead of refusing them as Jetty does by default, as a lenient container
     * configuration would: what a filter or a JAX-RS application must withstand on its own.
     *
     * @param context the servlet context; its servlet handler is told to decode ambiguous URIs
     * @return the running server
     * @throws IllegalStateException when it does not start or the context is unavailable
     */
    public static TestServer startLenient(ServletContextHandler context) {
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        return start(context, true);
    }

    /**
     * Starts one servlet (a JAX-RS implementation's, typically) in a lenient context at {@code /}
     * ({@link #startLenient(ServletContextHandler)}), initialized at start so that a deployment failure surfaces
     * here.
     *
     * @param holder the servlet
     * @param pathSpec where it is mapped, for example {@code /api/*}
     * @return the running server
     * @throws IllegalStateException wrapping the deployment failure
     */
    public static TestServer startServlet(ServletHolder holder, String pathSpec) {
        ServletContextHandler context = new ServletContextHandler("/");
        holder.setInitOrder(1);
        context.addServlet(holder, pathSpec);
        return startLenient(context);
    }

    private static TestServer start(Handler handler, boolean lenient) {
        Server server = new Server();
        // one acceptor and one selector: many servers run at once on 2 cores
        ServerConnector connector = new ServerConnector(server, 1, 1);
        if (lenient) {
            connector
                    .getConnectionFactory(HttpConnectionFactory.class)
                    .getHttpConfiguration()
                    .setUriCompliance(UriCompliance.UNSAFE);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException(e);
        }
        if (handler instanceof ContextHandler context && !context.isAvailable()) {
            Throwable cause = null;
            if (context instanceof ServletContextHandler servlets) {
                for (ServletHolder h : servlets.getServletHandler().getServlets()) {
                    if (h.getUnavailableException() != null) {
                        cause = h.getUnavailableException();
                    }
                }
            }
            stopQuietly(server);
            throw new IllegalStateException("deployment failed: the context is unavailable", cause);
        }
        return new TestServer(server, connector);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing
        }
    }

    /** @return the port the server listens on, on 127.0.0.1 */
    public int port() {
        return port;
    }

    /**
     * @param path a path with its query, as sent: {@code /page?n=1}
     * @return the absolute URI of the path on this server
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Sends a GET; the body read as UTF-8 text.
     *
     * @param path the path and query
     * @param headers header name/value pairs
     * @return the response
     */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /**
     * Sends a GET; the body as bytes, exactly as served.
     *
     * @param path the path and query
     * @param headers header name/value pairs
     * @return the response
     */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send("GET", path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    /**
     * Sends a request without body; the response body read as UTF-8 text.
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param headers header name/value pairs
     * @return the response
     */
    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /**
     * Sends a request without body.
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param handler how the body is read
     * @param headers header name/value pairs
     * @param <T> the body's type
     * @return the response
     */
    public <T> HttpResponse<T> send(
            String method, String path, HttpResponse.BodyHandler<T> handler, String... headers) {
        return TestHttp.send(method, uri(path), handler, headers);
    }

    /**
     * @param response a response
     * @return every {@code Set-Cookie} value of the response, in order
     */
    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
