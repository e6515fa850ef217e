package io.github.cloudfrontsigned.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot demo over HTTP: a member's page links open at the local edge, tampered ones and other users' folders do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
final class MediaLibraryApplicationTest {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("demo-data");
        DemoData.prepare(dir, List.of("alice", "bob")).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("server.port", () -> PORT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser-like client for one user: keeps cookies, sends HTTP Basic to the application only. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        private final String authorization;

        Client(String user, String password) {
            this.authorization = "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
            if (!url.contains("/cdn/")) {
                r.header("Authorization", authorization);
            }
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + PORT;
    }

    private static String firstPhoto(String page) {
        Matcher m = Pattern.compile("src=\"(http://127\\.0\\.0\\.1:[0-9]+/cdn/private/photos/sunset\\.svg\\?[^\"]+)\"")
                .matcher(page);
        assertTrue(m.find(), page);
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void library_photoLinksAreSignedAndOpenAtTheEdge() throws Exception {
        Client alice = new Client("alice", "wonderland");
        String photo = firstPhoto(alice.get(base() + "/library").body());
        HttpResponse<String> image = alice.get(photo);
        assertEquals(200, image.statusCode());
        assertTrue(image.body().startsWith("<svg"), image.body());
    }

    @Test
    void library_tamperedLinkIsRefusedByTheEdge() throws Exception {
        Client alice = new Client("alice", "wonderland");
        String photo = firstPhoto(alice.get(base() + "/library").body());
        HttpResponse<String> refused = alice.get(photo.replace("sunset.svg", "ocean.svg"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("<Code>AccessDenied</Code>"), refused.body());
    }

    @Test
    void cookies_openTheGalleryAndOnlyTheUsersOwnFolder() throws Exception {
        Client alice = new Client("alice", "wonderland");
        alice.get(base() + "/library");
        assertEquals(200, alice.get(base() + "/cdn/members/gallery.svg").statusCode());
        assertEquals(200, alice.get(base() + "/cdn/users/alice/notes.txt").statusCode());
        assertEquals(403, alice.get(base() + "/cdn/users/bob/notes.txt").statusCode());
    }

    @Test
    void download_redirectsToASignedUrl() throws Exception {
        Client bob = new Client("bob", "builder");
        HttpResponse<String> file = bob.get(base() + "/download/report.txt");
        assertEquals(200, file.statusCode(), "followed the redirect? " + file.uri());
        assertTrue(file.body().startsWith("A private download"), file.body());
    }
}
