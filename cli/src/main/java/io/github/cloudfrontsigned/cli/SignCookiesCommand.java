package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.Policy;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.verify.SignedRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cloudfront-signed sign-cookies}: prints signed cookies. */
@Command(
        name = "sign-cookies",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Signs cookies for a resource and prints one Name=Value line per cookie, or complete"
                    + " Set-Cookie: lines with --set-cookie.",
            "A canned policy is used for one exact URL without --date-greater-than or --ip-address; a custom one"
                    + " otherwise (always for a resource holding * or ?, which CloudFront reads as wildcards)."
        },
        footer = {
            "",
            "Example:",
            "  cloudfront-signed sign-cookies \\",
            "      --resource 'https://d111111abcdef8.cloudfront.net/members/*' \\",
            "      --key-pair-id K2JCJMDEHXQW5F --private-key file://private_key.pem \\",
            "      --expires-in 1h --domain d111111abcdef8.cloudfront.net --path /members/ \\",
            "      --secure --http-only --set-cookie"
        })
final class SignCookiesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--resource",
            required = true,
            paramLabel = "RESOURCE",
            description = "The policy's Resource: a URL, or a pattern with * and ? wildcards.")
    private String resource;

    @Mixin
    private SigningOptions signing;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The cookies' Domain attribute.")
    private String domain;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            defaultValue = "/",
            description = "The cookies' Path attribute (default: ${DEFAULT-VALUE}).")
    private String path;

    @Option(names = "--secure", description = "Add the Secure attribute.")
    private boolean secure;

    @Option(names = "--http-only", description = "Add the HttpOnly attribute.")
    private boolean httpOnly;

    @Option(names = "--same-site", paramLabel = "Strict|Lax|None", description = "Add the SameSite attribute.")
    private String sameSite;

    @Option(names = "--set-cookie", description = "Print complete 'Set-Cookie:' header lines with the attributes.")
    private boolean setCookie;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Policy.Builder policy = signing.policy();
        try {
            policy.resource(resource);
        } catch (IllegalArgumentException e) {
            throw new InputException("--resource: " + e.getMessage());
        }
        SignedCookies cookies;
        try {
            cookies = signing.signer().signCookies(policy.build());
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        } finally {
            signing.close();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            List<String> headers = setCookie ? cookies.toSetCookieHeaders(attributes()) : null;
            SignedRequest parsed = SignedRequest.ofCookies(cookies.cookies());
            OutputOptions.writeJson(out, g -> {
                g.writeObjectFieldStart("cookies");
                for (SignedCookies.Cookie c : cookies.cookies()) {
                    g.writeStringField(c.name(), c.value());
                }
                g.writeEndObject();
                if (headers != null) {
                    g.writeArrayFieldStart("setCookie");
                    for (String header : headers) {
                        g.writeString(header);
                    }
                    g.writeEndArray();
                }
                OutputOptions.writeSignature(g, parsed);
            });
            return Main.OK;
        }
        if (!setCookie) {
            for (SignedCookies.Cookie c : cookies.cookies()) {
                out.println(c.name() + "=" + c.value());
            }
            return Main.OK;
        }
        for (String header : cookies.toSetCookieHeaders(attributes())) {
            out.println("Set-Cookie: " + header);
        }
        return Main.OK;
    }

    private CookieAttributes attributes() {
        try {
            return CookieAttributes.builder()
                    .domain(domain)
                    .path(path)
                    .secure(secure)
                    .httpOnly(httpOnly)
                    .sameSite(sameSite == null ? null : CookieAttributes.SameSite.parse(sameSite))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }
}
