package io.github.cloudfrontsigned.examples;

import io.github.cloudfrontsigned.CookieAttributes;
import io.github.cloudfrontsigned.SignedCookies;
import io.github.cloudfrontsigned.request.CookieSpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** The application's pages: plain servlets writing HTML; the signing filter signs their CDN links. */
final class Pages {

    private Pages() {}

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static PrintWriter html(HttpServletRequest req, HttpServletResponse resp, String title) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        PrintWriter out = resp.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + "</title><link rel=\"icon\" href=\"" + escape(req.getContextPath())
                + "/favicon.svg\" type=\"image/svg+xml\">"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "img{margin:4px;border-radius:6px;box-shadow:0 1px 4px #0004}"
                + "h2{margin-top:1.5em;border-bottom:1px solid #ccc}code{background:#eee;padding:0 3px}"
                + ".ok{color:#070}.bad{color:#a00}</style></head><body>");
        return out;
    }

    /** The login form (FORM authentication posts to {@code j_security_check}). */
    static final class Login extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            PrintWriter out = html(req, resp, "Sign in - private media library");
            out.println("<h1>Private media library</h1>");
            if (req.getParameter("signed-out") != null) {
                out.println("<p class=\"ok\" id=\"signed-out\">Signed out: your session ended and the CloudFront"
                        + " cookies were removed; signed URLs already handed out stay valid until they expire.</p>");
            }
            if (req.getParameter("error") != null) {
                out.println("<p class=\"bad\" id=\"login-error\">Wrong user name or password.</p>");
            }
            out.println("<form method=\"post\" action=\"" + escape(req.getContextPath()) + "/j_security_check\">"
                    + "<p><label>User <input name=\"j_username\" id=\"username\" autocomplete=\"username\"></label></p>"
                    + "<p><label>Password <input type=\"password\" name=\"j_password\" id=\"password\""
                    + " autocomplete=\"current-password\"></label></p>"
                    + "<p><button type=\"submit\" id=\"sign-in\">Sign in</button></p></form>"
                    + "<p>Demo users: <code>alice</code> / <code>wonderland</code>, <code>bob</code> /"
                    + " <code>builder</code>.</p></body></html>");
        }
    }

    /** {@code /}: to the library. */
    static final class Home extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendRedirect(req.getContextPath() + "/library");
        }
    }

    /** The library page: images by signed URL, downloads, the members' gallery and stream, the user's folder. */
    static final class Library extends HttpServlet {
        private final String cdn;

        Library(String cdn) {
            this.cdn = cdn;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String user = req.getUserPrincipal().getName();
            PrintWriter out = html(req, resp, "Private media library");
            out.println("<h1>Private media library</h1><p>Signed in as <strong id=\"user\">" + escape(user)
                    + "</strong>. Links to <code>" + escape(cdn) + "</code> are served by the "
                    + (cdn.endsWith("/cdn") ? "local edge (a stand-in for CloudFront)" : "CloudFront distribution")
                    + ". <a id=\"sign-out\" href=\"" + escape(req.getContextPath()) + "/logout\">Sign out</a></p>");
            out.println(
                    "<details id=\"lifetimes\"><summary>Why links live 10 minutes here and 5 minutes in the API, and"
                            + " cookies an hour</summary><p>Links in this page are signed for 10 minutes"
                            + " (<code>urlTtl</code>): the page is read by a person, who may click a download a few minutes"
                            + " later; the signing filter rounds expiry times so that the same link is reused while you reload."
                            + " The JSON API signs for 5 minutes (<code>@CloudFrontSigned(ttl = \"5m\")</code>): a program"
                            + " fetches the list and uses the links at once, so a shorter lifetime leaks less if a response is"
                            + " logged or shared. The gallery, stream and your folder use signed cookies for an hour: they cover"
                            + " many files at once and are renewed while you keep using the page; signing out removes"
                            + " them.</p><p>The key is kept in the demo's data folder (<code>keys/</code>), outside"
                            + " <code>target/</code>. If that folder is deleted, the next start makes a new key with a new key"
                            + " pair ID, and links signed before then fail at the edge with <code>InvalidKey</code>: the key"
                            + " pair ID is not in the trusted key group. Reload this page for fresh links.</p></details>");
            out.println("<h2>Images (signed URLs, written by the servlet filter)</h2><div id=\"images\">");
            for (String image : DemoFiles.IMAGES) {
                out.println("<img class=\"signed\" width=\"320\" height=\"200\" alt=\"" + image + "\" src=\""
                        + escape(cdn) + "/private/images/" + image + "\">");
            }
            out.println("</div><h2>Downloads (redirect to a signed URL)</h2><ul id=\"downloads\">");
            for (String file : DemoFiles.DOWNLOADS) {
                out.println("<li><a class=\"download\" href=\"" + escape(req.getContextPath()) + "/download/" + file
                        + "\">" + file + "</a></li>");
            }
            out.println("</ul><p>The same list as JSON, signed by <code>@CloudFrontSigned</code>: <a id=\"api\" href=\""
                    + escape(req.getContextPath()) + "/api/downloads\">/api/downloads</a></p>");
            out.println("<h2>Members' gallery (signed cookies)</h2><div id=\"gallery\">");
            for (String image : DemoFiles.GALLERY) {
                out.println("<img class=\"cookie\" width=\"320\" height=\"200\" alt=\"" + image + "\" src=\""
                        + escape(cdn) + "/members/gallery/" + image + "\">");
            }
            String playlist = cdn + "/members/stream/" + DemoFiles.PLAYLIST;
            out.println("</div><h2>Members' stream (HLS playlist and segments, signed cookies)</h2>"
                    + "<ul id=\"stream\" data-playlist=\"" + escape(playlist) + "\"></ul>");
            out.println("<h2>Your folder (signed cookies for <code>users/" + escape(user) + "/*</code>)</h2>"
                    + "<p><a id=\"user-file\" href=\"" + escape(cdn) + "/users/" + escape(user) + "/notes.txt\">"
                    + "notes.txt</a></p>");
            out.println("<script>\n"
                    + "(async () => {\n"
                    + "  const list = document.getElementById('stream');\n"
                    + "  const add = (name, status) => { const li = document.createElement('li');\n"
                    + "    li.textContent = name + ': ' + status; li.dataset.status = status;\n"
                    + "    li.className = status === 200 ? 'ok' : 'bad'; list.appendChild(li); };\n"
                    + "  try {\n"
                    + "    const playlist = new URL(list.dataset.playlist, location.href);\n"
                    + "    const r = await fetch(playlist, {credentials: 'include'});\n"
                    + "    add('playlist.m3u8', r.status);\n"
                    + "    if (r.ok) {\n"
                    + "      for (const line of (await r.text()).split('\\n')) {\n"
                    + "        if (line.trim() && !line.startsWith('#')) {\n"
                    + "          const s = await fetch(new URL(line.trim(), playlist), {credentials: 'include'});\n"
                    + "          await s.arrayBuffer();\n"
                    + "          add(line.trim(), s.status);\n"
                    + "        }\n"
                    + "      }\n"
                    + "    }\n"
                    + "  } catch (e) { add('error ' + e, 0); }\n"
                    + "  list.dataset.done = 'true';\n"
                    + "})();\n"
                    + "</script></body></html>");
        }
    }

    /** {@code /logout}: ends the session and removes the signed cookies (Max-Age=0 with their Path and Domain). */
    static final class Logout extends HttpServlet {
        private final List<CookieSpec> cookies;

        Logout(List<CookieSpec> cookies) {
            this.cookies = List.copyOf(cookies);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String user = req.getRemoteUser();
            for (CookieSpec spec : cookies) {
                CookieAttributes attributes = spec.attributes(user == null ? "" : user);
                for (String name : List.of(
                        SignedCookies.EXPIRES,
                        SignedCookies.POLICY,
                        SignedCookies.SIGNATURE,
                        SignedCookies.KEY_PAIR_ID,
                        SignedCookies.HASH_ALGORITHM)) {
                    resp.addHeader(
                            "Set-Cookie",
                            name + "=; Path=" + attributes.path()
                                    + (attributes.domain() == null ? "" : "; Domain=" + attributes.domain())
                                    + "; Max-Age=0" + (attributes.secure() ? "; Secure" : "") + "; HttpOnly");
                }
            }
            HttpSession session = req.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            resp.sendRedirect(req.getContextPath() + "/login?signed-out");
        }
    }

    /** {@code /favicon.svg} and {@code /favicon.ico}: the page's icon, so that browsers get no 404 for it. */
    static final class Favicon extends HttpServlet {
        private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
                + "<rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#8E2DE2\"/><path d=\"M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7z"
                + "M6.5 7h3V5a1.5 1.5 0 0 0-3 0z\" fill=\"#fff\"/></svg>";

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("image/svg+xml");
            resp.setHeader("Cache-Control", "max-age=86400");
            resp.getWriter().write(SVG);
        }
    }

    /** {@code /download/<name>}: 303 to the file's URL, which the signing filter signs in {@code Location}. */
    static final class Download extends HttpServlet {
        private final String cdn;

        Download(String cdn) {
            this.cdn = cdn;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
            if (!DemoFiles.DOWNLOADS.contains(name)) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such download");
                return;
            }
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", cdn + "/private/downloads/" + name);
        }
    }
}
