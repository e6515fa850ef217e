package io.github.cloudfrontsigned.cli;

import java.util.Map;

/**
 * The library's messages as a command-line user needs them: where a message of core names a Java call (written
 * for a program's author, such as {@code set Policy.resource(...)}), the option of the command that does the same.
 * Every error message the command prints goes through {@link #of(String, String)} once ({@link Main}).
 */
final class CommandLineText {

    /** The Java wording in core's messages, and the command line's, for every command. */
    private static final Map<String, String> ANY_COMMAND = Map.of(
            " (see ResourceUrls)",
            "",
            "percent-encode it as UTF-8",
            "percent-encode it as UTF-8 (for example \u00e9 as %C3%A9)",
            "set a passphrase with KeySource.withPassphrase(...), or store the key unencrypted",
            "this command reads unencrypted keys only: decrypt it first",
            " (cloudfront.hash-algorithm, CloudFrontSigner.Builder.hashAlgorithm or withHashAlgorithm)",
            " (--hash-algorithm)");

    /** The same for the command whose policy resource option is {@code --policy-resource} or {@code --resource}. */
    private static final Map<String, String> POLICY_RESOURCE = Map.of(
            "set Policy.resource(...) to sign a wildcard custom policy", "give %s to sign a wildcard custom policy",
            "use Policy.builder().resource(...) for a custom policy", "give %s for a custom policy",
            "set Policy.builder().resource(...)", "give %s");

    private CommandLineText() {}

    /**
     * @param message a message from the library (or the command)
     * @param command the command's name, such as {@code sign}
     * @return the message with each Java call replaced by the command's option
     */
    static String of(String message, String command) {
        String text = message;
        for (Map.Entry<String, String> e : ANY_COMMAND.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        String option = command.equals("sign-cookies") ? "--resource" : "--policy-resource";
        for (Map.Entry<String, String> e : POLICY_RESOURCE.entrySet()) {
            text = text.replace(e.getKey(), String.format(e.getValue(), option));
        }
        return text;
    }
}
