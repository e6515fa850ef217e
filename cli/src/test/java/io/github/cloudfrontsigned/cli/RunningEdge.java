package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cloudfront-signed edge --port 0 ARGS} running in this JVM (as {@link Main#run} runs it), with a client that
 * sends the request target exactly as given ({@link RawHttp}).
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

    /** {@link RawHttp#get} to this edge: the request target byte for byte. */
    RawHttp.Response raw(String target, String... headerLines) {
        return RawHttp.get(port, target, headerLines);
    }

    @Override
    public void close() throws InterruptedException {
        running.interrupt();
        running.join(10_000);
    }
}
