package io.github.cloudfrontsigned.runtime;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link #page()} with non-blocking output ({@code setWriteListener}), in 4 KB pieces that cut links
 * apart, only while {@code isReady()}, then completes the async context.
 */
public final class NonBlockingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final int LINKS = 20_000;

    /** Large enough that the container is not always ready; 100 distinct links, so signatures are reused. */
    static String page() {
        StringBuilder sb = new StringBuilder("<html><body>\n");
        for (int i = 0; i < LINKS; i++) {
            sb.append("<a href=\"")
                    .append(WarApp.CDN)
                    .append("v-")
                    .append(i % 100)
                    .append(".mp4\">video ")
                    .append(i)
                    .append("</a>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static final byte[] PAGE = page().getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        AsyncContext async = req.startAsync();
        ServletOutputStream out = resp.getOutputStream();
        out.setWriteListener(new WriteListener() {
            private int written;

            @Override
            public void onWritePossible() throws IOException {
                while (out.isReady()) {
                    if (written == PAGE.length) {
                        async.complete();
                        return;
                    }
                    int n = Math.min(4096, PAGE.length - written);
                    out.write(PAGE, written, n);
                    written += n;
                }
            }

            @Override
            public void onError(Throwable t) {
                async.complete();
            }
        });
    }
}
