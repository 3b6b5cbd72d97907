package dev.autoprom.instrumentation.websocket.javawebsocket;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerAddress;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;

/** What the Java-WebSocket advice calls: client objects map to their connection in a {@link WeakIdentityMap}. */
public final class JavaWebSocketHooks {

    static final String LIBRARY = "java-websocket";
    private static final WeakIdentityMap<WsConnection> CONNECTIONS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<WsConnection> SERVER_CONNECTIONS = new WeakIdentityMap<>();
    private static final String STATUS_PREFIX = "Invalid status code received: ";

    private JavaWebSocketHooks() {}

    public static void connecting(Object client, URI uri) {
        CONNECTIONS.put(client, WsConnection.connecting(LIBRARY, ServerAddress.of(uri)));
    }

    /** The connection of a {@code WebSocketClient}, or null for anything else (a server's listener). */
    public static WsConnection connection(Object listener) {
        return CONNECTIONS.get(listener);
    }

    /**
     * The connection a frame belongs to: a client's is keyed by its {@code WebSocketClient} (the
     * {@code WebSocketImpl}'s listener), a server's by the {@code WebSocketImpl} itself (its listener is the
     * {@code WebSocketServer}, shared by all its connections).
     */
    public static WsConnection connection(Object listener, Object impl) {
        WsConnection connection = CONNECTIONS.get(listener);
        return connection != null ? connection : SERVER_CONNECTIONS.get(impl);
    }

    /**
     * A server connection opened. Java-WebSocket's server has no routes (one server, any path): {@code http_route}
     * is empty, never the request's path.
     */
    public static void serverOpened(Object impl) {
        WsConnection connection = WsConnection.accepted(LIBRARY, "");
        SERVER_CONNECTIONS.put(impl, connection);
        connection.opened();
    }

    public static void serverClosed(Object impl, int code) {
        WsConnection connection = SERVER_CONNECTIONS.remove(impl);
        if (connection != null) {
            connection.closed(code < 1000 ? WsConnection.ABNORMAL_CLOSURE : code);
        }
    }

    /** Errors of a server connection; the server's own (a null connection: bind failure) are not a connection's. */
    public static void serverError(Object impl, Exception error) {
        WsConnection connection = impl == null ? null : SERVER_CONNECTIONS.get(impl);
        if (connection != null && !connection.isEnded()) {
            connection.error(ErrorTypes.of(error));
        }
    }

    /** The server's {@code onMessage} is about to run on this connection. */
    public static long serverHandlingStarts(Object impl) {
        return HandlerErrors.start(SERVER_CONNECTIONS.get(impl));
    }

    public static void opened(Object client) {
        WsConnection connection = CONNECTIONS.get(client);
        if (connection != null) {
            connection.opened();
        }
    }

    /**
     * Java-WebSocket reports every end here: a close handshake (its code), a dropped connection (1006), and a
     * failed handshake (negative codes, or 1002 with the HTTP status in the reason) before the open.
     */
    public static void closed(Object client, int code, String reason) {
        WsConnection connection = CONNECTIONS.get(client);
        if (connection == null) {
            return;
        }
        if (connection.isConnecting()) {
            connection.connectFailed(handshakeErrorType(reason));
        } else {
            connection.closed(code < 1000 ? WsConnection.ABNORMAL_CLOSURE : code);
        }
        CONNECTIONS.remove(client);
    }

    /** Before the open an error is the handshake's failure (connection refused, TLS); after it, an error. */
    public static void error(Object client, Exception error) {
        WsConnection connection = CONNECTIONS.get(client);
        if (connection != null) {
            connection.error(ErrorTypes.of(error));
        }
    }

    /** The client's {@code onMessage} is about to run; its exit calls {@code HandlerErrors.finish}. */
    public static long handlingStarts(Object client) {
        return HandlerErrors.start(CONNECTIONS.get(client));
    }

    public static void frameSent(WsConnection connection, Object opcode, int payloadBytes, boolean fin) {
        int type = type(opcode);
        if (type != WsConnection.NOT_COUNTED) {
            connection.sent().part(type, payloadBytes, fin);
        }
    }

    public static void frameReceived(WsConnection connection, Object opcode, int payloadBytes, boolean fin) {
        int type = type(opcode);
        if (type != WsConnection.NOT_COUNTED) {
            connection.received().part(type, payloadBytes, fin);
        }
    }

    /** {@code org.java_websocket.enums.Opcode} by name (this class cannot see the enum). */
    static int type(Object opcode) {
        switch (((Enum<?>) opcode).name()) {
            case "TEXT":
                return WsConnection.TEXT;
            case "BINARY":
                return WsConnection.BINARY;
            case "CONTINUOUS":
                return WsConnection.CONTINUATION;
            case "PING":
                return WsConnection.PING;
            case "PONG":
                return WsConnection.PONG;
            default:
                return WsConnection.NOT_COUNTED;
        }
    }

    /** The HTTP status of a refused upgrade, from Java-WebSocket's message, else a generic value. */
    static String handshakeErrorType(String reason) {
        if (reason != null && reason.startsWith(STATUS_PREFIX) && reason.length() >= STATUS_PREFIX.length() + 3) {
            String status = reason.substring(STATUS_PREFIX.length(), STATUS_PREFIX.length() + 3);
            if (status.chars().allMatch(Character::isDigit)) {
                return status;
            }
        }
        return "handshake_failed";
    }
}
