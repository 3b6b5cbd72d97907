package dev.autoprom.instrumentation.websocket.tyrus;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerAddress;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;

/**
 * What the Tyrus advice calls. A client connection is known by two objects: its {@code TyrusClientEngine}
 * (handshake and connect failures; forgotten once the handshake is decided) and its {@code ProtocolHandler}
 * (frames, open, close). A server connection ({@link TyrusServerInstrumentation}) is registered under its
 * {@code ProtocolHandler} when the engine makes it, before it opens; from then on the same hooks record it.
 */
public final class TyrusHooks {

    static final String LIBRARY = "jakarta";
    private static final WeakIdentityMap<WsConnection> ENGINES = new WeakIdentityMap<>();
    private static final WeakIdentityMap<WsConnection> CONNECTIONS = new WeakIdentityMap<>();

    /** The endpoint template the engine's last endpoint match on this thread tried (a refusal's route). */
    private static final ThreadLocal<String> MATCHED_TEMPLATE = new ThreadLocal<>();

    private TyrusHooks() {}

    /** The server engine made a connection for an accepted upgrade of the endpoint with template {@code path}. */
    public static void serverConnection(Object protocolHandler, String path) {
        CONNECTIONS.put(protocolHandler, WsConnection.accepted(LIBRARY, ServerRoutes.clean(path)));
    }

    /** {@code TyrusWebSocketEngine.upgrade} starts: no endpoint tried yet. */
    public static void upgradeStarts() {
        MATCHED_TEMPLATE.remove();
    }

    /** An endpoint with template {@code path} was asked whether it takes the upgrade (it may refuse: 403). */
    public static void endpointTried(String path) {
        MATCHED_TEMPLATE.set(path);
    }

    /**
     * {@code TyrusWebSocketEngine.upgrade} returned {@code status} (its UpgradeStatus name) with the response's
     * HTTP status: a failed handshake is a refusal under the endpoint tried last; no endpoint at all is a 404
     * (the engine passes the request on to the HTTP server, which has nothing there).
     */
    public static void serverUpgradeDone(String status, int httpStatus) {
        String template = MATCHED_TEMPLATE.get();
        MATCHED_TEMPLATE.remove();
        if ("HANDSHAKE_FAILED".equals(status)) {
            WsConnection.upgradeRejected(LIBRARY, ServerRoutes.clean(template), httpStatus);
        } else if ("NOT_APPLICABLE".equals(status)) {
            WsConnection.upgradeRejected(LIBRARY, "", 404);
        }
    }

    public static void connecting(Object engine, Object protocolHandler, URI uri) {
        WsConnection connection = WsConnection.connecting(LIBRARY, ServerAddress.of(uri));
        ENGINES.put(engine, connection);
        CONNECTIONS.put(protocolHandler, connection);
    }

    /** {@code status} is Tyrus' ClientUpgradeStatus name; a failed upgrade is labelled with the HTTP status. */
    public static void upgradeProcessed(Object engine, Object protocolHandler, String status, int httpStatus) {
        WsConnection connection = CONNECTIONS.get(protocolHandler);
        if (connection == null) {
            return;
        }
        if ("SUCCESS".equals(status)) {
            connection.opened();
            ENGINES.remove(engine);
        } else if ("UPGRADE_REQUEST_FAILED".equals(status)) {
            connection.connectFailed(
                    httpStatus == 101 ? "org.glassfish.tyrus.core.HandshakeException" : ErrorTypes.status(httpStatus));
            ENGINES.remove(engine);
            CONNECTIONS.remove(protocolHandler);
        }
    }

    /** The connection could not be made (refused, timeout, TLS): a failed handshake. */
    public static void socketFailed(Object engine, Throwable error) {
        if (error == null) {
            return;
        }
        WsConnection connection = ENGINES.get(engine);
        if (connection != null && connection.isConnecting()) {
            connection.connectFailed(ErrorTypes.of(error));
            ENGINES.remove(engine);
        }
    }

    public static void opened(Object protocolHandler) {
        WsConnection connection = CONNECTIONS.get(protocolHandler);
        if (connection != null) {
            connection.opened();
        }
    }

    public static void closed(Object protocolHandler, int code) {
        WsConnection connection = CONNECTIONS.get(protocolHandler);
        if (connection != null) {
            connection.closed(code);
            CONNECTIONS.remove(protocolHandler);
        }
    }

    public static void frameSent(Object protocolHandler, int opcode, long payloadBytes, boolean fin) {
        WsConnection connection = CONNECTIONS.get(protocolHandler);
        if (connection != null) {
            connection.sent().part(WsConnection.typeOfOpcode(opcode), payloadBytes, fin);
        }
    }

    public static void frameReceived(Object protocolHandler, int opcode, long payloadBytes, boolean fin) {
        WsConnection connection = CONNECTIONS.get(protocolHandler);
        if (connection != null) {
            connection.received().part(WsConnection.typeOfOpcode(opcode), payloadBytes, fin);
        }
    }

    /**
     * Tyrus is about to call a handler; it catches what the handler throws ({@code processThrowable} reports it
     * to {@link HandlerErrors}), and the exit calls {@link HandlerErrors#finish}.
     */
    public static long handlingStarts(Object protocolHandler) {
        return HandlerErrors.start(CONNECTIONS.get(protocolHandler));
    }
}
