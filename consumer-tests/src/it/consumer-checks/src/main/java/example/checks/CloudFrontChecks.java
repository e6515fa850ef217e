package example.checks;

import io.github.cloudfrontsigned.verify.CloudFrontVerifier;
import io.github.cloudfrontsigned.verify.Verdict;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What each consumer application's test checks, as a user would: a key of their own, real HTTP, then CloudFront's
 * decision ({@code CloudFrontVerifier}) on the links and cookies that came back. Built and installed first (an
 * invoker setup project); the applications use it in test scope.
 */
public final class CloudFrontChecks {

    public static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final CloudFrontVerifier verifier;

    private CloudFrontChecks(CloudFrontVerifier verifier) {
        this.verifier = verifier;
    }

    /** Generates an ECDSA P-256 key pair, writes its private key where the application's configuration says. */
    public static CloudFrontChecks newKey(Path privateKeyPem) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(privateKeyPem.getParent());
        Files.deleteIfExists(privateKeyPem);
        Files.createFile(
                privateKeyPem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                privateKeyPem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        return new CloudFrontChecks(CloudFrontVerifier.builder()
                .trustedKey(KEY_PAIR_ID, pair.getPublic())
                .build());
    }

    /** A plain GET, as a browser's first request: no cookies, redirects not followed. */
    public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The one link to {@code resource} in an HTML body, as a browser would request it. */
    public static String link(String body, String resource) {
        Matcher m = Pattern.compile(Pattern.quote(resource) + "[^\"]*").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no link to " + resource + " in: " + body);
        }
        return m.group().replace("&amp;", "&");
    }

    /** CloudFront's decision on a request for {@code url} carrying only its own query string. */
    public Verdict verifyUrl(String url) {
        return verifier.verify(ViewerRequest.fromUrl(url));
    }

    /** CloudFront's decision on a request for {@code url} carrying the cookies these responses set. */
    public Verdict verifyCookies(String url, HttpResponse<?> response) {
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        String cookieHeader = setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
        return verifier.verify(
                ViewerRequest.builder().url(url).cookieHeader(cookieHeader).build());
    }

    /**
     * Checks a 200 page that links to {@code resource}: the link came out signed, and CloudFront would serve it.
     *
     * @throws AssertionError otherwise, with the page or CloudFront's reason
     */
    public void assertSignedLink(HttpResponse<String> page, String resource) {
        if (page.statusCode() != 200) {
            throw new AssertionError("status " + page.statusCode() + ": " + page.body());
        }
        String link = link(page.body(), resource);
        Verdict verdict = verifyUrl(link);
        if (!link.contains("Signature=") || !verdict.isAllowed()) {
            throw new AssertionError("not signed for CloudFront: " + link + "\n" + verdict);
        }
    }

    /**
     * Checks the cookies a response set: CloudFront would serve {@code opened} with them and refuse {@code notOpened}.
     *
     * @throws AssertionError otherwise, with CloudFront's reason
     */
    public void assertSignedCookies(HttpResponse<?> response, String opened, String notOpened) {
        Verdict allowed = verifyCookies(opened, response);
        if (!allowed.isAllowed()) {
            throw new AssertionError("the cookies set do not open " + opened + ": " + allowed + "\nSet-Cookie: "
                    + response.headers().allValues("Set-Cookie"));
        }
        Verdict refused = verifyCookies(notOpened, response);
        if (refused.isAllowed()) {
            throw new AssertionError("the cookies set also open " + notOpened);
        }
    }
}
