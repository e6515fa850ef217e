package io.github.cloudfrontsigned.examples;

import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * Starts the demo: {@code mvn -B -pl examples -am -Prun -DskipTests package}.
 *
 * <p>System properties (or environment variables): {@code demo.port} ({@code DEMO_PORT}, default 8080),
 * {@code demo.data-dir} ({@code DEMO_DATA_DIR}: generated key and sample files), and, to sign for a real
 * distribution, {@code demo.cdn-url} ({@code DEMO_CDN_URL}, for example {@code https://d111111abcdef8.cloudfront.net}),
 * {@code cloudfront.key-pair-id} ({@code CLOUDFRONT_KEY_PAIR_ID}) and {@code cloudfront.private-key.location}
 * ({@code CLOUDFRONT_PRIVATE_KEY_LOCATION}).
 */
public final class DemoLauncher {

    private DemoLauncher() {}

    private static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int port(String value) {
        if (value == null) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("demo.port (DEMO_PORT) must be a TCP port from 0 to 65535, not \"" + value
                + "\"; for example -Ddemo.port=8081");
    }

    /**
     * @param args ignored
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.awt.headless", "true");
        String port = setting("demo.port");
        String dataDir = setting("demo.data-dir");
        DemoServer.Builder builder = DemoServer.builder()
                .port(port(port))
                .dataDir(Path.of(dataDir == null ? "cloudfront-signed-demo" : dataDir)
                        .toAbsolutePath());
        String keyPairId = setting("cloudfront.key-pair-id");
        String keyLocation = setting("cloudfront.private-key.location");
        String realKey = null;
        if (keyPairId != null && keyLocation != null) {
            PrivateKey key = Keys.loadPrivateKey(KeySource.location(keyLocation));
            builder.key(keyPairId, key);
            realKey = "your key " + keyPairId + " from " + keyLocation;
        } else if (keyPairId != null || keyLocation != null) {
            throw new IllegalArgumentException("set both cloudfront.key-pair-id and cloudfront.private-key.location"
                    + " (or CLOUDFRONT_KEY_PAIR_ID and CLOUDFRONT_PRIVATE_KEY_LOCATION) to sign with your own key");
        }
        String cdnUrl = setting("demo.cdn-url");
        if (cdnUrl != null) {
            builder.cdnUrl(cdnUrl.endsWith("/") ? cdnUrl.substring(0, cdnUrl.length() - 1) : cdnUrl);
        }
        DemoServer server = builder.start();
        DemoFiles.DemoKey generated = realKey == null
                ? DemoFiles.key(Path.of(dataDir == null ? "cloudfront-signed-demo" : dataDir)
                        .toAbsolutePath())
                : null;
        StringBuilder banner = new StringBuilder("\n=== cloudfront-signed demo: a private media library ===\n");
        if (generated != null) {
            banner.append("Key pair ID ")
                    .append(server.keyPairId())
                    .append(", public key SHA-256 fingerprint ")
                    .append(Keys.fingerprint(Keys.publicKey(server.privateKey())))
                    .append("\n  private key: ")
                    .append(generated.file())
                    .append(" (made by the demo at its first start, public_key.pem next to it)\n");
        } else {
            banner.append("Signing with ")
                    .append(realKey)
                    .append(", fingerprint ")
                    .append(Keys.fingerprint(Keys.publicKey(server.privateKey())))
                    .append('\n');
        }
        banner.append("Links point to ").append(server.cdnUrl()).append('\n');
        if (generated != null && cdnUrl != null) {
            banner.append(
                    "  (that distribution must trust this generated key: upload public_key.pem, add it to the"
                            + " cache behavior's key group, or set cloudfront.key-pair-id and cloudfront.private-key.location)\n");
        }
        banner.append("\nOpen ").append(server.baseUrl()).append("/library\n");
        DemoServer.USERS.forEach((u, p) -> banner.append("  user ")
                .append(u)
                .append(", password ")
                .append(p)
                .append('\n'));
        banner.append("Press Ctrl+C to stop.\n");
        System.out.println(banner);
        server.join();
    }
}
