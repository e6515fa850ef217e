package io.github.cloudfrontsigned.runtime.war;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An HTML page with one protected link, for the auto-registered filter to sign. */
public final class Page extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The protected prefix the WAR configures. */
    public static final String CDN = "https://cdn.example.com/private/";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<html><body><a href=\"" + CDN + "a.mp4\">a</a></body></html>");
    }
}
