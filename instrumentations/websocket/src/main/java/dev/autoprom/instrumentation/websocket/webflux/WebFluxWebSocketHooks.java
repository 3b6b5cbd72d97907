package dev.autoprom.instrumentation.websocket.webflux;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the Spring WebFlux / Reactor Netty WebSocket server advice calls ({@code java.base} types only: this class
 * is on the bootstrap path). Three identities meet here, each in a {@link WeakIdentityMap}:
 *
 * <ul>
 *   <li>the Netty channel, from WebFlux's {@code WebSocketHandlerAdapter} (the route: the pattern the handler
 *       mapping matched, {@code /chat/{room}}) to the upgrade's session or its refusal;
 *   <li>the {@code ReactorNettyWebSocketSession}, whose {@code toMessage}/{@code toFrame} see every message the
 *       application receives and sends (one look-up per message, no lock, no allocation);
 *   <li>Reactor Netty's {@code WebsocketServerOperations}, which sees the close frames, the handler's failure
 *       and the end.
 * </ul>
 */
public final class WebFluxWebSocketHooks {

    static final String LIBRARY = "webflux";

    private static final WeakIdentityMap<String> ROUTES = new WeakIdentityMap<>();
    private static final WeakIdentityMap<WsConnection> SESSIONS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Socket> OPERATIONS = new WeakIdentityMap<>();

    private static final ThreadLocal<Delivery> DELIVERY = ThreadLocal.withInitial(Delivery::new);

    private WebFluxWebSocketHooks() {}

    /** WebFlux hands an upgrade request on {@code channel} to a {@code WebSocketHandler} mapped at {@code pattern}. */
    public static void upgrading(Object channel, Object pattern) {
        ROUTES.put(channel, ServerRoutes.clean(pattern == null ? null : pattern.toString()));
    }

    /** The handshake on {@code channel} is done: {@code session} (over {@code operations}) is open. */
    public static void opened(Object session, Object operations, Object channel) {
        String route = ROUTES.remove(channel);
        WsConnection connection = WsConnection.accepted(LIBRARY, route == null ? "" : route);
        SESSIONS.put(session, connection);
        OPERATIONS.put(operations, new Socket(connection));
        connection.opened();
    }

    public static WsConnection connection(Object session) {
        return SESSIONS.get(session);
    }

    /**
     * An upgrade request answered with {@code status} (400 or more): a refusal, under the route WebFlux mapped it
     * to ({@link #upgrading}), else none (no handler for the path, or a filter refused it first).
     */
    public static void refused(Object channel, int status) {
        String route = ROUTES.remove(channel);
        WsConnection.upgradeRejected(LIBRARY, route == null ? "" : route, status);
    }

    /**
     * A close frame received, or sent ({@code -1}: without a status code, 1005): the first one is the
     * connection's close code.
     */
    public static void closeCode(Object operations, int code) {
        Socket socket = OPERATIONS.get(operations);
        if (socket != null) {
            socket.closeCode.compareAndSet(0, code < 0 ? 1005 : code);
        }
    }

    /**
     * The application's {@code WebSocketHandler} failed: counted once per connection (an operator's failure while
     * a frame was being delivered, and the handler's Mono failing, may both report it), and even when the close
     * it caused has already ended the connection.
     */
    public static void handlerFailed(Object operations, Throwable error) {
        Socket socket = OPERATIONS.get(operations);
        if (socket != null && socket.failed.compareAndSet(0, 1)) {
            socket.connection.error(ErrorTypes.of(error));
        }
    }

    /**
     * Reactor Netty hands a frame of {@code operations} to the application's {@code Flux} on this thread (its
     * operators run inside, synchronously, when they have demand): returns what the slot held before, for
     * {@link #delivered}. No look-up, no allocation: a per-thread slot.
     */
    public static Object delivering(Object operations) {
        Delivery delivery = DELIVERY.get();
        Object previous = delivery.operations;
        delivery.operations = operations;
        return previous;
    }

    public static void delivered(Object previous) {
        DELIVERY.get().operations = previous;
    }

    /**
     * Reactor caught an operator's exception ({@code Operators.onOperatorError}): while a frame is being delivered
     * on this thread, the application's handler threw on that connection.
     */
    public static void operatorError(Throwable error) {
        Delivery delivery = DELIVERY.get();
        Object operations = delivery.operations;
        if (operations != null) {
            delivery.operations = null; // once per delivery: the operators after it get onError, not this
            handlerFailed(operations, error);
        }
    }

    /**
     * Reactor Netty is done with the operations (after the close handshake, or the channel went away: 1006). The
     * entry stays (weakly) for a handler failure reported after it; {@code closed} records once.
     */
    public static void ended(Object operations) {
        Socket socket = OPERATIONS.get(operations);
        if (socket != null) {
            int code = socket.closeCode.get();
            socket.connection.closed(code == 0 ? WsConnection.ABNORMAL_CLOSURE : code);
        }
    }

    private static final class Socket {
        final WsConnection connection;
        final AtomicInteger closeCode = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Socket(WsConnection connection) {
            this.connection = connection;
        }
    }

    /** Plain field: only its own thread reads and writes a slot. */
    private static final class Delivery {
        Object operations;
    }
}
