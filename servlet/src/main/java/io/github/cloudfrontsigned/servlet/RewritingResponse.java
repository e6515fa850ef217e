package io.github.cloudfrontsigned.servlet;

import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.request.RequestSigning;
import io.github.cloudfrontsigned.rewrite.KeepOpen;
import io.github.cloudfrontsigned.rewrite.LinkRewriter;
import io.github.cloudfrontsigned.rewrite.ResponseRules;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The response as the application sees it. Whether the body is rewritten is decided once, when the body is
 * first written or flushed (or the response ends), from the method, status and headers the application has set
 * by then, by core's {@link ResponseRules} (the same rules as the JAX-RS interceptor's), when the
 * {@code Content-Type} is one to rewrite, as Jetty's gzip handler does:
 *
 * <ul>
 *   <li>{@code UNDECIDED}: {@code Content-Length} is recorded, not forwarded;</li>
 *   <li>{@code PASS}: the body goes to the container's own stream or writer, untouched and uncopied; the recorded
 *       {@code Content-Length} is forwarded (a 304 may repeat a weakened {@code ETag},
 *       {@link ResponseRules#notModified});</li>
 *   <li>{@code REWRITE}: the body goes through the link rewriter; the headers as {@link ResponseRules#bodyChanged}
 *       says ({@code Content-Length} dropped, a strong {@code ETag} weakened, {@code Accept-Ranges: none}), also
 *       for those the application sets later. A HEAD whose GET would be rewritten gets the same headers and is
 *       committed at once.</li>
 * </ul>
 *
 * <p>{@code Location} and {@code Link} headers are signed whenever they are set; signed cookies are added
 * once, just before the response can commit, unless the status is 400 or more. Not thread-safe, like the
 * response it wraps.
 *
 * <p>The output stream and the writer both hand the choice of target, flushing, closing and the end of the
 * request to one {@link BodyTarget} each: the one place to extend for non-blocking output.
 */
final class RewritingResponse extends HttpServletResponseWrapper {

    private static final System.Logger LOG = System.getLogger(CloudFrontSigningFilter.class.getName());

    private enum State {
        UNDECIDED,
        PASS,
        REWRITE
    }

    private final HttpServletRequest request;
    private final RequestSigning signing;
    private final LinkRewriter rewriter;
    private final SigningConfiguration config;
    private final boolean rewrites;
    private State state = State.UNDECIDED;
    private long contentLength = -1;
    private boolean cookiesAdded;
    private boolean bodyAltered;
    private Stream stream;
    private BodyTarget<Writer> writer;
    private PrintWriter printWriter;
    private final ResponseRules.Headers headers = new ContainerHeaders();

    RewritingResponse(
            HttpServletResponse response,
            HttpServletRequest request,
            RequestSigning signing,
            SigningConfiguration config) {
        super(response);
        this.request = request;
        this.signing = signing;
        this.rewriter = config.rewriter();
        this.config = config;
        this.rewrites = rewriter != null;
    }

    // ---- the decision ----

    private State decide() {
        if (state != State.UNDECIDED) {
            return state;
        }
        addCookies();
        ResponseRules.Body body = body();
        if (body != ResponseRules.Body.PASS) {
            bodyAltered = true;
            contentLength = -1;
            ResponseRules.bodyChanged(headers);
        } else {
            if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
            if (getStatus() == 304) {
                ResponseRules.notModified(headers, request.getHeader("If-None-Match"));
            }
        }
        state = body == ResponseRules.Body.REWRITE ? State.REWRITE : State.PASS;
        if (body == ResponseRules.Body.HEADERS_ONLY) {
            // A HEAD response gets the headers its GET would have: no Content-Length computed from the
            // unsigned body the application writes (and the container discards). Committing now prevents it.
            try {
                super.flushBuffer();
            } catch (IOException e) {
                // the client is gone; nothing to send anyway
            }
        }
        return state;
    }

    /** {@link ResponseRules#body}, when this filter's own conditions hold: a media type and charset to rewrite. */
    private ResponseRules.Body body() {
        if (!rewrites || isCommitted()) {
            return ResponseRules.Body.PASS;
        }
        ResponseRules.Body body = ResponseRules.body(request.getMethod(), getStatus(), headers);
        if (body == ResponseRules.Body.PASS
                || !config.isRewritable(getContentType())
                || charset() == null
                || !signing.allowed()) {
            return ResponseRules.Body.PASS;
        }
        return body;
    }

    /** The wrapped response's headers, for {@link ResponseRules}: set past this wrapper's own handling. */
    private final class ContainerHeaders implements ResponseRules.Headers {
        @Override
        public String get(String name) {
            return getHeader(name);
        }

        @Override
        public void set(String name, String value) {
            RewritingResponse.super.setHeader(name, value);
        }
    }

    private Charset charset() {
        try {
            String name = getCharacterEncoding();
            Charset charset = Charset.forName(name == null ? "ISO-8859-1" : name);
            return charset.canEncode() ? charset : null; // a decode-only charset: pass the body through
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The rewriter around the container's stream or writer; if it cannot start, the container's own (the body
     * passes unsigned; the headers, already adjusted, stay valid for an unchanged body).
     */
    private <T> T rewriting(T container, Supplier<T> wrap) {
        try {
            return wrap.get();
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Response body left unsigned: the link rewriter could not start ({0})",
                    e.getClass().getName());
            return container;
        }
    }

    private void addCookies() {
        if (cookiesAdded || isCommitted()) {
            return;
        }
        cookiesAdded = true;
        if (getStatus() >= 400) {
            return;
        }
        for (String header : signing.setCookieHeaders()) {
            super.addHeader("Set-Cookie", header);
        }
    }

    /**
     * After {@link #finish()}, for {@code AsyncContext.complete()}: with non-blocking output whose last bytes
     * still wait for the container, runs {@code complete} once they are written.
     *
     * @return {@code true} if {@code complete} was deferred (it runs later); {@code false}: run it now
     */
    boolean completeWhenWritten(Runnable complete) {
        return stream != null && stream.container.runWhenDrained(complete);
    }

    /** Called when the request (or its async cycle) ends: emits what the rewriter still holds, and decides. */
    void finish() throws IOException {
        if (stream != null) {
            stream.body.finish();
        }
        if (writer != null) {
            writer.finish();
        }
        if (state == State.UNDECIDED && !isCommitted()) {
            decide();
        }
    }

    // ---- body ----

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Stream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (printWriter == null) {
            PrintWriter container = super.getWriter();
            writer = new BodyTarget<>(
                    container,
                    () -> decide() == State.REWRITE
                            ? rewriting(
                                    container,
                                    () -> rewriter.wrap(
                                            KeepOpen.writer(container), getContentType(), request.getScheme(), signing))
                            : container);
            printWriter = new PrintWriter(new Text(writer), false);
        }
        return printWriter;
    }

    @Override
    public void flushBuffer() throws IOException {
        decide();
        if (printWriter != null) {
            printWriter.flush();
        }
        if (stream != null) {
            stream.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        restart();
    }

    @Override
    public void reset() {
        super.reset();
        restart();
        contentLength = -1;
        cookiesAdded = false;
    }

    private void restart() {
        state = State.UNDECIDED;
        bodyAltered = false;
        if (stream != null) {
            stream.body.restart();
        }
        if (writer != null) {
            writer.restart();
        }
    }

    // ---- Content-Length ----

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (state == State.UNDECIDED) {
            contentLength = len;
        } else if (!bodyAltered) {
            super.setContentLengthLong(len);
        }
    }

    // ---- headers ----

    @Override
    public void setHeader(String name, String value) {
        if (!header(name, value, false)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!header(name, value, true)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!header(name, Integer.toString(value), false)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!header(name, Integer.toString(value), true)) {
            super.addIntHeader(name, value);
        }
    }

    /** Handles the headers this wrapper cares about; {@code true} when it did. */
    private boolean header(String name, String value, boolean add) {
        if (name == null) {
            return false;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-length":
                if (value == null) {
                    contentLength = -1;
                    return false;
                }
                try {
                    setContentLengthLong(Long.parseLong(value.trim()));
                } catch (NumberFormatException e) {
                    return false;
                }
                return true;
            case "etag":
            case "accept-ranges":
                if (bodyAltered && value != null) {
                    super.setHeader(name, ResponseRules.headerOfChangedBody(name, value));
                    return true;
                }
                return false;
            case "location":
            case "link":
                if (value != null) {
                    String signed = signHeader(value);
                    if (add) {
                        super.addHeader(name, signed);
                    } else {
                        super.setHeader(name, signed);
                    }
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private String signHeader(String value) {
        if (!rewrites) {
            return value;
        }
        try {
            return rewriter.rewrite(value, signing::signingParameters);
        } catch (RuntimeException e) {
            return value;
        }
    }

    // ---- redirects and errors ----

    @Override
    public void sendRedirect(String location) throws IOException {
        addCookies();
        state = State.PASS;
        super.sendRedirect(signHeader(location));
    }

    /** Servlet 6.1's overload; declared here so a 6.1 container calls it (this jar compiles against 6.0). */
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        redirect61(location, new Class<?>[] {String.class, int.class, boolean.class}, sc, clearBuffer);
    }

    /** Servlet 6.1's overload; see {@link #sendRedirect(String, int, boolean)}. */
    public void sendRedirect(String location, int sc) throws IOException {
        redirect61(location, new Class<?>[] {String.class, int.class}, sc);
    }

    /** Servlet 6.1's overload; see {@link #sendRedirect(String, int, boolean)}. */
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        redirect61(location, new Class<?>[] {String.class, boolean.class}, clearBuffer);
    }

    private void redirect61(String location, Class<?>[] types, Object... rest) throws IOException {
        addCookies();
        state = State.PASS;
        Object[] args = new Object[rest.length + 1];
        args[0] = signHeader(location);
        System.arraycopy(rest, 0, args, 1, rest.length);
        try {
            Method m = getResponse().getClass().getMethod("sendRedirect", types);
            m.invoke(getResponse(), args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IOException(e.getCause());
        } catch (ReflectiveOperationException e) {
            super.sendRedirect((String) args[0]);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        state = State.PASS;
        dropRewriter();
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        state = State.PASS;
        dropRewriter();
        super.sendError(sc, msg);
    }

    private void dropRewriter() {
        if (stream != null) {
            stream.body.passThrough();
        }
        if (writer != null) {
            writer.passThrough();
        }
    }

    // ---- the stream and the writer: both hand flush, close and the choice of target to a BodyTarget ----

    /**
     * The output stream the application writes to. Rewritten or not, its bytes reach the container through a
     * {@link NonBlockingOutput}, so output after {@code setWriteListener} is rewritten with the same guarantees as
     * blocking output.
     */
    private final class Stream extends ServletOutputStream {
        final NonBlockingOutput container;
        final BodyTarget<OutputStream> body;

        Stream(ServletOutputStream container) {
            this.container = new NonBlockingOutput(container);
            this.body = new BodyTarget<>(
                    this.container,
                    () -> decide() == State.REWRITE
                            ? rewriting(
                                    this.container,
                                    () -> rewriter.wrap(
                                            KeepOpen.outputStream(this.container),
                                            charset(),
                                            getContentType(),
                                            request.getScheme(),
                                            signing))
                            : this.container);
        }

        private void checkReady() {
            if (container.hasPending()) {
                throw new IllegalStateException(
                        "write while isReady() is false: wait for" + " WriteListener.onWritePossible()");
            }
        }

        @Override
        public void write(int b) throws IOException {
            checkReady();
            body.target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                checkReady();
                body.target().write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            body.flush();
        }

        @Override
        public boolean isReady() {
            return container.nonBlocking() ? container.isReady() : true;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            container.setWriteListener(listener);
        }
    }

    /** The writer under the application's {@link PrintWriter}. */
    private static final class Text extends Writer {
        private final BodyTarget<Writer> body;

        Text(BodyTarget<Writer> body) {
            this.body = body;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (len > 0) {
                body.target().write(cbuf, off, len);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (len > 0) {
                body.target().write(str, off, len);
            }
        }

        @Override
        public void write(int c) throws IOException {
            body.target().write(c);
        }

        @Override
        public void flush() throws IOException {
            body.flush();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
