/**
 * The {@code cloudfront-signed} command-line tool: sign URLs and cookies, verify and inspect them, generate key
 * pairs. Entry point {@link io.github.cloudfrontsigned.cli.Main}; exports nothing (a tool, not a library).
 * picocli reads the command classes' annotations and sets their fields reflectively, so the package is opened
 * to it.
 */
module io.github.cloudfrontsigned.cli {
    requires io.github.cloudfrontsigned.core;
    requires info.picocli;

    opens io.github.cloudfrontsigned.cli to info.picocli;
}
