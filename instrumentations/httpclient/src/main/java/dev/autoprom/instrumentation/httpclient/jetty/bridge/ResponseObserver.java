package dev.autoprom.instrumentation.httpclient.jetty.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.jetty.JettyClientHooks;
import java.util.function.BiPredicate;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * Listens to the completion of one Jetty client request beside the application's listeners: a request that got no
 * response is recorded with its failure (the {@code Result}'s, which for {@code abort(cause)} is the
 * application's cause); one that did was recorded at its status line already (by the receiver's hook), so this
 * only forgets it. Loaded by {@code BridgeClasses} next to Jetty's client (anchored on {@link Request}).
 */
public final class ResponseObserver implements Response.CompleteListener {

    private final Request request;
    private final ClientExchange exchange;

    ResponseObserver(Request request, ClientExchange exchange) {
        this.request = request;
        this.exchange = exchange;
    }

    @Override
    public void onComplete(Result result) {
        try {
            if (result.isFailed()) {
                exchange.failed(result.getFailure()); // ignored when its status line already ended it
            } else if (result.getResponse() != null) {
                exchange.responded(result.getResponse().getStatus()); // a response the receiver hook missed
            }
            JettyClientHooks.completed(request);
        } catch (Throwable t) {
            SelfMetrics.recordError("httpclient.jetty-httpclient", t);
        }
    }

    /** Made once per library class loader by the hooks' {@code Bridge}; adds an observer to each request. */
    public static final class Installer implements BiPredicate<Object, Object> {
        @Override
        public boolean test(Object request, Object exchange) {
            ((Request) request).onComplete(new ResponseObserver((Request) request, (ClientExchange) exchange));
            return true;
        }
    }
}
