package io.github.cloudfrontsigned.examples;

import io.github.cloudfrontsigned.key.KeySource;
import io.github.cloudfrontsigned.key.Keys;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The demo's data folder: its key pair (made at first start) and the sample files the local edge serves. */
final class DemoFiles {

    static final List<String> IMAGES = List.of("sunset.png", "forest.png", "ocean.png");
    static final List<String> GALLERY = List.of("members-1.png", "members-2.png");
    static final List<String> DOWNLOADS = List.of("report.txt", "price-list.csv");
    static final List<String> SEGMENTS = List.of("segment0.ts", "segment1.ts", "segment2.ts");
    static final String PLAYLIST = "playlist.m3u8";

    private DemoFiles() {}

    /** The generated key, its ID and the file it is in. */
    record DemoKey(String keyPairId, PrivateKey privateKey, Path file, boolean created) {}

    /** Loads the demo key from {@code dir/keys}, or makes one: RSA-2048, PKCS#8 PEM, key pair ID from its fingerprint. */
    static DemoKey key(Path dir) {
        Path keys = dir.resolve("keys");
        Path privatePem = keys.resolve("private_key.pem");
        Path idFile = keys.resolve("key-pair-id.txt");
        try {
            if (Files.isRegularFile(privatePem) && Files.isRegularFile(idFile)) {
                return new DemoKey(
                        Files.readString(idFile).trim(),
                        Keys.loadPrivateKey(KeySource.file(privatePem)),
                        privatePem,
                        false);
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            String id =
                    "K" + Keys.fingerprint(pair.getPublic()).substring(0, 13).toUpperCase(Locale.ROOT);
            Files.createDirectories(keys);
            Files.deleteIfExists(privatePem); // a half-written key from an interrupted first start
            ownerOnly(privatePem);
            Files.writeString(
                    privatePem,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                    .encodeToString(pair.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(keys.resolve("public_key.pem"), Keys.toPem(pair.getPublic()));
            Files.writeString(idFile, id + "\n");
            return new DemoKey(id, pair.getPrivate(), privatePem, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo key in " + keys, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the file readable by its owner only (as keys should be; the library warns otherwise). */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // no POSIX permissions on this file system
        }
    }

    /** Writes the sample files under {@code dir/cdn} unless they are there. */
    static Path sampleFiles(Path dir, List<String> users) {
        Path cdn = dir.resolve("cdn");
        try {
            Color[][] colors = {
                {new Color(0xFF7E5F), new Color(0xFEB47B)}, {new Color(0x134E5E), new Color(0x71B280)},
                {new Color(0x2193B0), new Color(0x6DD5ED)}, {new Color(0x8E2DE2), new Color(0x4A00E0)},
                {new Color(0xF7971E), new Color(0xFFD200)}
            };
            int i = 0;
            for (String name : IMAGES) {
                png(cdn.resolve("private/images").resolve(name), name, colors[i++ % colors.length]);
            }
            for (String name : GALLERY) {
                png(cdn.resolve("members/gallery").resolve(name), name, colors[i++ % colors.length]);
            }
            write(cdn.resolve("private/downloads/report.txt"), "Quarterly report (demo)\nAll figures are made up.\n");
            write(
                    cdn.resolve("private/downloads/price-list.csv"),
                    "item,price\nsunset print,12.00\nforest print,15.00\n");
            StringBuilder playlist = new StringBuilder(
                    "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n" + "#EXT-X-MEDIA-SEQUENCE:0\n");
            for (int s = 0; s < SEGMENTS.size(); s++) {
                playlist.append("#EXTINF:2.0,\n").append(SEGMENTS.get(s)).append('\n');
                Path segment = cdn.resolve("members/stream").resolve(SEGMENTS.get(s));
                if (!Files.exists(segment)) {
                    Files.createDirectories(segment.getParent());
                    Files.write(segment, transportStream(s));
                }
            }
            playlist.append("#EXT-X-ENDLIST\n");
            write(cdn.resolve("members/stream").resolve(PLAYLIST), playlist.toString());
            for (String user : users) {
                write(cdn.resolve("users").resolve(user).resolve("notes.txt"), "Private notes of " + user + ".\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's sample files under " + cdn, e);
        }
        return cdn;
    }

    /** 16 MPEG-TS packets of 188 bytes: sync byte 0x47, a PID per segment, padding. Not playable video. */
    private static byte[] transportStream(int index) {
        byte[] ts = new byte[188 * 16];
        for (int p = 0; p < 16; p++) {
            ts[p * 188] = 0x47;
            ts[p * 188 + 1] = 0x1F;
            ts[p * 188 + 2] = (byte) (0xFF - index);
            ts[p * 188 + 3] = (byte) (0x10 | (p & 0x0F));
            for (int b = 4; b < 188; b++) {
                ts[p * 188 + b] = (byte) 0xFF;
            }
        }
        return ts;
    }

    private static void write(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void png(Path file, String label, Color[] gradient) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, gradient[0], 320, 200, gradient[1]));
            g.fillRect(0, 0, 320, 200);
            try {
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
                g.drawString(label, 20, 110);
            } catch (RuntimeException | LinkageError e) {
                // No fonts on this machine (a bare container): the gradient alone will do.
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }
}
