package io.github.cloudfrontsigned.jaxrs;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Vetoed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Records the client address for IP-bound policies on Quarkus REST (RESTEasy Reactive on Vert.x), where there is
 * no servlet request: the Vert.x {@code HttpServerRequest.remoteAddress()} behind the JAX-RS request, the same
 * peer address a servlet container reports as {@code getRemoteAddr()} (Quarkus's own
 * {@code quarkus.http.proxy.*} forwarding, when switched on, applies to it as it does to the servlet address).
 * Whether {@code X-Forwarded-For} is believed stays core's one decision
 * ({@code cloudfront.client-ip.trusted-proxies}).
 *
 * <p>The module must run on Jersey and RESTEasy Classic without Vert.x, so nothing here is compiled against
 * Quarkus or Vert.x: the public SPI chain
 * {@code ResteasyReactiveContainerRequestContext.getServerRequestContext()} &rarr;
 * {@code ResteasyReactiveRequestContext.serverRequest()} &rarr; {@code ServerHttpRequest.unwrap(HttpServerRequest)}
 * &rarr; {@code remoteAddress().hostAddress()} is looked up reflectively, once per request-context class (a
 * {@link ClassValue}, so an undeployed application's classes are not held). Registered by
 * {@link CloudFrontSignedFeature} only when {@link #present(ClassLoader)}; a request context of another kind
 * yields no address. {@link Vetoed}: never a CDI bean (Quarkus REST makes filters with injection points beans).
 *
 * <p>Thread-safe; per request: five reflective calls (no lookup: the methods are found once).
 */
@Vetoed
@CloudFrontSigned
@Priority(Priorities.HEADER_DECORATOR)
final class VertxClientAddress implements ContainerRequestFilter {

    private static final String CONTAINER_REQUEST_CONTEXT =
            "org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext";
    private static final String REQUEST_CONTEXT = "org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext";
    private static final String SERVER_HTTP_REQUEST = "org.jboss.resteasy.reactive.server.spi.ServerHttpRequest";
    private static final String VERTX_REQUEST = "io.vertx.core.http.HttpServerRequest";
    private static final String VERTX_ADDRESS = "io.vertx.core.net.SocketAddress";

    /** The lookup chain for each request-context class; {@link Chain#NONE} where it does not apply. */
    private static final ClassValue<Chain> CHAINS = new ClassValue<>() {
        @Override
        protected Chain computeValue(Class<?> requestContextClass) {
            return Chain.of(requestContextClass);
        }
    };

    /**
     * @param classLoader the class loader of this module (where Quarkus REST loads it, the application's)
     * @return whether RESTEasy Reactive's server SPI and Vert.x are visible from it
     */
    static boolean present(ClassLoader classLoader) {
        try {
            Class.forName(CONTAINER_REQUEST_CONTEXT, false, classLoader);
            Class.forName(VERTX_REQUEST, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String address = CHAINS.get(request.getClass()).remoteAddress(request);
        if (address != null) {
            request.setProperty(RequestSigning.REMOTE_ADDRESS, address);
        }
    }

    /** The reflective path from a JAX-RS request context to the Vert.x peer address. */
    private record Chain(Method serverRequestContext, Class<?> requestContext, Method serverRequest, Method unwrap,
            Class<?> vertxRequest, Method remoteAddress, Method hostAddress) {

        static final Chain NONE = new Chain(null, null, null, null, null, null, null);

        static Chain of(Class<?> requestContextClass) {
            ClassLoader cl = requestContextClass.getClassLoader();
            try {
                Class<?> containerRequestContext = Class.forName(CONTAINER_REQUEST_CONTEXT, false, cl);
                if (!containerRequestContext.isAssignableFrom(requestContextClass)) {
                    return NONE;
                }
                Class<?> requestContext = Class.forName(REQUEST_CONTEXT, false, cl);
                Class<?> vertxRequest = Class.forName(VERTX_REQUEST, false, cl);
                return new Chain(containerRequestContext.getMethod("getServerRequestContext"), requestContext,
                        requestContext.getMethod("serverRequest"),
                        Class.forName(SERVER_HTTP_REQUEST, false, cl).getMethod("unwrap", Class.class),
                        vertxRequest, vertxRequest.getMethod("remoteAddress"),
                        Class.forName(VERTX_ADDRESS, false, cl).getMethod("hostAddress"));
            } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
                return NONE;
            }
        }

        /** @return the peer's address, or {@code null} when this request context offers none */
        String remoteAddress(ContainerRequestContext request) {
            if (serverRequestContext == null) {
                return null;
            }
            try {
                Object context = serverRequestContext.invoke(request);
                if (!requestContext.isInstance(context)) {
                    return null;
                }
                Object serverHttpRequest = serverRequest.invoke(context);
                Object vertx = serverHttpRequest == null ? null : unwrap.invoke(serverHttpRequest, vertxRequest);
                Object socketAddress = vertx == null ? null : remoteAddress.invoke(vertx);
                Object host = socketAddress == null ? null : hostAddress.invoke(socketAddress);
                return host == null ? null : host.toString();
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return null; // no address: no IP-bound signatures for this request, as for a client without IPv4
            }
        }
    }
}
