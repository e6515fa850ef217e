package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.rewrite.ResponseCase;
import io.github.cloudfrontsigned.testing.TestServer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** The application the filter is tested with: deterministic pages written in every way a servlet can. */
final class TestApp {

    static final String CDN = "https://cdn.example.com/private/";

    private TestApp() {}

    /** The test application, with the filter configured by init-params (none: the filter is left out). */
    static TestServer withFilter(Map<String, String> initParams) {
        return start(context -> {
            context.addFilter(UserFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            if (initParams != null) {
                FilterHolder holder = new FilterHolder(CloudFrontSigningFilter.class);
                holder.setInitParameters(initParams);
                addSigningFilter(context, holder);
            }
            addServlets(context);
        });
    }

    /** The test application with a filter instance made in code. */
    static TestServer withFilter(Filter filter) {
        return start(context -> {
            context.addFilter(UserFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            addSigningFilter(context, new FilterHolder(filter));
            addServlets(context);
        });
    }

    private static void addSigningFilter(ServletContextHandler context, FilterHolder holder) {
        holder.setName("cloudfront");
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    }

    /** A servlet context at {@code /} set up by {@code setup}, on a server with Jetty's default URI rules. */
    static TestServer start(Consumer<ServletContextHandler> setup) {
        ServletContextHandler context = new ServletContextHandler("/");
        setup.accept(context);
        return TestServer.start(context);
    }

    /** The same on a server that accepts ambiguous paths: {@link TestServer#startLenient}. */
    static TestServer startLenient(Consumer<ServletContextHandler> setup) {
        ServletContextHandler context = new ServletContextHandler("/");
        setup.accept(context);
        return TestServer.startLenient(context);
    }

    static void addServlets(ServletContextHandler context) {
        context.addServlet(PageServlet.class, "/page");
        context.addServlet(JsonServlet.class, "/json");
        context.addServlet(RedirectServlet.class, "/download");
        context.addServlet(GzipServlet.class, "/gzip");
        context.addServlet(AsyncServlet.class, "/async").setAsyncSupported(true);
        context.addServlet(MissingServlet.class, "/missing");
        context.addServlet(ErrorPageServlet.class, "/error-page");
        context.addServlet(EchoServlet.class, "/echo");
        context.addServlet(BigServlet.class, "/big");
        context.addServlet(ConditionalServlet.class, "/conditional");
        context.addServlet(CaseServlet.class, "/case");
        context.setBaseResourceAsPath(Path.of("src/test/resources/static").toAbsolutePath());
        ServletHolder files = context.addServlet(DefaultServlet.class, "/static/*");
        files.setInitParameter("etags", "true");
        files.setInitParameter("pathInfoOnly", "true");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        context.setErrorHandler(errors);
    }

    /** An HTML page with {@code n} protected links in several forms, unprotected links and non-ASCII text. */
    static String page(int n) {
        StringBuilder sb = new StringBuilder(100 + n * 200);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Grüße ☃</title>\n")
                .append("<link rel=\"stylesheet\" href=\"https://cdn.example.com/public/site.css\"></head><body>\n");
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0:
                    sb.append("<a href=\"" + CDN + "video-" + i + ".mp4\">Vidéo " + i + "</a>\n");
                    break;
                case 1:
                    sb.append("<img src='" + CDN + "img/" + i + ".png?w=200&amp;h=100' alt=\"\">\n");
                    break;
                case 2:
                    sb.append("<a href=\"//cdn.example.com/private/doc-" + i + ".pdf#page=2\">doc</a>\n");
                    break;
                default:
                    sb.append("<p style=\"background:url(" + CDN + "bg-" + i + ".jpg)\">"
                            + "free: https://cdn.example.com/public/" + i + ".txt</p>\n");
                    break;
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    /**
     * {@code /page?n=50&via=writer|stream&charset=UTF-8&chunk=7&flush=true&type=text/html}: the page written
     * through the writer or the stream, in pieces of {@code chunk} characters (or bytes), flushing after each.
     */
    public static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int n = Integer.parseInt(param(req, "n", "50"));
            Charset charset = Charset.forName(param(req, "charset", "UTF-8"));
            int chunk = Integer.parseInt(param(req, "chunk", "0"));
            boolean flush = Boolean.parseBoolean(param(req, "flush", "false"));
            String body = page(n);
            resp.setContentType(param(req, "type", "text/html") + "; charset=" + charset.name());
            if (req.getParameter("etag") != null) {
                resp.setHeader("ETag", "\"v1\"");
            }
            if ("stream".equals(param(req, "via", "writer"))) {
                byte[] bytes = body.getBytes(charset);
                resp.setContentLength(bytes.length);
                OutputStream out = resp.getOutputStream();
                int step = chunk > 0 ? chunk : bytes.length;
                for (int i = 0; i < bytes.length; i += step) {
                    out.write(bytes, i, Math.min(step, bytes.length - i));
                    if (flush) {
                        out.flush();
                    }
                }
            } else {
                PrintWriter out = resp.getWriter();
                int step = chunk > 0 ? chunk : body.length();
                for (int i = 0; i < body.length(); i += step) {
                    out.write(body, i, Math.min(step, body.length() - i));
                    if (flush) {
                        out.flush();
                    }
                }
            }
        }
    }

    static final String JSON = "{\"items\":[{\"url\":\"https:\\/\\/cdn.example.com\\/private\\/a.mp4\"},"
            + "{\"url\":\"https://cdn.example.com/private/b.mp4?q=1\\u0026r=2\"},"
            + "{\"url\":\"https://cdn.example.com/public/c.mp4\"}]}";

    /** {@code /json}: a JSON document with escaped links. */
    public static final class JsonServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json");
            resp.getOutputStream().write(JSON.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code /download?file=x}: redirects to the private file, with a preload {@code Link} header. */
    public static final class RedirectServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.addHeader("Link", "<" + CDN + "preload.js>; rel=preload; as=script");
            resp.sendRedirect(CDN + req.getParameter("file"));
        }
    }

    /** {@code /gzip}: a page the application compressed itself. */
    public static final class GzipServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Content-Encoding", "gzip");
            byte[] gz = gzip(page(10).getBytes(StandardCharsets.UTF_8));
            resp.setContentLength(gz.length);
            resp.getOutputStream().write(gz);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** {@code /async}: the page written from another thread in two halves, then {@code complete()}. */
    public static final class AsyncServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    HttpServletResponse r = (HttpServletResponse) async.getResponse();
                    r.setContentType("text/html; charset=UTF-8");
                    String body = page(20);
                    PrintWriter out = r.getWriter();
                    int half = body.indexOf("private/") + 3; // split inside a link
                    out.write(body, 0, half);
                    out.flush();
                    out.write(body, half, body.length() - half);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
        }
    }

    /** {@code /missing}: 404 through the container's error page. */
    public static final class MissingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    /** The error page: HTML with a protected link. */
    public static final class ErrorPageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            resp.getWriter().write("<html><body>Not found. <a href=\"" + CDN + "help.pdf\">help</a></body></html>");
        }
    }

    /** {@code /echo?q=...}: echoes user content next to a legitimate link. */
    public static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            resp.getWriter()
                    .write("<p>You searched for: " + req.getParameter("q") + "</p><a href=\"" + CDN
                            + "public-catalog.pdf\">catalog</a>");
        }
    }

    /** {@code /big?mb=200}: a streamed HTML body of that many MiB with a protected link in every 64 KiB. */
    public static final class BigServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            long mb = Long.parseLong(param(req, "mb", "200"));
            byte[] block = bigBlock();
            OutputStream out = resp.getOutputStream();
            for (long i = 0; i < mb * 16; i++) {
                out.write(block);
            }
        }
    }

    /** 64 KiB: filler text and one protected link at the end. */
    static byte[] bigBlock() {
        byte[] link = ("<a href=\"" + CDN + "part.mp4\">x</a>\n").getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        for (int i = 99; i < block.length; i += 100) {
            block[i] = '\n';
        }
        System.arraycopy(link, 0, block, block.length - link.length, link.length);
        return block;
    }

    /** {@code /conditional}: a page with a strong ETag that answers 304 to a matching If-None-Match. */
    public static final class ConditionalServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("ETag", "\"v7\"");
            String inm = req.getHeader("If-None-Match");
            if (inm != null && (inm.contains("\"v7\""))) {
                resp.setStatus(304);
                return;
            }
            resp.setContentType("text/html; charset=UTF-8");
            resp.getWriter().write(page(4));
        }
    }

    /** Test authentication: {@code X-Test-User} and {@code X-Test-Roles} make the request authenticated. */
    public static final class UserFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            String user = req.getHeader("X-Test-User");
            if (user == null) {
                chain.doFilter(req, res);
                return;
            }
            List<String> roles =
                    Arrays.asList(String.valueOf(req.getHeader("X-Test-Roles")).split(","));
            chain.doFilter(
                    new HttpServletRequestWrapper(req) {
                        @Override
                        public Principal getUserPrincipal() {
                            return () -> user;
                        }

                        @Override
                        public String getRemoteUser() {
                            return user;
                        }

                        @Override
                        public boolean isUserInRole(String role) {
                            return roles.contains(role);
                        }
                    },
                    res);
        }
    }

    static String param(HttpServletRequest req, String name, String dflt) {
        String v = req.getParameter(name);
        return v == null ? dflt : v;
    }

    /** {@code /case}: the response of one row of core's {@code ResponseCase} table, read from the query. */
    public static final class CaseServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            java.util.Map<String, String> response = ResponseCase.read(req::getParameter);
            int status = Integer.parseInt(response.remove(ResponseCase.STATUS));
            resp.setStatus(status);
            resp.setContentType(response.remove(ResponseCase.TYPE));
            response.forEach(resp::setHeader);
            if (ResponseCase.hasBody(status)) {
                resp.setContentLength(ResponseCase.BODY_BYTES.length);
                resp.getOutputStream().write(ResponseCase.BODY_BYTES);
            }
        }
    }
}
