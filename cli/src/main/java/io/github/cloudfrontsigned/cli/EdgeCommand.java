package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.EdgeAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cloudfront-signed edge}: a local CloudFront in front of an origin, for development and CI. Jetty's
 * reverse proxy (or its file server, for a directory standing in for an S3 bucket) behind core's
 * {@link EdgeAccess}: the same decision as the servlet module's edge filter and as {@code verify}.
 */
@Command(
        name = "edge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "A local CloudFront in front of any origin, for development and CI.",
            "It listens on a port, forwards to an HTTP origin or serves a directory as an S3-like origin, and enforces signed URLs and signed"
                    + " cookies for the protected path patterns exactly as verify decides them. A denial is CloudFront's"
                    + " 403 (text/xml, AccessDenied / MissingKey / InvalidKey); with --dev it also carries the precise"
                    + " reason (an X-CloudFront-Signed-Reason header and an XML comment) and is printed here.",
            "Signing query parameters are removed before the request goes to the origin, as CloudFront does."
        },
        footer = {
            "",
            "Examples:",
            "  cloudfront-signed edge --origin http://127.0.0.1:8081 --port 8080 \\",
            "      --protect '/private/*' --public-key K2JCJMDEHXQW5F=public_key.pem \\",
            "      --public-url https://d111111abcdef8.cloudfront.net --dev",
            "  cloudfront-signed edge --origin-dir ./bucket --key-group ./trusted-keys \\",
            "      --port 8080",
            "",
            "Stop it with Ctrl+C."
        })
final class EdgeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Origin origin;

    /** Exactly one origin. */
    static final class Origin {
        @Option(
                names = "--origin",
                paramLabel = "URL",
                description = "An HTTP origin to forward allowed requests to, for example http://127.0.0.1:8081 or"
                        + " http://127.0.0.1:8081/static (its path is put before the request's).")
        String url;

        @Option(
                names = "--origin-dir",
                paramLabel = "DIR",
                description = "A directory served as an S3-like origin: files by path, no listings, 404 when missing.")
        Path dir;
    }

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String bind;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "The distribution this edge stands for, such as https://d111111abcdef8.cloudfront.net:"
                    + " requests are verified as requests for this URL, so that links and policies written for the"
                    + " real distribution match. Default: the URL the viewer used.")
    private String publicUrl;

    @Option(
            names = "--public-key",
            paramLabel = "ID=KEY",
            description = "A trusted public key, as for verify: ID=FILE (PEM), ID=kms:KEY_ID, ID=secretsmanager:NAME"
                    + " or ID=ssm:/name. Repeat it for every key in the trusted key group.")
    private List<String> publicKeys = new ArrayList<>();

    @Option(
            names = "--key-group",
            paramLabel = "DIR",
            description = "A directory holding the trusted key group: one public key per key pair ID, as ID.pem or"
                    + " ID/public_key.pem (what keygen --out ID writes).")
    private Path keyGroup;

    @Option(
            names = "--protect",
            paramLabel = "PATTERN",
            description = "A path pattern whose requests must be signed, as in a cache behavior: * matches any"
                    + " characters, ? one (for example '/private/*'), matched against the path as the origin serves"
                    + " it (%%70rivate is private). Repeat it; other paths go to the origin unsigned. Every path is"
                    + " checked first: one the origin would serve as another path (.., //, ;, \\, %%2f, ...) is"
                    + " refused with 400. Default: every path.")
    private List<String> protect = new ArrayList<>();

    @Option(names = "--dev", description = "Development mode: each denial carries and prints its precise reason.")
    private boolean dev;

    @Mixin
    private KeyOptions keys;

    @Override
    public Integer call() throws Exception {
        CloudFrontVerifier.Builder verifier = CloudFrontVerifier.builder();
        for (String argument : publicKeys) {
            keys.trust(verifier, argument);
        }
        List<String> groupIds = keyGroup == null ? List.of() : trustKeyGroup(verifier);
        if (publicKeys.isEmpty() && groupIds.isEmpty()) {
            throw new InputException("give the trusted key group: --public-key ID=FILE (repeat it) or --key-group DIR");
        }
        EdgeAccess.Builder edge = EdgeAccess.builder(verifier.build());
        try {
            edge.publicUrl(publicUrl);
        } catch (IllegalArgumentException e) {
            throw new InputException("--public-url: " + e.getMessage());
        }
        try {
            edge.pathPatterns(protect.isEmpty() ? List.of("*") : protect);
        } catch (IllegalArgumentException e) {
            throw new InputException("--protect: " + e.getMessage());
        }
        EdgeAccess access = edge.build();
        PrintWriter out = spec.commandLine().getOut();
        if (dev) {
            DevMode.EDGE_LOG.setLevel(Level.WARNING); // each denial is printed here instead of summarized
        }
        EdgeServer server = EdgeServer.start(
                bind,
                port,
                access,
                dev ? out : null,
                origin.dir != null ? null : originUri(),
                origin.dir != null ? originDirectory() : null);
        out.println("cloudfront-signed edge on http://" + bind + ":" + server.port()
                + (access.publicUrl() == null ? "" : " as " + access.publicUrl()) + ", origin "
                + (origin.url != null ? origin.url : origin.dir.toAbsolutePath().normalize())
                + ", trusted key pair IDs "
                + access.verifier().trustedKeyPairIds() + ", signed requests required for "
                + String.join(" ", access.pathPatterns())
                + (dev ? "; development mode: denials carry their reason" : ""));
        out.flush();
        server.joinUntilInterrupted();
        return Main.OK;
    }

    /** The edge decision's logger, held so that its level stays set. */
    private static final class DevMode {
        static final Logger EDGE_LOG = Logger.getLogger(EdgeAccess.class.getName());
    }

    /** The key group directory's keys; their key pair IDs. */
    private List<String> trustKeyGroup(CloudFrontVerifier.Builder verifier) throws IOException {
        if (!Files.isDirectory(keyGroup)) {
            throw new InputException("--key-group " + keyGroup + " is not a directory");
        }
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(keyGroup)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Path key = Files.isDirectory(entry) ? entry.resolve("public_key.pem") : entry;
                String id = Files.isDirectory(entry)
                        ? name
                        : name.endsWith(".pem") ? name.substring(0, name.length() - 4) : null;
                if (id != null && Files.isRegularFile(key)) {
                    keys.trust(verifier, id, key.toString(), "--key-group " + key);
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new InputException("--key-group " + keyGroup + " holds no public key: put one file per key pair"
                    + " ID in it, named ID.pem (for example K2JCJMDEHXQW5F.pem) or ID/public_key.pem");
        }
        return ids;
    }

    private Path originDirectory() {
        if (!Files.isDirectory(origin.dir)) {
            throw new InputException("--origin-dir " + origin.dir + " is not a directory");
        }
        return origin.dir.toAbsolutePath().normalize();
    }

    private URI originUri() {
        URI uri;
        try {
            uri = URI.create(origin.url.strip());
        } catch (IllegalArgumentException e) {
            throw new InputException("--origin \"" + origin.url + "\" is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InputException("--origin \"" + origin.url + "\": give http:// or https://, a host, optionally a"
                    + " port and a path, without a query; for example http://127.0.0.1:8081");
        }
        return uri;
    }
}
