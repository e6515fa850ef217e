package io.github.cloudfrontsigned.quarkus;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A plain servlet on Quarkus Undertow; CloudFrontSigningFilter is declared for it in web.xml. */
@WebServlet(urlPatterns = "/servlet/page")
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(LibraryResource.PAGE);
    }
}
