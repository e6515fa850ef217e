package io.github.cloudfrontsigned.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cloudfront-signed edge --port 0 ARGS} running in this JVM (as {@link Main#run} runs it), and a client that
 * sends the request target exactly as given, as a hostile viewer can (no client library normalizes it).
 */
final class RunningEdge implements AutoCloseable {

    private final Thread running;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final String url;
    final int port;

    private RunningEdge(String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("edge", "--port", "0"));
        all.addAll(Arrays.asList(args));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        running = new Thread(() -> Main.run(out, out, all.toArray(new String[0])), "edge");
        running.start();
        Pattern listening = Pattern.compile("edge on (http://127\\.0\\.0\\.1:(\\d+))");
        for (int i = 0; i < 600; i++) {
            Matcher m = listening.matcher(printed());
            if (m.find()) {
                url = m.group(1);
                port = Integer.parseInt(m.group(2));
                return;
            }
            if (!running.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("the edge did not start: " + printed());
    }

    /** Starts the edge and waits for the line that says where it listens. */
    static RunningEdge start(String... args) throws InterruptedException {
        return new RunningEdge(args);
    }

    /** What the command printed so far. */
    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** An HTTP response: status code and the whole response (headers and body) as text. */
    record Response(int status, String text) {
        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    /** {@code GET target HTTP/1.1} over a plain socket to 127.0.0.1:port, the target byte for byte. */
    static Response raw(int port, String target, String... headerLines) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            for (String h : headerLines) {
                request.append(h).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(response.substring(9, 12)), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@link #raw(int, String, String...)} to this edge. */
    Response raw(String target, String... headerLines) {
        return raw(port, target, headerLines);
    }

    @Override
    public void close() throws InterruptedException {
        running.interrupt();
        running.join(10_000);
    }
}
