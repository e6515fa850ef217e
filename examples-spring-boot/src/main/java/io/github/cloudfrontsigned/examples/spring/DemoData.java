package io.github.cloudfrontsigned.examples.spring;

import io.github.cloudfrontsigned.key.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the demo needs on disk, made at first start in the data folder: a key pair (as CloudFront would hold the
 * public key) and the sample files the local edge serves. Not thread-safe; called once before the application
 * starts.
 */
final class DemoData {

    static final List<String> PHOTOS = List.of("sunset.svg", "forest.svg", "ocean.svg");
    static final List<String> DOWNLOADS = List.of("report.txt", "price-list.csv");
    static final String GALLERY = "gallery.svg";

    private DemoData() {}

    /**
     * Makes what is missing and returns the properties that point the application at it: the key pair ID, the
     * private key for signing and the public key for the local edge. A key given on the command line
     * ({@code -Dcloudfront.key-pair-id=...}) wins over these defaults.
     *
     * @param dir the data folder
     * @param users the demo users, one private folder each
     * @return default properties for Spring Boot
     * @throws UncheckedIOException if the folder cannot be written
     */
    static Map<String, Object> prepare(Path dir, List<String> users) {
        try {
            Path keys = dir.resolve("keys");
            Path privateKey = keys.resolve("private_key.pem");
            Path publicKey = keys.resolve("public_key.pem");
            Path idFile = keys.resolve("key-pair-id.txt");
            if (!Files.exists(privateKey)) {
                KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
                Files.createDirectories(keys);
                Files.writeString(
                        privateKey,
                        "-----BEGIN PRIVATE KEY-----\n"
                                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                        .encodeToString(pair.getPrivate().getEncoded())
                                + "\n-----END PRIVATE KEY-----\n");
                Files.writeString(publicKey, Keys.toPem(pair.getPublic()));
                String fingerprint = Keys.fingerprint(pair.getPublic());
                Files.writeString(idFile, "KDEMO" + fingerprint.substring(0, 9).toUpperCase(Locale.ROOT));
            }
            String keyPairId = Files.readString(idFile).trim();
            Path cdn = dir.resolve("cdn");
            for (String photo : PHOTOS) {
                write(cdn.resolve("private/photos/" + photo), svg(photo));
            }
            for (String download : DOWNLOADS) {
                write(cdn.resolve("private/downloads/" + download), "A private download: " + download + "\n");
            }
            write(cdn.resolve("members/" + GALLERY), svg("members only"));
            for (String user : users) {
                write(cdn.resolve("users/" + user + "/notes.txt"), "The private notes of " + user + "\n");
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("demo.data-dir", dir.toAbsolutePath().toString());
            properties.put("cloudfront.key-pair-id", keyPairId);
            properties.put("cloudfront.private-key.location", "file:" + privateKey.toAbsolutePath());
            properties.put(
                    "cloudfront.edge.keys." + keyPairId + ".public-key.location", "file:" + publicKey.toAbsolutePath());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo data to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate an RSA key", e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    private static String svg(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"140\">"
                + "<rect width=\"240\" height=\"140\" fill=\"#2b6cb0\"/><text x=\"20\" y=\"75\" fill=\"white\""
                + " font-size=\"20\">" + label + "</text></svg>\n";
    }
}
