package dev.autoprom.instrumentation.websocket.vertx;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;

/**
 * What the Vert.x WebSocket server advice calls ({@code java.base} types only: this class is on the bootstrap
 * path). A connection is keyed by its {@code ServerWebSocketImpl} in a {@link WeakIdentityMap}: a look-up per
 * frame, no lock, no allocation.
 *
 * <p>The route is the last one Vert.x Web matched for the upgrading request ({@code Http1xServerRequest.routed},
 * the route as written, {@code /chat/:room}), kept in a per-thread slot with the request's identity hash: the
 * router runs the route's handler, which upgrades, on the same event loop thread right after. A request whose
 * hash is not the slot's (core {@code HttpServer.webSocketHandler}, no router) has an empty route. The slot
 * holds no reference to the request.
 */
public final class VertxWebSocketHooks {

    static final String LIBRARY = "vertx";

    private static final WeakIdentityMap<WsConnection> SOCKETS = new WeakIdentityMap<>();
    private static final ThreadLocal<Routed> ROUTED = ThreadLocal.withInitial(Routed::new);

    private VertxWebSocketHooks() {}

    /** Vert.x Web matched {@code route} for {@code request} on this thread. */
    public static void routed(Object request, String route) {
        if (route != null) {
            Routed routed = ROUTED.get();
            routed.request = System.identityHashCode(request);
            routed.route = route;
        }
    }

    static String routeOf(Object request) {
        Routed routed = ROUTED.get();
        if (routed.route != null && routed.request == System.identityHashCode(request)) {
            return ServerRoutes.clean(routed.route);
        }
        return "";
    }

    /** The upgrade of {@code request} succeeded: {@code socket} is open. */
    public static void opened(Object socket, Object request) {
        WsConnection connection = WsConnection.accepted(LIBRARY, routeOf(request));
        SOCKETS.put(socket, connection);
        connection.opened();
    }

    /** The upgrade of {@code request} was answered with {@code status} (a refusal, a 404 of the router). */
    public static void rejected(Object request, int status) {
        WsConnection.upgradeRejected(LIBRARY, routeOf(request), status);
    }

    /** The socket's connection is gone: the close code received (or sent and not echoed), else 1006. */
    public static void closed(Object socket, Short closeStatusCode) {
        WsConnection connection = SOCKETS.remove(socket);
        if (connection != null) {
            int code = closeStatusCode == null ? WsConnection.ABNORMAL_CLOSURE : closeStatusCode;
            connection.closed(code < 1000 ? WsConnection.ABNORMAL_CLOSURE : code);
        }
    }

    /** The recorded server connection of a Vert.x WebSocket, or null (a client's, or one opened before the agent). */
    public static WsConnection connection(Object socket) {
        return SOCKETS.get(socket);
    }

    /** The application's handlers are about to get a frame of {@code socket}. */
    public static long handlingStarts(Object socket) {
        return HandlerErrors.start(SOCKETS.get(socket));
    }

    /** A Vert.x context caught what a handler threw ({@code reportException}). */
    public static void handlerThrew(Throwable error) {
        HandlerErrors.caughtIfHandling(error);
    }

    /** Plain fields: only its own thread reads and writes a slot. */
    private static final class Routed {
        int request;
        String route;
    }
}
