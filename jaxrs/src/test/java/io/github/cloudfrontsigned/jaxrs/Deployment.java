package io.github.cloudfrontsigned.jaxrs;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontsigned.testing.TestServer;
import java.util.function.Supplier;

/** Test helper: the message of a failed deployment, with every cause's message. */
public final class Deployment {

    private Deployment() {}

    /**
     * @param start starts a server that must fail to deploy
     * @return the messages of the failure and all its causes, one per line
     */
    public static String failure(Supplier<TestServer> start) {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> start.get().close());
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return sb.toString();
    }
}
