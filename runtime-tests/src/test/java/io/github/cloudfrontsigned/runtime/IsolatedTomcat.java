package io.github.cloudfrontsigned.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link TomcatHost} running in its own {@link ContainerLoader}, seen from the test: every call runs with that
 * loader as the context class loader, as on Tomcat's own threads.
 */
final class IsolatedTomcat implements AutoCloseable {

    private final ContainerLoader loader = new ContainerLoader();
    private final Object host;

    IsolatedTomcat() {
        host = call(null, null);
    }

    private Object call(String method, Object... args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = loader.loadClass(TomcatHost.class.getName());
            if (method == null) {
                return type.getConstructor().newInstance();
            }
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    return m.invoke(host, args);
                }
            }
            throw new IllegalArgumentException(method);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    void deploy(String path, Path war) {
        call("deploy", path, war.toString());
    }

    void undeploy(String path) {
        call("undeploy", path);
    }

    HttpResponse<String> get(String path) {
        try {
            return Container.CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + call("port") + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<String> loaderWarnings() {
        return (List<String>) call("loaderWarnings");
    }

    @SuppressWarnings("unchecked")
    List<String> reachableUndeployedApplications() {
        return (List<String>) call("reachableUndeployedApplications");
    }

    @Override
    public void close() throws IOException {
        try {
            call("close");
        } finally {
            loader.close();
        }
    }
}
