package dev.autoprom.instrumentation.websocket.jetty;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerAddress;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;

/**
 * What the Jetty advice calls. A connection is known by its upgrade request until the handshake is decided,
 * then by its {@code WebSocketCoreSession}.
 */
public final class JettyHooks {

    private static final WeakIdentityMap<WsConnection> REQUESTS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<WsConnection> SESSIONS = new WeakIdentityMap<>();
    /** The connection whose upgrade runs on this thread: the session constructed meanwhile is its session. */
    private static final ThreadLocal<WsConnection> UPGRADING = new ThreadLocal<>();

    private JettyHooks() {}

    /** {@code requestClass} tells the API: Jetty's Jakarta containers use their own request subclass. */
    public static void connecting(Object request, String requestClass, URI uri) {
        String library = requestClass.contains(".jakarta.") ? "jakarta" : "jetty";
        REQUESTS.put(request, WsConnection.connecting(library, ServerAddress.of(uri)));
    }

    public static void upgradeStarts(Object request) {
        UPGRADING.set(REQUESTS.get(request));
    }

    /** Once open, the connection is known by its session; a failed upgrade still goes to handleException. */
    public static void upgradeEnds(Object request) {
        WsConnection connection = UPGRADING.get();
        UPGRADING.remove();
        if (connection != null && !connection.isConnecting()) {
            REQUESTS.remove(request);
        }
    }

    public static void sessionCreated(Object session) {
        WsConnection connection = UPGRADING.get();
        if (connection != null) {
            SESSIONS.put(session, connection);
        }
    }

    /** A refused upgrade is labelled with its HTTP status, anything else with the cause's class. */
    public static void connectFailed(Object request, Throwable failure, boolean upgradeException, int httpStatus) {
        WsConnection connection = REQUESTS.get(request);
        if (connection == null) {
            return;
        }
        if (connection.isConnecting()) {
            String errorType;
            if (httpStatus > 0) {
                errorType = ErrorTypes.status(httpStatus);
            } else {
                // Jetty may wrap the transport's failure (SSLHandshakeException...) in its UpgradeException
                Throwable cause = upgradeException && failure.getCause() != null ? failure.getCause() : failure;
                errorType = ErrorTypes.of(cause);
            }
            connection.connectFailed(errorType);
        }
        REQUESTS.remove(request);
    }

    public static void opened(Object session) {
        WsConnection connection = SESSIONS.get(session);
        if (connection != null) {
            connection.opened();
        }
    }

    public static void closed(Object session, int code) {
        WsConnection connection = SESSIONS.get(session);
        if (connection != null) {
            connection.closed(code < 1000 ? WsConnection.ABNORMAL_CLOSURE : code);
            SESSIONS.remove(session);
        }
    }

    public static void error(Object session, Throwable error) {
        WsConnection connection = SESSIONS.get(session);
        if (connection != null && !connection.isEnded()) {
            connection.error(ErrorTypes.of(error));
        }
    }

    public static void frameSent(Object session, boolean outputOpen, int opcode, long payloadBytes, boolean fin) {
        WsConnection connection = outputOpen ? SESSIONS.get(session) : null;
        if (connection != null) {
            connection.sent().part(WsConnection.typeOfOpcode(opcode), payloadBytes, fin);
        }
    }

    /**
     * Records the frame; returns the handling start when it ends a text or binary message on a recorded
     * connection (the handler is called for it), else 0.
     */
    public static long frameReceived(Object session, int opcode, long payloadBytes, boolean fin) {
        WsConnection connection = SESSIONS.get(session);
        if (connection == null) {
            return 0L;
        }
        int type = WsConnection.typeOfOpcode(opcode);
        connection.received().part(type, payloadBytes, fin);
        if (fin && (type == WsConnection.TEXT || type == WsConnection.BINARY || type == WsConnection.CONTINUATION)) {
            return HandlerErrors.start(connection);
        }
        return 0L;
    }

    /**
     * The frame that ended a message was handled; Jetty passes what the handler threw to processHandlerError,
     * which may also close the session (and unregister it) before this runs: the connection is the one kept
     * for this thread at the frame's start.
     */
    public static void handled(Object session, long start) {
        HandlerErrors.finish(HandlerErrors.LAST_RECEIVED, start, null);
    }

    /**
     * Jetty's Jakarta layer wraps what the application threw in its own exceptions ({@code CloseException}
     * around an {@code InvocationTargetException}...): those are looked through to the application's.
     */
    public static void handlerThrew(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; depth < 8 && t != null && t.getCause() != null && t.getCause() != t; depth++) {
            if (!t.getClass().getName().startsWith("org.eclipse.jetty.")
                    && !(t instanceof java.lang.reflect.InvocationTargetException)) {
                break;
            }
            t = t.getCause();
        }
        HandlerErrors.caught(t);
    }

    /**
     * A server session: the library is told by the frame handler (Jetty's Jakarta containers have their own),
     * the route is the declaration of the path spec that matched ({@code /chat/{room}}).
     */
    public static void serverSessionCreated(Object session, String frameHandlerClass, String route) {
        if (session == null) {
            return;
        }
        String library = frameHandlerClass.contains(".jakarta.") ? "jakarta" : "jetty";
        SESSIONS.put(session, WsConnection.accepted(library, ServerRoutes.clean(route)));
    }

    /**
     * The server's upgrade step ended: no mapping matched an upgrade request (404), or a creator/configurator
     * answered it with an error status. A refused upgrade has no frame handler yet to tell the API by, and
     * Jetty's core refuses for both: it is labelled {@code jetty}.
     */
    public static void upgradeAnswered(boolean handled, boolean upgradeRequest, int status, String route) {
        if (!upgradeRequest) {
            return;
        }
        if (!handled) {
            WsConnection.upgradeRejected("jetty", "", 404);
        } else if (status >= 400) {
            WsConnection.upgradeRejected("jetty", ServerRoutes.clean(route), status);
        }
    }
}
