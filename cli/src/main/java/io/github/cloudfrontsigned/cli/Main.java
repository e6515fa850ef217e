package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.key.KeyLoadingException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code cloudfront-signed} command: signs CloudFront URLs and cookies with the flags of
 * {@code aws cloudfront sign}, verifies them as CloudFront does (saying why CloudFront would answer 403),
 * inspects them without a key, and creates key pairs.
 *
 * <pre>
 * cloudfront-signed sign --url https://d111111abcdef8.cloudfront.net/a.jpg --key-pair-id K2JCJMDEHXQW5F \
 *     --private-key file://private_key.pem --expires-in 10m
 * cloudfront-signed verify --url 'https://...?Expires=...' --public-key K2JCJMDEHXQW5F=public_key.pem
 * </pre>
 *
 * <p>Exit status: {@value #OK} success, {@value #DENIED} verification failed (the request would get a 403),
 * {@value #USAGE} usage or input error, with a one-line message on standard error that says what to fix,
 * {@value #INTERNAL} an unexpected internal error (a bug; the stack trace is printed).
 */
@Command(
        name = "cloudfront-signed",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Signs Amazon CloudFront URLs and cookies, verifies them exactly as CloudFront does (and says"
                + " why CloudFront would answer 403), inspects them, and creates key pairs.",
        commandListHeading = "%nCommands:%n",
        footer = {
            "",
            "Exit status: 0 success, 1 verification failed, 2 usage or input error,",
            "3 internal error.",
            "Shell completion: source <(cloudfront-signed generate-completion)"
        })
public final class Main implements Callable<Integer> {

    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: the verifier denied the request. */
    public static final int DENIED = 1;
    /** Exit status: the command line or an input (file, URL, time) is wrong. */
    public static final int USAGE = 2;
    /** Exit status: a bug. */
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command without exiting.
     *
     * @param out where results go
     * @param err where errors go
     * @param args the command line
     * @return the exit status
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        String name = commandName(args);
        if (name != null && !COMMANDS.contains(name)) {
            err.println("cloudfront-signed: unknown command '" + name + "'; the commands are "
                    + String.join(", ", COMMANDS) + " (see 'cloudfront-signed --help')");
            return USAGE;
        }
        // Only the command that runs is built: picocli reads each command's annotations when it is added, which is
        // most of the start-up time of a one-shot command. Help and completion need them all.
        for (String n :
                name == null || name.equals("help") || name.equals("generate-completion") ? COMMANDS : List.of(name)) {
            commandLine.addSubcommand(n, command(n));
        }
        commandLine
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler(Main::executionError);
        return commandLine.execute(args);
    }

    /** The commands, in the order the help lists them. */
    static final List<String> COMMANDS =
            List.of("sign", "sign-cookies", "verify", "inspect", "keygen", "edge", "generate-completion", "help");

    /** A new instance of a command; only the one asked for is loaded. */
    private static Object command(String name) {
        switch (name) {
            case "sign":
                return new SignCommand();
            case "sign-cookies":
                return new SignCookiesCommand();
            case "verify":
                return new VerifyCommand();
            case "inspect":
                return new InspectCommand();
            case "keygen":
                return new KeygenCommand();
            case "edge":
                return new EdgeCommand();
            case "generate-completion":
                return new AutoComplete.GenerateCompletion();
            default:
                return new CommandLine.HelpCommand();
        }
    }

    /** The first word that is not an option (the top-level command has no option with a value), or {@code null}. */
    static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** Without a subcommand: the usage, as an error. */
    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println("cloudfront-signed: give a command: sign, sign-cookies, verify, inspect,"
                        + " keygen or edge (see 'cloudfront-signed --help')");
        return USAGE;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
        return USAGE;
    }

    private static int executionError(Exception e, CommandLine command, ParseResult parseResult) {
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof InputException
                || e instanceof KeyLoadingException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof UncheckedIOException) {
            command.getErr()
                    .println(name + ": " + CommandLineText.of(firstLine(e.getMessage()), command.getCommandName()));
            return USAGE;
        }
        command.getErr().println(name + ": internal error, please report it: " + e);
        e.printStackTrace(command.getErr());
        return INTERNAL;
    }

    /** The first line of a message: library messages may add a diagram below, which a one-line error omits. */
    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The version from the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "cloudfront-signed " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + ", default charset "
                        + (java.nio.charset.Charset.defaultCharset().equals(StandardCharsets.UTF_8)
                                ? "UTF-8"
                                : java.nio.charset.Charset.defaultCharset().name())
            };
        }
    }
}
