package dev.autoprom.instrumentation.httpclient.vertx.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.vertx.VertxClientHooks;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientRequest;

/**
 * Listens to the future of one Vert.x client request beside the application: a failure (no connection: refused,
 * unknown host, connect timeout, TLS) is recorded, a request made is handed to the hooks, which record its
 * response. Added before the application gets the future, so it runs first, on the same context. Loaded by
 * {@code BridgeClasses} next to Vert.x (anchored on {@link Handler}).
 */
public final class RequestListener implements Handler<AsyncResult<HttpClientRequest>> {

    private final ClientExchange exchange;

    RequestListener(ClientExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void handle(AsyncResult<HttpClientRequest> result) {
        try {
            if (result.succeeded()) {
                VertxClientHooks.created(result.result(), exchange);
            } else {
                exchange.failed(result.cause());
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("httpclient.vertx-httpclient", t);
        }
    }

    /** Vert.x 5: made once per Vert.x class loader; listens to the future {@code doRequest} returned. */
    public static final class FutureInstaller implements java.util.function.BiPredicate<Object, Object> {
        @Override
        @SuppressWarnings("unchecked")
        public boolean test(Object future, Object exchange) {
            ((io.vertx.core.Future<HttpClientRequest>) future)
                    .onComplete(new RequestListener((ClientExchange) exchange));
            return true;
        }
    }

    /** Made once per Vert.x class loader by the hooks' {@code Bridge}; listens to one request's promise. */
    public static final class Installer implements java.util.function.BiPredicate<Object, Object> {
        @Override
        @SuppressWarnings("unchecked")
        public boolean test(Object promise, Object exchange) {
            ((Promise<HttpClientRequest>) promise).future().onComplete(new RequestListener((ClientExchange) exchange));
            return true;
        }
    }
}
