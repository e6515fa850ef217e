package io.github.cloudfrontsigned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The JDK HTTP client the tests of the servlet and JAX-RS modules send requests with (their test servers stay in
 * their modules: core's tests do not depend on a container). For request targets sent byte for byte, see
 * {@link RawHttp}.
 */
public final class TestHttp {

    /** The client: HTTP/1.1, no redirects followed, 5 s connect timeout. */
    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {}

    /**
     * Sends a request without body, 30 s timeout.
     *
     * @param method the HTTP method
     * @param uri the absolute URI
     * @param handler how the body is read
     * @param headers header name/value pairs
     * @return the response
     */
    public static <T> HttpResponse<T> send(
            String method, URI uri, HttpResponse.BodyHandler<T> handler, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return CLIENT.send(b.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
