package io.github.cloudfrontsigned.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.cli.CliProcess.Result;
import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line distribution as a user installs it: {@code cloudfront-signed-VERSION-bin.tar.gz} (and
 * {@code .zip}) unpacked into a directory of one's choosing, then {@code bin/cloudfront-signed} run from there.
 */
final class DistributionIT {

    private static final String VERSION = System.getProperty("cli.version", "0.1.0-SNAPSHOT");
    private static final String TOP = "cloudfront-signed-" + VERSION + "/";

    @TempDir
    Path temp;

    private static Path archive(String extension) {
        return Paths.get(
                System.getProperty("cli.distribution", "target/cloudfront-signed-cli-" + VERSION + "-bin") + extension);
    }

    @Test
    void tarGz_unpackedAnywhere_printsTheVersionAndSigns() throws Exception {
        Path place = Files.createDirectories(temp.resolve("any place/with spaces"));
        Result untar = CliProcess.run(
                temp, Map.of(), List.of("tar", "-xzf", archive(".tar.gz").toString(), "-C", place.toString()));
        assertEquals(0, untar.exit(), untar::toString);
        Path launcher = place.resolve(TOP + "bin/cloudfront-signed");
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");

        Result version = CliProcess.run(temp, Map.of(), List.of(launcher.toString(), "--version"));
        assertEquals(0, version.exit(), version::toString);
        assertTrue(version.out().startsWith("cloudfront-signed " + VERSION + "\n"), version::toString);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path key = Files.writeString(
                temp.resolve("private_key.pem"),
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        Result sign = CliProcess.run(
                temp,
                Map.of(),
                List.of(
                        launcher.toString(),
                        "sign",
                        "--url",
                        "https://d111111abcdef8.cloudfront.net/a.jpg",
                        "--key-pair-id",
                        "K2JCJMDEHXQW5F",
                        "--private-key",
                        "file://" + key,
                        "--expires-in",
                        "10m"));
        assertEquals(0, sign.exit(), sign::toString);
        CloudFrontVerifier verifier = CloudFrontVerifier.builder()
                .trustedKey("K2JCJMDEHXQW5F", Keys.publicKey(Keys.loadPrivateKey(KeySource.file(key))))
                .build();
        assertTrue(verifier.verify(sign.out().strip()).isAllowed(), sign::toString);
    }

    @Test
    void zip_holdsTheSameFilesAsTheTarGz_withTheLauncherExecutable() throws Exception {
        Map<String, Integer> zip = new TreeMap<>();
        try (ZipFile file = ZipFile.builder().setPath(archive(".zip")).get()) {
            for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
                if (!e.isDirectory()) {
                    zip.put(e.getName(), e.getUnixMode() & 0777);
                }
            }
        }
        Map<String, Integer> tar = new TreeMap<>();
        try (TarArchiveInputStream in =
                new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive(".tar.gz"))))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    tar.put(e.getName(), e.getMode() & 0777);
                }
            }
        }
        assertEquals(tar, zip);
        assertEquals(0755, zip.get(TOP + "bin/cloudfront-signed"), zip::toString);
        assertTrue(zip.containsKey(TOP + "lib/cloudfront-signed.jar"), zip::toString);
        assertTrue(zip.containsKey(TOP + "completion/cloudfront-signed.bash"), zip::toString);
        assertTrue(zip.containsKey(TOP + "README.md"), zip::toString);
    }
}
