package io.github.cloudfrontsigned.runtime;

import io.github.cloudfrontsigned.servlet.CloudFrontSigningFilter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/** Lists the names and URL patterns of the registered CloudFrontSigningFilters, one a line. */
public final class FiltersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        TreeSet<String> lines = new TreeSet<>();
        for (FilterRegistration r : getServletContext().getFilterRegistrations().values()) {
            if (CloudFrontSigningFilter.class.getName().equals(r.getClassName())) {
                lines.add(r.getName() + " " + new TreeSet<>(r.getUrlPatternMappings()));
            }
        }
        resp.getWriter().write(String.join("\n", lines));
    }
}
