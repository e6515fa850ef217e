package io.github.cloudfrontsigned.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo over real HTTP: every page, every signed link through the local edge, tampered, expired, per user. */
final class DemoHttpTest {

    private static final MutableClock EDGE_CLOCK = new MutableClock();
    private static Path data;
    private static DemoServer server;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("demo-http-test");
        server =
                DemoServer.builder().port(0).dataDir(data).edgeClock(EDGE_CLOCK).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] file(String url) throws IOException {
        String path = url.substring(server.cdnUrl().length() + 1);
        int query = path.indexOf('?');
        return Files.readAllBytes(data.resolve("cdn").resolve(query < 0 ? path : path.substring(0, query)));
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void assertDenied(String code, HttpResponse<byte[]> r) {
        assertEquals(403, r.statusCode(), r.uri().toString());
        assertEquals(
                "text/xml", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("Error from cloudfront", r.headers().firstValue("x-cache").orElse(""));
        assertTrue(body(r).contains("<Error><Code>" + code + "</Code>"), body(r));
    }

    private static List<String> signedLinks(Visitor alice) {
        List<String> links = new ArrayList<>(Visitor.attributes(alice.text("/library"), "signed", "src"));
        Matcher m = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(alice.text("/api/downloads"));
        while (m.find()) {
            links.add(m.group(1));
        }
        for (String download : DemoFiles.DOWNLOADS) {
            links.add(alice.get("/download/" + download)
                    .headers()
                    .firstValue("Location")
                    .orElseThrow());
        }
        return links;
    }

    @Test
    void anonymousVisitor_isSentToTheLoginPage() {
        Visitor anonymous = new Visitor(server.baseUrl());
        HttpResponse<byte[]> r = anonymous.get("/library");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").contains("/login"));
        assertTrue(anonymous.text("/login").contains("j_security_check"));
    }

    @Test
    void wrongPassword_showsTheLoginError() {
        Visitor v = new Visitor(server.baseUrl());
        v.get("/library");
        HttpResponse<byte[]> r = v.post("/j_security_check", "j_username=alice&j_password=nope");
        assertTrue(r.headers().firstValue("Location").orElse("").contains("/login?error"));
        assertEquals(302, v.get("/library").statusCode());
    }

    @Test
    void libraryPage_showsEveryImageWithASignedUrl() {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        HttpResponse<byte[]> page = alice.get("/library");
        assertEquals(200, page.statusCode());
        List<String> images = Visitor.attributes(body(page), "signed", "src");
        assertEquals(DemoFiles.IMAGES.size(), images.size());
        images.forEach(src ->
                assertTrue(src.contains("Signature=") && src.contains("Key-Pair-Id=" + server.keyPairId()), src));
    }

    @Test
    void everySignedLink_servesTheRightBytesThroughTheEdge() throws IOException {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        List<String> links = signedLinks(alice);
        assertEquals(DemoFiles.IMAGES.size() + 2 * DemoFiles.DOWNLOADS.size(), links.size());
        Visitor stranger = new Visitor(server.baseUrl());
        for (String link : links) {
            HttpResponse<byte[]> r = stranger.get(link);
            assertEquals(200, r.statusCode(), link);
            assertArrayEquals(file(link), r.body(), link);
        }
    }

    @Test
    void everyTamperedSignature_isAccessDenied() {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        for (String link : signedLinks(alice)) {
            assertDenied(
                    "AccessDenied",
                    alice.get(link.replaceFirst("Signature=.", "Signature=A")
                            .replaceFirst(
                                    "Signature=A", link.contains("Signature=A") ? "Signature=B" : "Signature=A")));
        }
    }

    @Test
    void everyLinkToAnotherFile_isAccessDenied() {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        for (String link : signedLinks(alice)) {
            assertDenied(
                    "AccessDenied",
                    alice.get(link.replaceFirst("/private/[a-z]+/[^?]+\\?", "/private/images/ocean.png?x=1&")));
        }
    }

    @Test
    void unknownKeyPairId_isInvalidKey_andNoneIsMissingKey() {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        for (String link : signedLinks(alice)) {
            assertDenied(
                    "InvalidKey",
                    alice.get(link.replace("Key-Pair-Id=" + server.keyPairId(), "Key-Pair-Id=KNOTTRUSTED000")));
            assertDenied("MissingKey", alice.get(link.replace("&Key-Pair-Id=" + server.keyPairId(), "")));
        }
    }

    @Test
    void signedLinks_expire() {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        List<String> links = signedLinks(alice);
        EDGE_CLOCK.advance(Duration.ofHours(2));
        try {
            for (String link : links) {
                assertDenied("AccessDenied", alice.get(link));
            }
        } finally {
            EDGE_CLOCK.reset();
        }
        assertEquals(200, alice.get(links.get(0)).statusCode());
    }

    @Test
    void membersGalleryAndStream_openWithTheSignedCookies() throws IOException {
        Visitor bob = Visitor.loggedIn(server.baseUrl(), "bob");
        List<String> gallery = Visitor.attributes(bob.text("/library"), "cookie", "src");
        assertEquals(DemoFiles.GALLERY.size(), gallery.size());
        for (String image : gallery) {
            HttpResponse<byte[]> r = bob.get(image);
            assertEquals(200, r.statusCode(), image);
            assertArrayEquals(file(image), r.body());
        }
        String stream = server.cdnUrl() + "/members/stream/";
        String playlist = bob.text(stream + DemoFiles.PLAYLIST);
        for (String segment : DemoFiles.SEGMENTS) {
            assertTrue(playlist.contains("\n" + segment + "\n"), playlist);
            HttpResponse<byte[]> r = bob.get(stream + segment);
            assertEquals(200, r.statusCode(), segment);
            assertArrayEquals(file(stream + segment), r.body());
        }
    }

    @Test
    void membersArea_withoutCookies_isMissingKey() {
        Visitor anonymous = new Visitor(server.baseUrl());
        assertDenied("MissingKey", anonymous.get(server.cdnUrl() + "/members/stream/" + DemoFiles.PLAYLIST));
    }

    @Test
    void membersCookies_expire() {
        Visitor bob = Visitor.loggedIn(server.baseUrl(), "bob");
        bob.get("/library");
        EDGE_CLOCK.advance(Duration.ofHours(3));
        try {
            assertDenied("AccessDenied", bob.get(server.cdnUrl() + "/members/stream/" + DemoFiles.PLAYLIST));
        } finally {
            EDGE_CLOCK.reset();
        }
    }

    @Test
    void userFolder_opensForItsUserOnly() throws IOException {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        Visitor bob = Visitor.loggedIn(server.baseUrl(), "bob");
        alice.get("/library");
        bob.get("/library");
        String aliceNotes = server.cdnUrl() + "/users/alice/notes.txt";
        String bobNotes = server.cdnUrl() + "/users/bob/notes.txt";
        assertEquals(
                aliceNotes,
                Visitor.attributes(
                                alice.text("/library").replace("id=\"user-file\"", "class=\"user-file\""),
                                "user-file",
                                "href")
                        .get(0));
        HttpResponse<byte[]> own = alice.get(aliceNotes);
        assertEquals(200, own.statusCode());
        assertArrayEquals(file(aliceNotes), own.body());
        assertEquals(200, bob.get(bobNotes).statusCode());
        // Their cookies' Path is their own folder: the other folder gets no cookies at all.
        assertDenied("MissingKey", alice.get(bobNotes));
        assertDenied("MissingKey", bob.get(aliceNotes));
    }

    @Test
    void aliceCookiesSentForBobsFolder_areAccessDenied() {
        Visitor alice = Visitor.loggedIn(server.baseUrl(), "alice");
        alice.get("/library");
        String aliceCookies =
                alice
                        .cookies
                        .getCookieStore()
                        .get(java.net.URI.create(server.cdnUrl() + "/users/alice/notes.txt"))
                        .stream()
                        .map(c -> c.getName() + "=" + c.getValue())
                        .reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        try {
            HttpResponse<byte[]> r = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.cdnUrl() + "/users/bob/notes.txt"))
                            .header("Cookie", aliceCookies)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertDenied("AccessDenied", r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signOut_endsTheSessionAndRemovesTheSignedCookies() {
        Visitor bob = Visitor.loggedIn(server.baseUrl(), "bob");
        bob.text("/library");
        assertEquals(
                200,
                bob.get(server.cdnUrl() + "/members/gallery/" + DemoFiles.GALLERY.get(0))
                        .statusCode());
        HttpResponse<byte[]> out = bob.get("/logout");
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElse("").endsWith("/login?signed-out"));
        assertTrue(
                out.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("CloudFront-Signature=;") && c.contains("Max-Age=0")),
                out.headers().allValues("Set-Cookie")::toString);
        assertTrue(bob.text("/login?signed-out").contains("id=\"signed-out\""));
        assertDenied("MissingKey", bob.get(server.cdnUrl() + "/members/gallery/" + DemoFiles.GALLERY.get(0)));
        assertEquals(302, bob.get("/library").statusCode(), "signed out: the library asks for a login again");
    }

    @Test
    void favicon_isServedWithoutALogin() {
        Visitor anonymous = new Visitor(server.baseUrl());
        for (String icon : List.of("/favicon.ico", "/favicon.svg")) {
            HttpResponse<byte[]> r = anonymous.get(icon);
            assertEquals(200, r.statusCode(), icon);
            assertEquals(
                    "image/svg+xml",
                    r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
    }

    @Test
    void libraryPage_explainsTheLifetimesAndWhereTheKeyIs() {
        String page = Visitor.loggedIn(server.baseUrl(), "alice").text("/library");
        assertTrue(page.contains("id=\"lifetimes\""), page);
        assertTrue(page.contains("signed for 10 minutes") && page.contains("@CloudFrontSigned(ttl = \"5m\")"), page);
        assertTrue(page.contains("<code>InvalidKey</code>"), page);
        assertTrue(page.contains("id=\"sign-out\""), page);
    }

    @Test
    void start_logsNoWarning() {
        Logger root = Logger.getLogger("");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        root.addHandler(handler);
        try {
            DemoServer.builder().port(0).dataDir(data).start().close();
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(List.of(), warnings);
    }
}
