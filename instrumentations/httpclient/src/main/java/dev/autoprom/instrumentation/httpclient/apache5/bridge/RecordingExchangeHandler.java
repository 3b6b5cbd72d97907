package dev.autoprom.instrumentation.httpclient.apache5.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.ClientHooks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Wraps the application's {@link AsyncClientExchangeHandler} for one request of HttpClient 5's minimal async
 * clients ({@code HttpAsyncClients.createMinimal()}, {@code createHttp2Minimal()}), which have no exec chain: the
 * request starts when the handler hands it to the client's {@link RequestChannel} (its target is known only
 * then), and ends at the final response's head, a failure or a cancel. Every call is passed on unchanged, on the
 * same thread. Loaded by {@code BridgeClasses} next to HttpClient 5 (anchored on
 * {@link AsyncClientExchangeHandler}).
 */
public final class RecordingExchangeHandler implements AsyncClientExchangeHandler {

    private static final String COMPONENT = "httpclient.apache-httpclient5";
    /** What a request the application cancelled is recorded with. Shared, never thrown. */
    private static final CancellationException CANCELLED = new CancellationException("cancelled");

    private final AsyncClientExchangeHandler delegate;
    private volatile ClientExchange exchange;

    RecordingExchangeHandler(AsyncClientExchangeHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void produceRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        delegate.produceRequest(new RecordingChannel(channel), context);
    }

    /** The client's channel, seen by the agent first: the request's target is known once it is sent. */
    private final class RecordingChannel implements RequestChannel {
        private final RequestChannel channel;

        RecordingChannel(RequestChannel channel) {
            this.channel = channel;
        }

        @Override
        public void sendRequest(HttpRequest request, EntityDetails entityDetails, HttpContext context)
                throws HttpException, IOException {
            start(request);
            try {
                channel.sendRequest(request, entityDetails, context);
            } catch (HttpException | IOException | RuntimeException e) {
                failed(e, false);
                throw e;
            }
        }
    }

    private void start(HttpRequest request) {
        try {
            URIAuthority authority = request.getAuthority();
            exchange = new ClientExchange(
                    authority == null ? null : authority.getHostName(),
                    authority == null ? -1 : authority.getPort(),
                    ClientHooks.isHttps(request.getScheme()),
                    request.getMethod(),
                    ClientHooks.template());
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context)
            throws HttpException, IOException {
        ClientExchange current = exchange;
        if (current != null) {
            try {
                current.responded(response.getCode());
            } catch (Throwable t) {
                SelfMetrics.recordError(COMPONENT, t);
            }
        }
        delegate.consumeResponse(response, entityDetails, context);
    }

    @Override
    public void consumeInformation(HttpResponse response, HttpContext context) throws HttpException, IOException {
        delegate.consumeInformation(response, context);
    }

    @Override
    public void failed(Exception cause) {
        failed(cause, false);
        delegate.failed(cause);
    }

    @Override
    public void cancel() {
        failed(CANCELLED, false);
        delegate.cancel();
    }

    @Override
    public void releaseResources() {
        failed(null, true);
        delegate.releaseResources();
    }

    /** Records {@code cause} (or, {@code released} without one, takes an unanswered request off the active ones). */
    private void failed(Exception cause, boolean released) {
        ClientExchange current = exchange;
        if (current == null) {
            return;
        }
        try {
            if (released) {
                current.abandon(); // ignored once answered or failed: only a request nothing ended
            } else {
                current.failed(cause);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    @Override
    public int available() {
        return delegate.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        delegate.produce(channel);
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        delegate.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        delegate.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
        delegate.streamEnd(trailers);
    }

    /** Made once per HttpClient 5 class loader by the hooks' {@code Bridge}; wraps one handler. */
    public static final class Wrapper implements UnaryOperator<Object> {
        @Override
        public Object apply(Object handler) {
            return handler instanceof AsyncClientExchangeHandler && !(handler instanceof RecordingExchangeHandler)
                    ? new RecordingExchangeHandler((AsyncClientExchangeHandler) handler)
                    : handler;
        }
    }
}
