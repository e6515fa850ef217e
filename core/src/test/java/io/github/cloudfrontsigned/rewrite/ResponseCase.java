package io.github.cloudfrontsigned.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The response rules ({@link ResponseRules}) as one table both adapters are tested with over real HTTP: each row
 * is a response an application makes (status, headers, a body with one protected link) for a request, and the
 * headers the client must get. The servlet module's {@code ResponseRulesServletTest} and the JAX-RS module's
 * {@code ResponseRulesJaxrsTest} (and {@code ResponseRulesResteasyTest}, {@code ResponseRulesContainerTest} on
 * Tomcat and Jetty WARs) each serve every row from an endpoint that reads the row's query
 * ({@link #query()}, read back with {@link #read}) and check the answer with {@link #check}.
 *
 * <p>What each adapter did before the rules were one, where they differed:
 * <ul>
 *   <li>{@code partial206}: the servlet filter passed a 206 untouched; the JAX-RS interceptor rewrote its
 *       entity and dropped its {@code Content-Length} (a range of a body that no longer exists).</li>
 *   <li>{@code strongETag200} and {@code head}: the servlet filter answered {@code Accept-Ranges: none}; the
 *       JAX-RS interceptor kept {@code Accept-Ranges: bytes} on a rewritten entity.</li>
 *   <li>{@code notModifiedWeakHeld}: the servlet filter repeated the weakened validator the client held in the
 *       304; JAX-RS sent the application's strong {@code ETag}, which does not match what the 200 carried.</li>
 *   <li>{@code redirectWithBody}: the servlet filter passed a 3xx body untouched; JAX-RS signed its link
 *       (the {@code Location} header is signed by both).</li>
 *   <li>{@code Content-Encoding} with spaces or a list ({@code identity}, {@code " identity "}): the servlet
 *       filter trimmed, JAX-RS did not (a padded {@code identity} counted as compressed).</li>
 *   <li>An {@code ETag} that is not a quoted string ({@code v1}): the servlet filter left it, JAX-RS made it
 *       {@code W/v1} (not a valid entity tag).</li>
 * </ul>
 * Error responses (4xx, 5xx) are not in the table: the servlet filter signs the links of error pages, JAX-RS
 * signs nothing of an error response (its scope, not a response rule).
 *
 * @param name the row's name
 * @param method the request method
 * @param ifNoneMatch the request's {@code If-None-Match}, or {@code null}
 * @param status the status the application sets
 * @param contentType the application's {@code Content-Type}
 * @param etag the application's {@code ETag}, or {@code null}
 * @param contentEncoding the application's {@code Content-Encoding}, or {@code null}
 * @param acceptRanges the application's {@code Accept-Ranges}, or {@code null}
 * @param contentRange the application's {@code Content-Range}, or {@code null}
 * @param rewritten whether the body must come out with its link signed (for HEAD: the headers of a signed GET)
 * @param expectedETag the {@code ETag} the client must get, or {@code null} for none
 * @param expectedAcceptRanges the {@code Accept-Ranges} the client must get, or {@code null} for none
 */
public record ResponseCase(
        String name,
        String method,
        String ifNoneMatch,
        int status,
        String contentType,
        String etag,
        String contentEncoding,
        String acceptRanges,
        String contentRange,
        boolean rewritten,
        String expectedETag,
        String expectedAcceptRanges) {

    /** The protected prefix both adapters' test applications use. */
    public static final String PRIVATE = "https://cdn.example.com/private/";

    /** The body every row's application writes (a status without body writes none). */
    public static final String BODY = "<!DOCTYPE html>\n<p><a href=\"" + PRIVATE + "videos/intro.mp4\">intro</a>\n";

    /** The body's bytes, whose length the application sets as {@code Content-Length}. */
    public static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);

    /** Query parameter names of the endpoints. */
    public static final String STATUS = "status";
    /** Query parameter names of the endpoints. */
    public static final String TYPE = "type";
    /** Query parameter names of the endpoints. */
    public static final String ETAG = "etag";
    /** Query parameter names of the endpoints. */
    public static final String ENCODING = "encoding";
    /** Query parameter names of the endpoints. */
    public static final String RANGES = "ranges";
    /** Query parameter names of the endpoints. */
    public static final String RANGE = "range";

    private static final String HTML = "text/html;charset=UTF-8";

    /** @return every row */
    public static List<ResponseCase> all() {
        List<ResponseCase> rows = new ArrayList<>();
        rows.add(new ResponseCase(
                "strongETag200", "GET", null, 200, HTML, "\"v1\"", null, "bytes", null, true, "W/\"v1\"", "none"));
        rows.add(new ResponseCase(
                "weakETag200", "GET", null, 200, HTML, "W/\"v1\"", null, null, null, true, "W/\"v1\"", null));
        rows.add(new ResponseCase("unquotedETag200", "GET", null, 200, HTML, "v1", null, null, null, true, "v1", null));
        rows.add(new ResponseCase(
                "identityEncoding",
                "GET",
                null,
                200,
                HTML,
                "\"v1\"",
                " identity ",
                null,
                null,
                true,
                "W/\"v1\"",
                null));
        rows.add(new ResponseCase(
                "gzipEncoding", "GET", null, 200, HTML, "\"v1\"", "gzip", "bytes", null, false, "\"v1\"", "bytes"));
        rows.add(new ResponseCase(
                "otherMediaType",
                "GET",
                null,
                200,
                "application/octet-stream",
                "\"v1\"",
                null,
                "bytes",
                null,
                false,
                "\"v1\"",
                "bytes"));
        rows.add(new ResponseCase(
                "partial206",
                "GET",
                null,
                206,
                HTML,
                "\"v1\"",
                null,
                "bytes",
                "bytes 0-" + (BODY_BYTES.length - 1) + "/1000",
                false,
                "\"v1\"",
                "bytes"));
        rows.add(new ResponseCase(
                "noContent204", "GET", null, 204, HTML, "\"v1\"", null, null, null, false, "\"v1\"", null));
        rows.add(new ResponseCase(
                "notModifiedWeakHeld",
                "GET",
                "W/\"v1\"",
                304,
                HTML,
                "\"v1\"",
                null,
                null,
                null,
                false,
                "W/\"v1\"",
                null));
        rows.add(new ResponseCase(
                "notModifiedStrongHeld",
                "GET",
                "\"v1\"",
                304,
                HTML,
                "\"v1\"",
                null,
                null,
                null,
                false,
                "\"v1\"",
                null));
        rows.add(new ResponseCase(
                "head", "HEAD", null, 200, HTML, "\"v1\"", null, "bytes", null, true, "W/\"v1\"", "none"));
        rows.add(new ResponseCase(
                "redirectWithBody", "GET", null, 302, HTML, "\"v1\"", null, null, null, true, "W/\"v1\"", null));
        return rows;
    }

    /** @return the request's query string (without {@code ?}): the response the endpoint makes */
    public String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(STATUS, Integer.toString(status));
        q.put(TYPE, contentType);
        q.put(ETAG, etag);
        q.put(ENCODING, contentEncoding);
        q.put(RANGES, acceptRanges);
        q.put(RANGE, contentRange);
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : "&")
                        .append(k)
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    /** @return the request header name/value pairs */
    public String[] requestHeaders() {
        return ifNoneMatch == null ? new String[0] : new String[] {"If-None-Match", ifNoneMatch};
    }

    /**
     * The response an endpoint makes, read from its query parameters.
     *
     * @param param a query parameter's value by name, {@code null} when absent
     * @return the headers to set (name to value, in order; without {@code Content-Type} and
     *     {@code Content-Length}), the status as {@link #STATUS} and the type as {@link #TYPE}
     */
    public static Map<String, String> read(UnaryOperator<String> param) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(STATUS, param.apply(STATUS));
        r.put(TYPE, param.apply(TYPE));
        put(r, "ETag", param.apply(ETAG));
        put(r, "Content-Encoding", param.apply(ENCODING));
        put(r, "Accept-Ranges", param.apply(RANGES));
        put(r, "Content-Range", param.apply(RANGE));
        return r;
    }

    private static void put(Map<String, String> r, String name, String value) {
        if (value != null) {
            r.put(name, value);
        }
    }

    /** @return whether a response of this status carries the body (not 204 or 304) */
    public static boolean hasBody(int status) {
        return status != 204 && status != 304;
    }

    /**
     * Checks an adapter's answer to this row.
     *
     * @param r the answer, body as bytes
     */
    public void check(HttpResponse<byte[]> r) {
        String where = name + ": " + r.headers().map();
        assertEquals(status, r.statusCode(), where);
        assertEquals(Optional.ofNullable(expectedETag), r.headers().firstValue("ETag"), where);
        assertEquals(Optional.ofNullable(expectedAcceptRanges), r.headers().firstValue("Accept-Ranges"), where);
        assertEquals(
                Optional.ofNullable(contentEncoding).map(String::trim),
                r.headers().firstValue("Content-Encoding"),
                where);
        Optional<Long> length = r.headers().firstValue("Content-Length").map(Long::parseLong);
        boolean head = method.equals("HEAD");
        if (!hasBody(status)) {
            assertEquals(0, r.body().length, where);
        } else if (rewritten) {
            assertFalse(
                    length.filter(l -> l == BODY_BYTES.length).isPresent(),
                    "the application's Content-Length is dropped: " + where);
            if (!head) {
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertTrue(body.contains(PRIVATE + "videos/intro.mp4?"), "the link is signed: " + where);
                length.ifPresent(l -> assertEquals(r.body().length, l, "a length is the signed body's: " + where));
            }
        } else {
            assertEquals(Optional.of((long) BODY_BYTES.length), length, "the Content-Length is kept: " + where);
            if (!head) {
                assertArrayEquals(BODY_BYTES, r.body(), "the body passes byte for byte: " + where);
            }
        }
        if (head) {
            assertEquals(0, r.body().length, where);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
