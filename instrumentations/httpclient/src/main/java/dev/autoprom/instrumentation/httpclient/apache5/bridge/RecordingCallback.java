package dev.autoprom.instrumentation.httpclient.apache5.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.apache5.CallbackWrapper;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;

/**
 * Wraps the exec chain's {@link AsyncExecCallback} for one request: reports the final response's status (or the
 * failure) to the request's {@link ClientExchange}, then passes every call on unchanged, on the same thread.
 * Loaded by {@code BridgeClasses} next to HttpClient 5 (anchored on {@link AsyncExecCallback}).
 */
public final class RecordingCallback implements AsyncExecCallback {

    /**
     * What a request the application cancelled is recorded with: the chain fails it with an
     * {@code InterruptedIOException}, the application's future reports a cancellation. Shared, never thrown.
     */
    private static final CancellationException CANCELLED = new CancellationException("cancelled");

    private final AsyncExecCallback delegate;
    private final ClientExchange exchange;
    private final CancellableDependency cancellable;

    RecordingCallback(AsyncExecCallback delegate, ClientExchange exchange, CancellableDependency cancellable) {
        this.delegate = delegate;
        this.exchange = exchange;
        this.cancellable = cancellable;
    }

    @Override
    public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
            throws HttpException, IOException {
        try {
            exchange.responded(response.getCode());
        } catch (Throwable t) {
            SelfMetrics.recordError("httpclient.apache-httpclient5", t);
        }
        return delegate.handleResponse(response, entityDetails);
    }

    @Override
    public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
        delegate.handleInformationResponse(response);
    }

    @Override
    public void completed() {
        delegate.completed();
    }

    @Override
    public void failed(Exception cause) {
        try {
            exchange.failed(cancellable != null && cancellable.isCancelled() ? CANCELLED : cause);
        } catch (Throwable t) {
            SelfMetrics.recordError("httpclient.apache-httpclient5", t);
        }
        delegate.failed(cause);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** Made once per library class loader by the hooks' {@code Bridge}; makes one callback per request. */
    public static final class Wrapper implements CallbackWrapper {
        @Override
        public Object wrap(Object callback, ClientExchange exchange, Object cancellable) {
            return new RecordingCallback(
                    (AsyncExecCallback) callback,
                    exchange,
                    cancellable instanceof CancellableDependency ? (CancellableDependency) cancellable : null);
        }
    }
}
