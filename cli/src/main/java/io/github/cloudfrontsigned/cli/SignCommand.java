package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.verify.SignedRequest;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloudfront-signed sign}: prints a signed URL. */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Signs a URL and prints it.",
            "A canned policy is used unless --date-greater-than, --ip-address or a --policy-resource other than the"
                    + " URL asks for a custom one. The URL must already be percent-encoded, and must be sent exactly as"
                    + " signed."
        },
        footer = {
            "",
            "Examples:",
            "  cloudfront-signed sign --url https://d111111abcdef8.cloudfront.net/a.jpg \\",
            "      --key-pair-id K2JCJMDEHXQW5F --private-key file://private_key.pem \\",
            "      --expires-in 10m",
            "  cloudfront-signed sign \\",
            "      --url 'https://d111111abcdef8.cloudfront.net/videos/a.mp4?hd=1' \\",
            "      --policy-resource 'https://d111111abcdef8.cloudfront.net/videos/*' \\",
            "      --ip-address 192.0.2.0/24 --date-less-than 2026-12-01 \\",
            "      --key-pair-id K2JCJMDEHXQW5F --private-key file://private_key.pem"
        })
final class SignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The URL to sign, query string included.")
    private String url;

    @Mixin
    private SigningOptions signing;

    @Option(
            names = "--policy-resource",
            paramLabel = "RESOURCE",
            description = "The policy's Resource when it differs from the URL, with * and ? wildcards (as in the"
                    + " second example below); it must cover the URL.")
    private String policyResource;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Policy.Builder policy = signing.policy();
        if (policyResource != null) {
            try {
                policy.resource(policyResource);
            } catch (IllegalArgumentException e) {
                throw new InputException("--policy-resource: " + e.getMessage());
            }
        }
        String signed;
        try {
            signed = signing.signer().signUrl(url, policy.build());
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        } finally {
            signing.close();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            SignedRequest parsed =
                    SignedRequest.parse(ViewerRequest.builder().url(signed).build());
            OutputOptions.writeJson(out, g -> {
                g.writeStringField("url", signed);
                OutputOptions.writeSignature(g, parsed);
            });
        } else {
            out.println(signed);
        }
        return Main.OK;
    }
}
