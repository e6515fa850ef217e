package io.github.cloudfrontsigned.quarkusrest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.TestKeys;
import io.github.cloudfrontsigned.config.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/** A Quarkus REST application built from {@link ShelfResource} and an application.properties, expected not to start. */
final class StartupFailures {

    private StartupFailures() {
    }

    /** A private key generated for this run, written to a file. */
    static final Path KEY_FILE = TestKeys.pemFile(TestKeys.RSA.getPrivate());

    /**
     * @param properties the application.properties text
     * @param expected what the start-up failure's message must contain: property, value, source, fix
     * @return the test application, which must fail to start with a {@link ConfigurationException} so described
     */
    static QuarkusUnitTest application(String properties, String... expected) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(ShelfResource.class, ShelfResource.Book.class)
                        .addAsResource(new StringAsset(properties), "application.properties"))
                .assertException(failure -> {
                    Throwable t = failure;
                    while (t != null && !(t instanceof ConfigurationException)
                            && !t.getClass().getName().equals(ConfigurationException.class.getName())) {
                        t = t.getCause();
                    }
                    assertTrue(t != null, () -> "start-up did not fail with a ConfigurationException: " + trace(failure));
                    String message = t.getMessage();
                    for (String part : expected) {
                        assertTrue(message.contains(part), () -> "no \"" + part + "\" in: " + message);
                    }
                });
    }

    private static String trace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
