package io.github.cloudfrontsigned.cli;

import io.github.cloudfrontsigned.internal.LogText;
import io.github.cloudfrontsigned.verify.EdgeAccess;
import io.github.cloudfrontsigned.verify.ViewerRequest;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The edge in front of the origin handler: for every request, {@link EdgeAccess#decide} on the request exactly as
 * it arrived (raw path and query, {@code Host}, cookies, client address; the path check and the {@code --protect}
 * patterns are core's), then CloudFront's 400/403, or the origin with the path that was checked
 * ({@link EdgeAccess.Decision#originPath()}) and the signing parameters removed. Work per request: linear in its
 * size (bounded by Jetty's header limits).
 */
final class EdgeHandler extends Handler.Wrapper {

    /** The development-mode response header with the reason, one line of at most about 200 characters. */
    static final String REASON_HEADER = "X-CloudFront-Signed-Reason";

    private final EdgeAccess access;
    private final PrintWriter devLog;

    /**
     * @param devLog where development mode prints each denial (one bounded line), or {@code null} when not in it
     */
    EdgeHandler(EdgeAccess access, PrintWriter devLog, Handler origin) {
        super(origin);
        this.access = access;
        this.devLog = devLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        String rawPath = uri.getPath();
        ViewerRequest.Builder viewer = ViewerRequest.builder()
                .scheme(uri.getScheme())
                .host(uri.getAuthority())
                .rawPath(rawPath)
                .rawQuery(uri.getQuery())
                .clientIp(Request.getRemoteAddr(request));
        for (String cookieHeader : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
            viewer.cookieHeader(cookieHeader);
        }
        EdgeAccess.Decision decision = access.decide(viewer.build());
        if (!decision.isAllowed()) {
            deny(decision, rawPath, response, callback);
            return true;
        }
        if (decision.originPath().equals(rawPath) && Objects.equals(decision.originQuery(), uri.getQuery())) {
            return super.handle(request, response, callback);
        }
        // the origin gets exactly the path that was checked (and the query without the signing parameters)
        HttpURI forwarded = HttpURI.build(uri)
                .path(decision.originPath())
                .query(decision.originQuery())
                .asImmutable();
        return super.handle(
                new Request.Wrapper(request) {
                    @Override
                    public HttpURI getHttpURI() {
                        return forwarded;
                    }
                },
                response,
                callback);
    }

    private void deny(EdgeAccess.Decision decision, String rawPath, Response response, Callback callback) {
        response.setStatus(decision.status());
        decision.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, decision.contentType());
        String body = decision.body();
        if (devLog != null) {
            String reason = LogText.oneLine(decision.reason());
            response.getHeaders().put(REASON_HEADER, reason);
            if (decision.status() == 403) {
                body = body + "<!-- " + decision.reason().replace("--", "- -") + " -->";
            }
            devLog.println(decision.status() + " " + LogText.of(rawPath) + ": "
                    + (decision.verdict() == null
                            ? ""
                            : decision.verdict().code().code() + ": ") + reason);
            devLog.flush();
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
