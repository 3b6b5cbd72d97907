package dev.autoprom.instrumentation.websocket.tomcat;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerAddress;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Set;

/** What the Tomcat advice calls; a connection is keyed by its client {@code WsSession}. */
public final class TomcatHooks {

    static final String LIBRARY = "jakarta";
    private static final WeakIdentityMap<WsConnection> SESSIONS = new WeakIdentityMap<>();
    /**
     * Per-upgrade configs registered under the request's raw path (Spring): the route to use instead, and the
     * library a framework hook published with it (null: {@value #LIBRARY}).
     */
    private static final WeakIdentityMap<String[]> PER_REQUEST_CONFIGS = new WeakIdentityMap<>();
    /** Set by {@code findMapping} finding nothing, read when {@code WsFilter.doFilter} returns on this thread. */
    private static final ThreadLocal<Boolean> UNMAPPED_UPGRADE = new ThreadLocal<>();
    /** The handshake running on this thread: the client session constructed meanwhile is its session. */
    private static final ThreadLocal<WsConnection> CONNECTING = new ThreadLocal<>();

    private TomcatHooks() {}

    /** The first call of a redirect chain starts the handshake; the nested calls of redirects are ignored. */
    public static Object connecting(URI uri, Set<?> redirects) {
        if (redirects != null && !redirects.isEmpty()) {
            return null;
        }
        WsConnection connection = WsConnection.connecting(LIBRARY, ServerAddress.of(uri));
        CONNECTING.set(connection);
        return connection;
    }

    public static void connectDone(Object started, Throwable thrown) {
        if (!(started instanceof WsConnection)) {
            return;
        }
        CONNECTING.remove();
        if (thrown != null) {
            ((WsConnection) started).connectFailed(errorType(thrown));
        }
    }

    public static void sessionCreated(Object session) {
        WsConnection connection = CONNECTING.get();
        if (connection != null && connection.isConnecting()) {
            SESSIONS.put(session, connection);
            connection.opened();
        }
    }

    /**
     * Tomcat wrapped {@code originalClass}'s config for one upgrade. Spring registers every upgrade with a config
     * of its own whose path is the request's own path (no template): such a wrapper is remembered with the route
     * a Spring hook published for this thread ({@link ServerRoutes}), else with none, so that the raw path never
     * becomes a label.
     */
    public static void perSessionConfig(Object config, String originalClass) {
        if (originalClass.startsWith("org.springframework.")) {
            PER_REQUEST_CONFIGS.put(
                    config, new String[] {ServerRoutes.clean(ServerRoutes.current()), ServerRoutes.library()});
        }
    }

    /** A server session: its endpoint's path template is the route, unless its config is a per-request one. */
    public static void serverSessionCreated(Object session, String path, Object config) {
        String[] perRequest = config.getClass().getName().startsWith("org.springframework.")
                ? new String[] {ServerRoutes.clean(ServerRoutes.current()), ServerRoutes.library()}
                : PER_REQUEST_CONFIGS.remove(config);
        WsConnection connection = perRequest != null
                ? WsConnection.accepted(perRequest[1] != null ? perRequest[1] : LIBRARY, perRequest[0])
                : WsConnection.accepted(LIBRARY, ServerRoutes.clean(path));
        SESSIONS.put(session, connection);
        connection.opened();
    }

    /** The upgrade of a mapped endpoint ended without a 101: counted as a server error with that status. */
    public static void upgradeAnswered(int status, String path, String configClass) {
        if (status != 101 && status >= 400) {
            boolean spring = configClass.startsWith("org.springframework.");
            if (spring && ServerRoutes.library() != null) {
                return; // the framework's hook counts its refusals itself, under its own library
            }
            String route = spring ? ServerRoutes.current() : path;
            WsConnection.upgradeRejected(LIBRARY, ServerRoutes.clean(route), status);
        }
    }

    /**
     * {@code findMapping} found no endpoint for an upgrade request: Tomcat passes it on to the servlets. Whether
     * that is a refusal is known when the filter returns (a servlet may upgrade it itself, as Spring does).
     */
    public static void noEndpoint() {
        UNMAPPED_UPGRADE.set(Boolean.TRUE);
        ServerRoutes.unmappedUpgrade();
    }

    /** {@code WsFilter.doFilter} returned: an unmapped upgrade request that ended with 404 is a refusal. */
    public static void filterDone(int status) {
        if (UNMAPPED_UPGRADE.get() == Boolean.TRUE) {
            UNMAPPED_UPGRADE.set(Boolean.FALSE);
            // false: a framework behind the filter (Spring's dispatcher) counted this 404 itself
            if (ServerRoutes.claimUnmappedUpgrade() && status == 404) {
                WsConnection.upgradeRejected(LIBRARY, "", 404);
            }
        }
    }

    /** The connection recorded for a Tomcat {@code WsSession} (client or server), or null. */
    public static WsConnection connectionOf(Object session) {
        return session == null ? null : SESSIONS.get(session);
    }

    public static void closed(Object session, int code) {
        WsConnection connection = SESSIONS.get(session);
        if (connection != null) {
            connection.closed(code);
            SESSIONS.remove(session);
        }
    }

    public static void partSent(Object session, int opCode, ByteBuffer payload, boolean last) {
        WsConnection connection = SESSIONS.get(session);
        if (connection != null) {
            // Tomcat passes the message's opcode with every part and picks CONTINUATION when it writes the frame
            connection
                    .sent()
                    .typedPart(WsConnection.typeOfOpcode(opCode), payload == null ? 0 : payload.remaining(), last);
        }
    }

    public static void frameReceived(Object session, int opCode, long payloadLength, boolean fin) {
        WsConnection connection = SESSIONS.get(session);
        if (connection != null) {
            connection.received().part(WsConnection.typeOfOpcode(opCode), payloadLength, fin);
        }
    }

    /** Before Tomcat calls the handler: the session's connection is looked up now (it may close meanwhile). */
    public static long handlingStarts(Object session) {
        return HandlerErrors.start(SESSIONS.get(session));
    }

    public static void handlerThrew(Throwable thrown) {
        HandlerErrors.caught(thrown);
    }

    /** Tomcat catches what the handler throws ({@code handleThrowableOnSend}), so the error comes from there. */
    public static void handled(int type, long start) {
        HandlerErrors.finish(type, start, null);
    }

    /**
     * Tomcat reports a refused upgrade only in the DeploymentException's (localised) message, as
     * "... [404] ..."; the first bracketed three-digit number is taken as the status. Anything else: the class
     * of the underlying failure.
     */
    static String errorType(Throwable thrown) {
        String message = thrown.getMessage();
        if (message != null && thrown.getCause() == null) {
            int open = message.indexOf('[');
            while (open >= 0 && open + 4 < message.length()) {
                if (message.charAt(open + 4) == ']'
                        && Character.isDigit(message.charAt(open + 1))
                        && Character.isDigit(message.charAt(open + 2))
                        && Character.isDigit(message.charAt(open + 3))) {
                    return message.substring(open + 1, open + 4);
                }
                open = message.indexOf('[', open + 1);
            }
        }
        return ErrorTypes.of(thrown);
    }
}
