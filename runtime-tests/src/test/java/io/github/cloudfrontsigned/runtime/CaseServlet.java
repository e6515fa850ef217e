package io.github.cloudfrontsigned.runtime;

import io.github.cloudfrontsigned.rewrite.ResponseCase;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code /case}: the response of one row of core's {@link ResponseCase} table, read from the query. */
public final class CaseServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> response = ResponseCase.read(req::getParameter);
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
