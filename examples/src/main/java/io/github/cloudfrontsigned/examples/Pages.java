package io.github.cloudfrontsigned.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** The application's pages: plain servlets writing HTML; the signing filter signs their CDN links. */
final class Pages {

    private Pages() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static PrintWriter html(HttpServletResponse resp, String title) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        PrintWriter out = resp.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "img{margin:4px;border-radius:6px;box-shadow:0 1px 4px #0004}"
                + "h2{margin-top:1.5em;border-bottom:1px solid #ccc}code{background:#eee;padding:0 3px}"
                + ".ok{color:#070}.bad{color:#a00}</style></head><body>");
        return out;
    }

    /** The login form (FORM authentication posts to {@code j_security_check}). */
    static final class Login extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            PrintWriter out = html(resp, "Sign in - private media library");
            out.println("<h1>Private media library</h1>");
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
            PrintWriter out = html(resp, "Private media library");
            out.println("<h1>Private media library</h1><p>Signed in as <strong id=\"user\">" + escape(user)
                    + "</strong>. Links to <code>" + escape(cdn) + "</code> are served by the "
                    + (cdn.endsWith("/cdn") ? "local edge (a stand-in for CloudFront)" : "CloudFront distribution")
                    + ".</p>");
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
