package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/**
 * The server of the {@code wrk} load test (not a unit test): Jetty on {@code 127.0.0.1:<port>} serving the same
 * 100 KB HTML page with 50 protected links five ways: {@code /plain/page} (unsigned, no filter),
 * {@code /limit/page} (the page as the filter signs it, served as a ready byte array: the limit),
 * {@code /sdk/page} (rendered per request, each link signed with the AWS SDK's {@code CloudFrontUtilities}),
 * {@code /signer/page} (rendered per request, each link signed with {@link CloudFrontSigner#signUrl}) and
 * {@code /signed/page} (the unsigned page through {@link CloudFrontSigningFilter}); and two more written through
 * {@code getWriter()} piece by piece, as a template engine (JSP, Faces, Thymeleaf) writes a page:
 * {@code /writer-limit/page} (the links signed once at start-up: the limit of the writer path) and
 * {@code /writer-signed/page} (the unsigned links, through the filter). RSA-2048, SHA-1, 5-minute
 * expiry granularity. Run by {@code servlet/load-test.sh}, which starts it and points {@code wrk} at each.
 */
public final class LoadTestServer {

    private LoadTestServer() {}

    private static final String PREFIX = "https://cdn.example.com/private/";

    /** A ~100 KB page: 50 protected links spread through paragraphs of text. */
    static byte[] page() {
        return render(url -> url).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The page as a template renders it: {@code sign} turns each protected URL into the one written (HTML-escaped
     * here, as a template does: {@code &} becomes {@code &amp;}).
     */
    static String render(UnaryOperator<String> sign) {
        return String.join("", pieces(sign));
    }

    /**
     * The page as the pieces a template engine writes one by one: the static text between expressions, each
     * expression's value (a link, a number) on its own.
     */
    static List<String> pieces(UnaryOperator<String> sign) {
        List<String> pieces = new ArrayList<>();
        int length = 0;
        String head = "<!DOCTYPE html>\n<html><head><title>Catalog</title></head><body>\n";
        pieces.add(head);
        length += head.length();
        String text = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt"
                + " ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.</p>\n";
        for (int i = 0; i < 50; i++) {
            while (length < (i + 1) * 2000) {
                pieces.add(text);
                length += text.length();
            }
            String url = PREFIX + "videos/lesson-" + i + ".mp4";
            for (String piece : new String[] {"<a href=\"", url, "\">Lesson ", Integer.toString(i), "</a>\n"}) {
                pieces.add(piece == url ? sign.apply(url).replace("&", "&amp;") : piece);
                length += piece.length(); // the same paragraphs whether the links are signed or not
            }
        }
        pieces.add("</body></html>\n");
        return pieces;
    }

    /** Serves {@link #page()}. */
    public static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final byte[] PAGE = page();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            resp.getOutputStream().write(PAGE);
        }
    }

    /** Serves what a supplier gives per request: a ready byte array, or a page rendered now. */
    static final class BytesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Supplier<byte[]> body;

        BytesServlet(Supplier<byte[]> body) {
            this.body = body;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            resp.getOutputStream().write(body.get());
        }
    }

    /** Writes pieces of text through {@code getWriter()}, one {@code write} each, as a template engine does. */
    static final class WriterServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient List<String> pieces;

        WriterServlet(List<String> pieces) {
            this.pieces = pieces;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            PrintWriter out = resp.getWriter();
            for (String piece : pieces) {
                out.write(piece);
            }
        }
    }

    private static byte[] template(UnaryOperator<String> sign) {
        return render(sign).getBytes(StandardCharsets.UTF_8);
    }

    private static ServletContextHandler context(String path, HttpServlet servlet) {
        ServletContextHandler context = new ServletContextHandler(path);
        context.addServlet(new ServletHolder(servlet), "/page");
        return context;
    }

    /**
     * @param args the port (default 8089)
     * @throws Exception if Jetty does not start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        CloudFrontSigner signer = CloudFrontSigner.builder()
                .key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                .expiryGranularity(Duration.ofMinutes(5))
                .build();
        ServletContextHandler signed = context("/signed", new PageServlet());
        SigningConfiguration config = SigningConfiguration.builder()
                .signer(signer)
                .protectedPrefixes(List.of(PREFIX))
                .build();
        signed.addFilter(
                new FilterHolder(new CloudFrontSigningFilter(config)), "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletContextHandler writerSigned = context("/writer-signed", new WriterServlet(pieces(url -> url)));
        writerSigned.addFilter(
                new FilterHolder(new CloudFrontSigningFilter(config)), "/*", EnumSet.of(DispatcherType.REQUEST));
        // signed once, now: what the filter inserts, without the filter
        List<String> presigned = pieces(url -> signer.signUrl(url, Duration.ofMinutes(10)));
        byte[][] limit = {new byte[0]};
        CloudFrontUtilities sdk = CloudFrontUtilities.create();
        server.setHandler(new Handler.Sequence(
                context("/plain", new PageServlet()),
                signed,
                context("/limit", new BytesServlet(() -> limit[0])),
                context(
                        "/sdk",
                        new BytesServlet(() ->
                                template(url -> sdk.getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                                                .resourceUrl(url)
                                                .keyPairId(TestKeys.KEY_PAIR_ID)
                                                .privateKey(TestKeys.RSA.getPrivate())
                                                .expirationDate(Instant.now().plus(Duration.ofMinutes(10)))
                                                .build())
                                        .url()))),
                context(
                        "/signer",
                        new BytesServlet(() -> template(url -> signer.signUrl(url, Duration.ofMinutes(10))))),
                context("/writer-limit", new WriterServlet(presigned)),
                writerSigned));
        server.start();
        limit[0] = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signed/page"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
        int writerSignedLength = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/writer-signed/page"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body()
                .length;
        System.out.println("READY http://127.0.0.1:" + port + "/{plain,limit,sdk,signer,signed,writer-limit,"
                + "writer-signed}/page, page " + page().length + " bytes, signed " + limit[0].length + " bytes,"
                + " writer-limit "
                + render(url -> signer.signUrl(url, Duration.ofMinutes(10))).length()
                + " chars, writer-signed " + writerSignedLength + " bytes");
        server.join();
    }
}
