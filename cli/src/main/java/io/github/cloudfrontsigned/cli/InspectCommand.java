package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.verify.SignedRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloudfront-signed inspect}: decodes a signed URL or signed cookies without a key. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decodes a signed URL or signed cookies without a key and prints the policy, its times in UTC"
                    + " and relative to now, the key pair ID and the hash algorithm. Nothing is verified: use verify"
                    + " for that."
        },
        footer = {
            "",
            "Example:",
            "  cloudfront-signed inspect \\",
            "      --url 'https://d111111abcdef8.cloudfront.net/a.jpg?Policy=...'"
        })
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "A signed URL, or the URL the cookies are sent with (needed to show a canned policy).")
    private String url;

    @Mixin
    private RequestOptions request;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        if (url == null && request.cookies.isEmpty()) {
            throw new InputException("give --url, --cookie, or both");
        }
        SignedRequest signed = url != null
                ? SignedRequest.parse(request.request(url).build())
                : SignedRequest.ofCookies(request.cookies());
        if (!signed.isSigned()) {
            throw new InputException("nothing to inspect: " + signed.problems().get(0));
        }
        if (output.json()) {
            OutputOptions.writeJson(spec.commandLine().getOut(), g -> {
                OutputOptions.writeSignature(g, signed);
                g.writeStringField("policyJson", signed.policyJson());
                g.writeArrayFieldStart("problems");
                for (String problem : signed.problems()) {
                    g.writeString(problem);
                }
                g.writeEndArray();
            });
            return Main.OK;
        }
        spec.commandLine()
                .getOut()
                .println(SigningDataText.describe(signed, request.clock().instant()));
        return Main.OK;
    }
}
