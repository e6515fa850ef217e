package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.testing.TestServer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test server for all tests of a class: {@code @RegisterExtension static final RunningServer SERVER = ...}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestServer> start;
    private TestServer server;

    /** @param start starts the server before the class's first test */
    public RunningServer(Supplier<TestServer> start) {
        this.start = start;
    }

    /** @return the test application on Jersey, configured in code */
    static RunningServer jersey() {
        return new RunningServer(JerseyServer::start);
    }

    /** @return the running server */
    public TestServer get() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = start.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
