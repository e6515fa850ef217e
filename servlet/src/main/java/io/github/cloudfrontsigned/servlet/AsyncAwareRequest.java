package io.github.cloudfrontsigned.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes asynchronous processing write through the signing response: {@code startAsync()} hands the wrapped
 * response to the async context, and {@code AsyncContext.complete()} first emits what the rewriter still holds (with non-blocking output, the
 * container's {@code complete()} waits until those bytes are written).
 */
final class AsyncAwareRequest extends HttpServletRequestWrapper {

    private final RewritingResponse response;
    private AsyncContext async;

    AsyncAwareRequest(HttpServletRequest request, RewritingResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public AsyncContext startAsync() {
        return wrap(getRequest().startAsync(this, response));
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        return wrap(getRequest().startAsync(servletRequest, servletResponse));
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext current = getRequest().getAsyncContext();
        return async != null && ((Completing) async).delegate == current ? async : current;
    }

    private AsyncContext wrap(AsyncContext context) {
        async = new Completing(context, response);
        return async;
    }

    /** An {@link AsyncContext} whose {@link #complete()} finishes the signing response first. */
    private static final class Completing implements AsyncContext {
        final AsyncContext delegate;
        private final RewritingResponse response;

        Completing(AsyncContext delegate, RewritingResponse response) {
            this.delegate = delegate;
            this.response = response;
        }

        @Override
        public void complete() {
            try {
                response.finish();
            } catch (IOException e) {
                delegate.complete();
                throw new UncheckedIOException(e);
            }
            if (!response.completeWhenWritten(delegate::complete)) {
                delegate.complete();
            }
        }

        @Override
        public ServletRequest getRequest() {
            return delegate.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return delegate.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return delegate.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            delegate.dispatch();
        }

        @Override
        public void dispatch(String path) {
            delegate.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            delegate.dispatch(context, path);
        }

        @Override
        public void start(Runnable run) {
            delegate.start(run);
        }

        @Override
        public void addListener(AsyncListener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void addListener(
                AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
            delegate.addListener(listener, servletRequest, servletResponse);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
            return delegate.createListener(clazz);
        }

        @Override
        public void setTimeout(long timeout) {
            delegate.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return delegate.getTimeout();
        }
    }
}
