package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.RawHttp;
import io.github.cloudfrontsigned.TestHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 12 (ee10) server on 127.0.0.1 with a random port, and a JDK HTTP client. */
final class TestServer implements AutoCloseable {

    final Server server;
    final int port;

    private TestServer(Server server) {
        this.server = server;
        this.port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The test application, with the filter configured by init-params (none: the filter is left out). */
    static TestServer withFilter(Map<String, String> initParams) {
        return start(context -> {
            context.addFilter(TestApp.UserFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            if (initParams != null) {
                FilterHolder holder = new FilterHolder(CloudFrontSigningFilter.class);
                holder.setName("cloudfront");
                holder.setAsyncSupported(true);
                holder.setInitParameters(initParams);
                context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC,
                        DispatcherType.ERROR));
            }
            TestApp.addServlets(context);
        });
    }

    /** The test application with a filter instance made in code. */
    static TestServer withFilter(Filter filter) {
        return start(context -> {
            context.addFilter(TestApp.UserFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            FilterHolder holder = new FilterHolder(filter);
            holder.setName("cloudfront");
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC,
                    DispatcherType.ERROR));
            TestApp.addServlets(context);
        });
    }

    static TestServer start(Consumer<ServletContextHandler> setup) {
        ServletContextHandler context = new ServletContextHandler("/");
        setup.accept(context);
        return start((Handler) context);
    }

    static TestServer start(Handler handler) {
        return start(handler, false);
    }

    /**
     * A server that accepts and decodes ambiguous paths ({@code %2e%2e}, {@code %2f}, {@code ..;}) instead of
     * refusing them as Jetty does by default, as a lenient container configuration would: what a filter must
     * withstand on its own.
     */
    static TestServer startLenient(Consumer<ServletContextHandler> setup) {
        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        setup.accept(context);
        return start(context, true);
    }

    private static TestServer start(Handler handler, boolean lenient) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        if (lenient) {
            connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                    .getHttpConfiguration().setUriCompliance(org.eclipse.jetty.http.UriCompliance.UNSAFE);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException(e);
        }
        return new TestServer(server);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) {
        return TestHttp.send(method, uri(path), HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    /**
     * Sends one HTTP/1.1 request over a plain socket, the request target exactly as given (no client
     * normalizes it): {@link RawHttp#get}.
     */
    RawHttp.Response raw(String target, String... headerLines) {
        return RawHttp.get(port, target, headerLines);
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
