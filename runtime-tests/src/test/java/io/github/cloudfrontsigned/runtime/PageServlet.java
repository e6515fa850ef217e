package io.github.cloudfrontsigned.runtime;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An HTML page with one protected link. */
public final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The page. */
    public static final String PAGE = "<html><body><a href=\"" + WarApp.CDN + "a.mp4\">a</a></body></html>";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(PAGE);
    }
}
