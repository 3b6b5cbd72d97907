package dev.autoprom.instrumentation.httpclient.reactor;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CancellationException;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * What the Reactor Netty {@code HttpClient} advice calls. One attempt (the first request of a call, each followed
 * redirect, each retry of a reset connection) is one run of {@code MonoHttpConnect}'s connection sink: it creates
 * the attempt's {@code HttpObserver(sink, handler)}, then asks the connection provider for a connection to the
 * handler's current address. There the attempt's {@link ClientExchange} starts (the provider's config says the
 * method and whether it is TLS, the handler the host and port as the URL wrote them), keyed by the sink, whose
 * callbacks end it: the response's status, an error on the connection, a failed connect. A sink disposed while
 * its exchange is still open was cancelled (the subscriber went away): one record with {@code CancellationException}.
 */
public final class ReactorNettyHooks {

    static final String COMPONENT = "httpclient.reactor-netty-httpclient";

    /** What a cancelled attempt is recorded with; shared, never thrown. */
    private static final CancellationException CANCELLED = new CancellationException("cancelled");

    /** Reactor Netty's signal (package-private) that a redirect is followed: its status line was the answer. */
    public static final String REDIRECT = "reactor.netty.http.client.RedirectClientException";

    private static final Bridge<BiPredicate<Object, Object>> DISPOSE_LISTENERS = Bridge.of(
            biPredicate(),
            "dev.autoprom.instrumentation.httpclient.reactor.bridge.SinkEnd$Installer",
            COMPONENT,
            (sink, exchange) -> false);

    /** The sink of the attempt whose observer was just created on this thread, until its provider is asked. */
    private static final ThreadLocal<Object> PENDING = new ThreadLocal<>();

    /** A request Spring is writing on this thread (inside the handler's {@code requestWithBody}), else null. */
    private static final ThreadLocal<Object> WRITING = new ThreadLocal<>();

    private static final WeakIdentityMap<ClientExchange> BY_SINK = new WeakIdentityMap<>();
    /** The latest attempt of each call ({@code HttpClientHandler}): where a template written later goes. */
    private static final WeakIdentityMap<Attempt> BY_HANDLER = new WeakIdentityMap<>();

    private ReactorNettyHooks() {}

    /** {@code HttpObserver(sink, handler)}: an attempt begins on this thread. */
    public static void observing(Object sink) {
        PENDING.set(sink);
    }

    /**
     * {@code HttpConnectionProvider.acquire(config, observer, remote, resolver)}: the attempt whose observer was
     * just made asks for its connection. {@code anchor} is reactor-core's {@code MonoSink}.
     */
    public static void acquiring(Class<?> anchor, String method, boolean https, Supplier<?> remote) {
        Object sink = PENDING.get();
        if (sink == null) {
            return; // not an attempt of MonoHttpConnect (or its observer's hook failed)
        }
        PENDING.remove();
        try {
            // what the provider itself asks next, on this thread: the handler's current (unresolved) address
            SocketAddress address = (SocketAddress) remote.get();
            if (!(address instanceof InetSocketAddress)) {
                return; // a Unix domain socket: no server address or port to label
            }
            InetSocketAddress inet = (InetSocketAddress) address;
            ClientExchange exchange = new ClientExchange(inet.getHostString(), inet.getPort(), https, method, null);
            if (!DISPOSE_LISTENERS.get(anchor).test(sink, exchange)) {
                exchange.abandon(); // its end could not be seen: unrecorded rather than active for ever
                return;
            }
            BY_SINK.put(sink, exchange);
            Attempt previous = BY_HANDLER.get(remote);
            // a template is lent to the call's first request, not to the redirects or retries after it
            BY_HANDLER.put(remote, new Attempt(exchange, previous == null));
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The response's status line arrived (not a redirect that is followed: see {@link #failed}). */
    public static void responded(Object sink, int status) {
        ClientExchange exchange = BY_SINK.get(sink);
        if (exchange != null) {
            exchange.responded(status);
        }
    }

    /**
     * The attempt's connection reported {@code error}. A redirect that is followed arrives here too, as
     * Reactor Netty's {@code RedirectClientException}, after its status line: that is the attempt's answer
     * ({@code redirectStatus}, else 0).
     */
    public static void failed(Object sink, Throwable error, int redirectStatus) {
        ClientExchange exchange = BY_SINK.get(sink);
        if (exchange == null || exchange.ended()) {
            return;
        }
        if (redirectStatus > 0) {
            exchange.responded(redirectStatus);
        } else {
            exchange.failed(error);
        }
    }

    /** No connection: refused, unknown host, connect timeout, TLS handshake. */
    public static void connectFailed(Object sink, Throwable error) {
        ClientExchange exchange = BY_SINK.get(sink);
        if (exchange != null) {
            exchange.failed(error);
        }
    }

    /** The sink is done (success, error or cancel): an exchange still open was cancelled. */
    public static void disposed(Object sink, ClientExchange exchange) {
        try {
            exchange.failed(CANCELLED); // ignored when a status or failure ended it
            BY_SINK.remove(sink);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The handler writes an attempt's request on this thread; returns what {@link #written} restores. */
    public static Object writing(Object handler) {
        Object previous = WRITING.get();
        WRITING.set(handler);
        return previous;
    }

    /** Spring's {@code WebClient} writes its request with {@code template} (a label value, or null). */
    public static void lend(String template) {
        Object handler = WRITING.get();
        if (template == null || handler == null) {
            return;
        }
        Attempt attempt = BY_HANDLER.get(handler);
        if (attempt != null && attempt.first) {
            attempt.exchange.lend(template);
        }
    }

    public static void written(Object previous) {
        if (previous == null) {
            WRITING.remove();
        } else {
            WRITING.set(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<BiPredicate<Object, Object>> biPredicate() {
        return (Class<BiPredicate<Object, Object>>) (Class<?>) BiPredicate.class;
    }

    private static final class Attempt {
        final ClientExchange exchange;
        final boolean first;

        Attempt(ClientExchange exchange, boolean first) {
            this.exchange = exchange;
            this.first = first;
        }
    }
}
