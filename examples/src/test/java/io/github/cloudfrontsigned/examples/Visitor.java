package io.github.cloudfrontsigned.examples;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One browser-like HTTP visitor: the JDK client with its own cookie jar, redirects not followed. */
final class Visitor {

    private final String base;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Visitor(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static Visitor loggedIn(String base, String user) {
        Visitor v = new Visitor(base);
        v.get("/library");
        HttpResponse<byte[]> r = v.post(
                "/j_security_check",
                "j_username=" + user + "&j_password="
                        + URLEncoder.encode(DemoServer.USERS.get(user), StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 3) {
            throw new IllegalStateException("login of " + user + " answered " + r.statusCode());
        }
        return v;
    }

    HttpResponse<byte[]> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    String text(String pathOrUrl) {
        return new String(get(pathOrUrl).body(), StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> post(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The values of {@code attribute="..."} in the HTML elements with {@code class="cssClass"}, unescaped. */
    static List<String> attributes(String html, String cssClass, String attribute) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<[a-z]+ class=\"" + cssClass + "\"[^>]*?\\s" + attribute + "=\"([^\"]*)\"")
                .matcher(html);
        while (m.find()) {
            found.add(m.group(1).replace("&amp;", "&"));
        }
        return found;
    }
}
