package io.github.cloudfrontsigned.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontsigned.cli.Main;
import io.github.cloudfrontsigned.key.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo signing for a CloudFront distribution, with {@code cloudfront-signed edge --public-url} standing in for
 * that distribution in front of the demo's files (the S3-like origin): a browser-less visitor logs in, follows the
 * signed links and sends the signed cookies to the edge, and sees CloudFront's denials with their reasons.
 */
final class DemoBehindCommandLineEdgeTest {

    private static final String DISTRIBUTION = "https://d111111abcdef8.cloudfront.net";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static Path data;
    private static DemoServer demo;
    private static Thread edgeThread;
    private static String edge;
    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("demo-behind-edge");
        demo = DemoServer.builder().port(0).dataDir(data).cdnUrl(DISTRIBUTION).start();
        Path publicKey = data.resolve("public_key.pem");
        Files.writeString(publicKey, Keys.toPem(Keys.publicKey(demo.privateKey())));
        PrintStream out = new PrintStream(PRINTED, true, StandardCharsets.UTF_8);
        String[] args = {
            "edge",
            "--port",
            "0",
            "--origin-dir",
            data.resolve("cdn").toString(),
            "--public-key",
            demo.keyPairId() + "=" + publicKey,
            "--public-url",
            DISTRIBUTION,
            "--protect",
            "/private/*",
            "--protect",
            "/members/*",
            "--protect",
            "/users/*",
            "--dev"
        };
        edgeThread = new Thread(() -> Main.run(out, out, args), "cloudfront-signed edge");
        edgeThread.start();
        Pattern listening = Pattern.compile("edge on (http://127\\.0\\.0\\.1:\\d+)");
        for (int i = 0; i < 600 && edge == null && edgeThread.isAlive(); i++) {
            Matcher m = listening.matcher(PRINTED.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                edge = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(edge != null, () -> "the edge did not start: " + PRINTED.toString(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        edgeThread.interrupt();
        edgeThread.join(10_000);
        demo.close();
    }

    /** A link to the distribution, sent to the local edge instead (as a hosts-file entry would). */
    private static HttpResponse<byte[]> viaEdge(String link, String cookieHeader) throws Exception {
        assertTrue(link.startsWith(DISTRIBUTION + "/"), link);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(edge + link.substring(DISTRIBUTION.length())));
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertDenied(String code, String reasonPart, HttpResponse<byte[]> r) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(403, r.statusCode(), body);
        assertEquals("text/xml", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(body.contains("<Error><Code>" + code + "</Code>"), body);
        String reason = r.headers().firstValue("X-CloudFront-Signed-Reason").orElse("");
        assertTrue(reason.contains(reasonPart), reason);
    }

    /** The signed cookies the demo set for a path, as a browser sends them to the distribution. */
    private static String cookiesFor(Visitor visitor, String path) {
        List<HttpCookie> cookies = visitor.cookies.getCookieStore().getCookies();
        return cookies.stream()
                .filter(c -> c.getName().startsWith("CloudFront-") && path.startsWith(c.getPath()))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    @Test
    void signedImageLinks_openThroughTheEdge() throws Exception {
        Visitor alice = Visitor.loggedIn(demo.baseUrl(), "alice");
        List<String> images = Visitor.attributes(alice.text("/library"), "signed", "src");
        assertEquals(DemoFiles.IMAGES.size(), images.size());
        for (String link : images) {
            HttpResponse<byte[]> r = viaEdge(link, null);
            assertEquals(200, r.statusCode(), link);
            String path = link.substring(DISTRIBUTION.length() + 1, link.indexOf('?'));
            assertArrayEquals(Files.readAllBytes(data.resolve("cdn").resolve(path)), r.body(), link);
        }
    }

    @Test
    void downloadRedirect_opensThroughTheEdge() throws Exception {
        Visitor alice = Visitor.loggedIn(demo.baseUrl(), "alice");
        String location = alice.get("/download/" + DemoFiles.DOWNLOADS.get(0))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertEquals(200, viaEdge(location, null).statusCode(), location);
    }

    @Test
    void signedCookies_openTheMembersGalleryAndTheUsersFolder() throws Exception {
        Visitor bob = Visitor.loggedIn(demo.baseUrl(), "bob");
        bob.text("/library");
        String gallery = DISTRIBUTION + "/members/gallery/" + DemoFiles.GALLERY.get(0);
        assertEquals(200, viaEdge(gallery, cookiesFor(bob, "/members/gallery/")).statusCode());
        String folder = DISTRIBUTION + "/users/bob/notes.txt";
        assertEquals(
                "Private notes of bob.\n",
                new String(viaEdge(folder, cookiesFor(bob, "/users/bob/")).body(), StandardCharsets.UTF_8));
    }

    @Test
    void bobsCookiesForAlicesFolder_areDeniedWithTheResourceInTheReason() throws Exception {
        Visitor bob = Visitor.loggedIn(demo.baseUrl(), "bob");
        bob.text("/library");
        assertDenied(
                "AccessDenied",
                "is not covered by the policy Resource",
                viaEdge(DISTRIBUTION + "/users/alice/notes.txt", cookiesFor(bob, "/users/bob/")));
    }

    @Test
    void tamperedOrUnsignedLinks_areDeniedWithTheirReasons() throws Exception {
        Visitor alice = Visitor.loggedIn(demo.baseUrl(), "alice");
        String link =
                Visitor.attributes(alice.text("/library"), "signed", "src").get(0);
        assertDenied("MissingKey", "no signing query parameter", viaEdge(link.substring(0, link.indexOf('?')), null));
        assertDenied(
                "InvalidKey",
                "not in the trusted key group",
                viaEdge(link.replace("Key-Pair-Id=" + demo.keyPairId(), "Key-Pair-Id=KNOTTRUSTED000"), null));
        assertDenied(
                "AccessDenied",
                "",
                viaEdge(
                        link.replaceFirst("Signature=.", link.contains("Signature=A") ? "Signature=B" : "Signature=A"),
                        null));
        assertTrue(PRINTED.toString(StandardCharsets.UTF_8).contains("403 /private/images/"), PRINTED::toString);
    }
}
