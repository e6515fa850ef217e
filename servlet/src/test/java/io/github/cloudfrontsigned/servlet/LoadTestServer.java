package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.CloudFrontSigner;
import io.github.cloudfrontsigned.config.SigningConfiguration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server of the {@code wrk} load test (not a unit test): Jetty on {@code 127.0.0.1:<port>} serving the same
 * 100 KB HTML page with 50 protected links at {@code /plain/page} (no filter) and {@code /signed/page} (through
 * {@link CloudFrontSigningFilter}, RSA-2048, SHA-1, 5-minute expiry granularity: a warm signature cache). Run
 * by {@code servlet/load-test.sh}, which starts it and points {@code wrk} at both paths.
 */
public final class LoadTestServer {

    private LoadTestServer() {
    }

    /** A ~100 KB page: 50 protected links spread through paragraphs of text. */
    static byte[] page() {
        StringBuilder sb = new StringBuilder(110_000).append("<!DOCTYPE html>\n<html><head><title>Catalog</title>"
                + "</head><body>\n");
        String text = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt"
                + " ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.</p>\n";
        for (int i = 0; i < 50; i++) {
            while (sb.length() < (i + 1) * 2000) {
                sb.append(text);
            }
            sb.append("<a href=\"https://cdn.example.com/private/videos/lesson-").append(i)
                    .append(".mp4\">Lesson ").append(i).append("</a>\n");
        }
        return sb.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
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

        ServletContextHandler plain = new ServletContextHandler("/plain");
        plain.addServlet(new ServletHolder(new PageServlet()), "/page");
        ServletContextHandler signed = new ServletContextHandler("/signed");
        signed.addServlet(new ServletHolder(new PageServlet()), "/page");
        SigningConfiguration config = SigningConfiguration.builder()
                .signer(CloudFrontSigner.builder().key(TestKeys.KEY_PAIR_ID, TestKeys.RSA.getPrivate())
                        .expiryGranularity(Duration.ofMinutes(5)).build())
                .protectedPrefixes(List.of("https://cdn.example.com/private/")).build();
        signed.addFilter(new FilterHolder(new CloudFrontSigningFilter(config)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(new Handler.Sequence(plain, signed));
        server.start();
        System.out.println("READY http://127.0.0.1:" + port + "/plain/page and /signed/page, page "
                + page().length + " bytes");
        server.join();
    }
}
