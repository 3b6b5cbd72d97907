package dev.autoprom.instrumentation.websocket.spring;

import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;
import dev.autoprom.instrumentation.websocket.tomcat.TomcatHooks;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Spring advice calls. Spring does not own the connection: the container's hooks record it (Tomcat:
 * {@link TomcatHooks}); Spring's hooks publish the route and library of the upgrade ({@link ServerRoutes}),
 * narrow the container's handler timing to the application's handler, and count refusals.
 */
public final class SpringHooks {

    static final String LIBRARY = "spring";
    /** {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: the pattern the handler mapping matched. */
    static final String BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";
    /** {@code SimpMessageHeaderAccessor.SESSION_ID_HEADER}. */
    static final String SESSION_ID_HEADER = "simpSessionId";
    /** The handler Spring's STOMP support registers: its messages are frames handed to the inbound channel. */
    static final String SUB_PROTOCOL_HANDLER = "org.springframework.web.socket.messaging.SubProtocolWebSocketHandler";

    /** Open STOMP sessions by their Spring session id (the {@code simpSessionId} of their messages). */
    private static final ConcurrentHashMap<String, WsConnection> STOMP_SESSIONS = new ConcurrentHashMap<>();

    private SpringHooks() {}

    /** The upgrade of a registered handler starts on this thread, matched by {@code pattern} (null: none). */
    public static void upgradeStarts(Object pattern) {
        ServerRoutes.set(ServerRoutes.clean(pattern == null ? null : pattern.toString()), LIBRARY);
    }

    /**
     * The upgrade's handler returned with the response's status: an interceptor or the handshake handler that
     * refused it set an error status (a failure thrown out of the handshake becomes a 500).
     */
    public static void upgradeDone(int status, Throwable thrown) {
        String route = ServerRoutes.clean(ServerRoutes.current());
        ServerRoutes.set(null, null);
        if (thrown != null) {
            WsConnection.upgradeRejected(LIBRARY, route, 500);
        } else if (status != 101 && status >= 400) {
            WsConnection.upgradeRejected(LIBRARY, route, status);
        }
    }

    public static boolean isStomp(String handlerClass) {
        return SUB_PROTOCOL_HANDLER.equals(handlerClass);
    }

    /**
     * Spring's decorator is about to call the registered handler, inside the container's handler call: the
     * application's handler is timed from here ({@link HandlerErrors#restart}). STOMP's handler only decodes
     * the frame and hands it to the inbound channel: that is not the application's time, the container's call
     * records nothing, and the {@code @MessageMapping} dispatch is timed instead ({@link #stompHandlingStarts}).
     */
    public static long handlingStarts(String handlerClass) {
        if (isStomp(handlerClass)) {
            HandlerErrors.discard();
            return 0L;
        }
        return HandlerErrors.restart();
    }

    public static void handled(int type, long start, Throwable thrown) {
        HandlerErrors.finish(type, start, thrown);
    }

    /** A STOMP session opened on a container session the container's hooks record. */
    public static void stompOpened(String sessionId, Object nativeSession) {
        WsConnection connection = TomcatHooks.connectionOf(nativeSession);
        if (sessionId != null && connection != null) {
            STOMP_SESSIONS.put(sessionId, connection);
        }
    }

    public static void stompClosed(String sessionId) {
        if (sessionId != null) {
            STOMP_SESSIONS.remove(sessionId);
        }
    }

    /** A {@code @MessageMapping} method is called for a frame of the session {@code sessionId} names. */
    public static long stompHandlingStarts(Object sessionId) {
        return HandlerErrors.start(sessionId instanceof String ? STOMP_SESSIONS.get(sessionId) : null);
    }

    public static void stompThrew(Throwable thrown) {
        HandlerErrors.caught(thrown);
    }

    /** The frame's type is the one its session received last (STOMP frames are text but for binary bodies). */
    public static void stompHandled(long start, Throwable thrown) {
        HandlerErrors.finish(HandlerErrors.LAST_RECEIVED, start, thrown);
    }

    /**
     * An upgrade request ended with 404 in Spring's dispatcher: no handler is registered at its path. Counted
     * here, under Spring's label, and claimed from the container, which would count it too when it has
     * endpoints of its own and found none for it ({@link ServerRoutes#claimUnmappedUpgrade}).
     */
    public static void notFound(String upgradeHeader) {
        if ("websocket".equalsIgnoreCase(upgradeHeader)) {
            ServerRoutes.claimUnmappedUpgrade();
            WsConnection.upgradeRejected(LIBRARY, "", 404);
        }
    }
}
