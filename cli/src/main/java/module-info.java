/**
 * The {@code cloudfront-signed} command-line tool: sign URLs and cookies, verify and inspect them, generate key
 * pairs. Entry point {@link io.github.cloudfrontsigned.cli.Main}; exports nothing (a tool, not a library).
 * picocli reads the command classes' annotations and sets their fields reflectively, so the package is opened
 * to it.
 */
module io.github.cloudfrontsigned.cli {
    requires io.github.cloudfrontsigned.core;
    requires info.picocli;
    requires java.logging;
    requires com.fasterxml.jackson.core;
    // cloudfront-signed edge: Jetty's server, file server and reverse proxy
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.proxy;

    opens io.github.cloudfrontsigned.cli to
            info.picocli;
}
