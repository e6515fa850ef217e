package io.github.cloudfrontsigned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A viewer that sends the request target byte for byte ({@code GET target HTTP/1.1} over a plain socket to
 * 127.0.0.1), as a hostile client can and no client library does, and the spellings such a viewer tries on a
 * protected file. For the edge tests of the command line, the servlet containers and Spring Boot.
 */
public final class RawHttp {

    /** What each protected file holds in the edge tests: never to be seen unsigned. */
    public static final String SECRET = "private hello";

    /**
     * Spellings of {@code /private/hello.txt} (and {@code /private/sub/x.txt}) that a file server, container or
     * origin may serve as the protected file: dot-segments raw and encoded, {@code //}, {@code ;}, {@code \},
     * encoded {@code /} and {@code \}, double encoding, NUL, encoded unreserved characters, mixed-case escapes.
     * The tree beside them: {@code /public/p.txt}.
     */
    public static final List<String> PROTECTED_FILE_SPELLINGS = List.of(
            "/public/../private/hello.txt",
            "/public/./../private/hello.txt",
            "/./private/hello.txt",
            "/public/p.txt/../../private/hello.txt",
            "/public/../private/sub/x.txt",
            "/%70rivate/hello.txt",
            "/%70%72%69%76%61%74%65/hello.txt",
            "/priv%61te/hello.txt",
            "/private/%68ello.txt",
            "/private/hello%2Etxt",
            "/private/hello%2etxt",
            "/private;x=1/hello.txt",
            "/private;/hello.txt",
            "/public/..;/private/hello.txt",
            "//private/hello.txt",
            "/public//../private/hello.txt",
            "/public/%2e%2e/private/hello.txt",
            "/public/%2E%2E/private/hello.txt",
            "/public/.%2e/private/hello.txt",
            "/public/%2e./private/hello.txt",
            "/%2e/private/hello.txt",
            "/public/..%2fprivate/hello.txt",
            "/public/..%2Fprivate/hello.txt",
            "/public/%2e%2e%2fprivate/hello.txt",
            "/public/..%5cprivate/hello.txt",
            "/public/..%5Cprivate/hello.txt",
            "/public/..\\private/hello.txt",
            "/public\\..\\private\\hello.txt",
            "/public/%252e%252e/private/hello.txt",
            "/public/..%252fprivate/hello.txt",
            "/public/%25%32%65%25%32%65/private/hello.txt",
            "/public/%00/../private/hello.txt",
            "/private/hello.txt%00",
            "/public/%2e%2e;x=1/private/hello.txt",
            "/public/%2e%2e/private/%68ello.txt",
            "/PRIVATE/../private/hello.txt");

    private RawHttp() {}

    /** A response: the status code and the whole response (status line, headers, body) as text. */
    public record Response(int status, String text) {
        /** @return what follows the headers */
        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    /**
     * @param port the port on 127.0.0.1
     * @param target the request target, sent as it is
     * @param headerLines more header lines, such as {@code Cookie: a=b}
     * @return the response, read to the end ({@code Connection: close})
     */
    public static Response get(int port, String target, String... headerLines) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(
                    "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
            for (String h : headerLines) {
                request.append(h).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(response.substring(9, 12)), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
