package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloudfront-signed verify}: decides a request as CloudFront would. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decides a request exactly as CloudFront would: prints OK and what was granted (exit 0), or"
                    + " CloudFront's error code and the precise reason (exit 1), such as expired 5 minutes ago, client"
                    + " IP not in the range, the URL re-encoded after signing, or the Resource and URL side by side.",
            "A signing parameter in the URL makes it a signed URL and the cookies are then ignored, as CloudFront does."
        },
        footer = {
            "",
            "Examples:",
            "  cloudfront-signed verify \\",
            "      --url 'https://d111111abcdef8.cloudfront.net/a.jpg?Expires=...' \\",
            "      --public-key K2JCJMDEHXQW5F=public_key.pem \\",
            "      --public-key K36X4X2EO997HM=next_public_key.pem",
            "  cloudfront-signed verify \\",
            "      --url https://d111111abcdef8.cloudfront.net/members/a.pdf \\",
            "      --cookie 'CloudFront-Policy=...' --cookie 'CloudFront-Signature=...' \\",
            "      --cookie CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F \\",
            "      --public-key K2JCJMDEHXQW5F=public_key.pem --client-ip 192.0.2.7"
        })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The URL as the viewer requests it: a signed URL, or the URL signed cookies are sent with.")
    private String url;

    @Mixin
    private RequestOptions request;

    @Option(
            names = "--public-key",
            required = true,
            paramLabel = "ID=FILE",
            description = "A trusted public key: its key pair ID and its PEM file (path or file://path), or"
                    + " ID=kms:KEY_ID (the KMS key's public key), or ID=secretsmanager:NAME / ID=ssm:/name (the public"
                    + " key of the private key kept there). Repeat it for every key in the trusted key group.")
    private List<String> publicKeys;

    @Mixin
    private KeyOptions keys;

    @Option(names = "--client-ip", paramLabel = "IP", description = "The viewer's IP address, for IpAddress policies.")
    private String clientIp;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        CloudFrontVerifier.Builder builder = CloudFrontVerifier.builder().clock(request.clock());
        for (String argument : publicKeys) {
            keys.trust(builder, argument);
        }
        Verdict verdict =
                builder.build().verify(request.request(url).clientIp(clientIp).build());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            OutputOptions.writeJson(out, g -> {
                g.writeBooleanField("allowed", verdict.isAllowed());
                g.writeStringField(
                        "code", verdict.isAllowed() ? null : verdict.code().code());
                g.writeStringField("reason", verdict.reason());
                OutputOptions.writeSignature(
                        g,
                        verdict.source(),
                        verdict.isCannedPolicy(),
                        verdict.keyPairId(),
                        verdict.hashAlgorithm(),
                        verdict.resource(),
                        verdict.dateLessThan(),
                        verdict.dateGreaterThan(),
                        verdict.ipAddress());
            });
            return verdict.isAllowed() ? Main.OK : Main.DENIED;
        }
        if (verdict.isAllowed()) {
            out.println("OK");
            out.println(verdict.reason());
            return Main.OK;
        }
        out.println(verdict.code().code() + ": " + verdict.reason());
        return Main.DENIED;
    }
}
