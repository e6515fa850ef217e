package io.github.cloudfrontsigned.jaxrs;

import io.github.cloudfrontsigned.config.SigningConfiguration;
import io.github.cloudfrontsigned.rewrite.KeepOpen;
import io.github.cloudfrontsigned.rewrite.ResponseRules;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.RuntimeDelegate;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Streams the serialized entity of a bound resource through the link rewriter, whatever
 * {@code MessageBodyWriter} serializes it, when its media type is one of {@code cloudfront.content-types} or any
 * {@code text/*} type. Runs inside entity coders ({@link Priorities#ENTITY_CODER}), so it
 * sees the bytes before any compression: with Jersey's {@code EncodingFilter} and {@code GZipEncoder}, or
 * RESTEasy's {@code GZIPEncodingInterceptor}, links are signed, then compressed. A response with a
 * {@code Content-Encoding} whose stream no interceptor wrapped (the entity is encoded already, by the resource)
 * passes untouched. Whether the entity is rewritten, and what that does to {@code Content-Length}, {@code ETag}
 * and {@code Accept-Ranges}, is core's {@link ResponseRules}, the same rules as the servlet filter's.
 */
@CloudFrontSigned
@Priority(Priorities.ENTITY_CODER + 1000)
final class SigningWriterInterceptor implements WriterInterceptor {

    private static final System.Logger LOG = System.getLogger(CloudFrontSignedFeature.class.getName());

    /**
     * The request property holding the {@link Exchange} the response filter saw, set beside
     * {@link SigningDecision#PROPERTY}.
     */
    static final String EXCHANGE = SigningWriterInterceptor.class.getName() + ".exchange";

    /**
     * What the response filter saw of the exchange: the request method, the status, and the response's entity
     * stream. When the stream this interceptor gets is another one, an interceptor ahead of it (an entity coder)
     * wrapped it, and a {@code Content-Encoding} names what that coder will do to the bytes written here, not
     * what they are.
     *
     * A class, not a record: a record's generated {@code equals} would keep this class loader reachable on Java 17
     * (JDK-8078641; {@code RecordMethodsTest}). Immutable.
     */
    static final class Exchange {
        /** The request method. */
        final String method;
        /** The response status. */
        final int status;
        /** The entity stream as the filter saw it. */
        final Object entityStream;

        Exchange(String method, int status, Object entityStream) {
            this.method = method;
            this.status = status;
            this.entityStream = entityStream;
        }
    }

    /** Whether an encoded entity was passed through unsigned already (reported once). */
    private volatile boolean encodedReported;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object property = context.getProperty(SigningDecision.PROPERTY);
        if (!(property instanceof SigningDecision)) {
            context.proceed();
            return;
        }
        SigningDecision signing = (SigningDecision) property;
        context.removeProperty(SigningDecision.PROPERTY);
        Object seen = context.getProperty(EXCHANGE);
        context.removeProperty(EXCHANGE);
        MediaType mediaType = context.getMediaType();
        Decision decision = mediaType == null ? null : decide(mediaType, signing);
        if (decision == null || !decision.rewritable || !(seen instanceof Exchange exchange)) {
            context.proceed();
            return;
        }
        boolean coderAhead = exchange.entityStream != null && exchange.entityStream != context.getOutputStream();
        EntityHeaders headers = new EntityHeaders(context.getHeaders(), coderAhead);
        if (ResponseRules.body(exchange.method, exchange.status, headers) == ResponseRules.Body.PASS) {
            if (!coderAhead && ResponseRules.isEncoded(headers.get(HttpHeaders.CONTENT_ENCODING)) && !encodedReported) {
                encodedReported = true;
                LOG.log(
                        System.Logger.Level.INFO,
                        "CloudFront links in {0} entities with Content-Encoding {1} are not"
                                + " signed: the header was set before the entity was written, so it is taken as already"
                                + " encoded (no entity coder such as Jersey''s GZipEncoder wraps the stream). If a filter"
                                + " sets the header for compression done elsewhere, compress in the container instead (Jetty"
                                + " GzipHandler, Tomcat compression, a proxy), which runs after signing. Logged once.",
                        mediaType,
                        headers.get(HttpHeaders.CONTENT_ENCODING));
            }
            context.proceed();
            return;
        }
        // REWRITE, or HEADERS_ONLY (HEAD): the implementation writes the entity of a HEAD and discards it;
        // rewriting it gives the Content-Length of the GET, when the implementation computes one.
        OutputStream original = context.getOutputStream();
        OutputStream rewriting;
        try {
            if (decision.charsetError != null) {
                throw decision.charsetError;
            }
            rewriting = signing.resource.rewriting.wrap(
                    KeepOpen.outputStream(original),
                    decision.charset,
                    decision.contentType,
                    signing.scheme,
                    signing.links());
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Entity of {0} left unsigned: the link rewriter could not start ({1})",
                    mediaType,
                    e.getClass().getName());
            context.proceed();
            return;
        }
        ResponseRules.bodyChanged(headers);
        context.setOutputStream(rewriting);
        context.proceed();
        rewriting.close(); // writes what the rewriter still holds; the container's stream stays open
        context.setOutputStream(original);
    }

    /**
     * What a media type means for the rewriter, for one configuration. Responses of one resource method mostly
     * share their media type, so the last decision is kept and reused while the media type and configuration are
     * equal: no header string is built or parsed per response.
     */
    private record Decision(
            MediaType mediaType,
            SigningConfiguration config,
            boolean rewritable,
            String contentType,
            Charset charset,
            IllegalArgumentException charsetError) {

        // written out: the generated ones keep an undeployed web application reachable on Java 17 (JDK-8078641);
        // a Decision is compared by its fields in decide(), never by equals, so identity is its equality
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "Decision[contentType=" + contentType + ", rewritable=" + rewritable + "]";
        }
    }

    /** The last decision (immutable; replaced, never changed). */
    private volatile Decision last;

    private Decision decide(MediaType mediaType, SigningDecision signing) {
        SigningConfiguration config = signing.resource.config;
        Decision d = last;
        if (d != null && d.config == config && (d.mediaType == mediaType || d.mediaType.equals(mediaType))) {
            return d;
        }
        String contentType = mediaType.toString();
        // A configured content type (cloudfront.content-types) or any text/*: the resource asked.
        boolean rewritable = mediaType.getType().equalsIgnoreCase("text") || config.isRewritable(contentType);
        Charset charset = null;
        IllegalArgumentException charsetError = null;
        try {
            charset = charset(mediaType);
        } catch (IllegalArgumentException e) {
            charsetError = e;
        }
        d = new Decision(mediaType, config, rewritable, contentType, charset, charsetError);
        last = d;
        return d;
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown charset " + name, e);
        }
    }

    /**
     * The entity's headers for {@link ResponseRules}: an {@link EntityTag} read as its header text; a
     * {@code Content-Encoding} read as absent when an entity coder ahead will apply it to the bytes written here.
     */
    static final class EntityHeaders implements ResponseRules.Headers {
        private final MultivaluedMap<String, Object> headers;
        private final boolean coderAhead;

        EntityHeaders(MultivaluedMap<String, Object> headers, boolean coderAhead) {
            this.headers = headers;
            this.coderAhead = coderAhead;
        }

        @Override
        public String get(String name) {
            if (coderAhead && name.equalsIgnoreCase(HttpHeaders.CONTENT_ENCODING)) {
                return null;
            }
            Object value = headers.getFirst(name);
            if (value == null) {
                return null;
            }
            if (value instanceof EntityTag tag) {
                return RuntimeDelegate.getInstance()
                        .createHeaderDelegate(EntityTag.class)
                        .toString(tag);
            }
            return value.toString();
        }

        @Override
        public void set(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.putSingle(name, value);
            }
        }
    }
}
