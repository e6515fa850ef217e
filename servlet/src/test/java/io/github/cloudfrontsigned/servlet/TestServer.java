package io.github.cloudfrontsigned.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

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
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends one HTTP/1.1 request over a plain socket, the request target exactly as given (no client
     * normalizes it), and returns the status line's code and the rest of the response.
     */
    RawResponse raw(String target, String... headerLines) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            for (String h : headerLines) {
                request.append(h).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString()
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            return new RawResponse(Integer.parseInt(response.substring(9, 12)), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response read by {@link #raw}: the status code and the whole response text, headers included. */
    record RawResponse(int status, String text) {
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
