package dev.autoprom.instrumentation.websocket.undertow;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.ServerRoutes;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.nio.ByteBuffer;

/**
 * What the Undertow advice calls. A server connection is known by two objects: its core {@code WebSocketChannel}
 * (frames in and out, the end) and the JSR {@code FrameHandler} the session installed on it as its receive
 * listener (the handler calls, which run on a worker thread with only the frame handler at hand).
 */
public final class UndertowHooks {

    static final String LIBRARY = "jakarta";
    private static final WeakIdentityMap<WsConnection> CHANNELS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<WsConnection> FRAME_HANDLERS = new WeakIdentityMap<>();

    /** RFC 6455 close codes Undertow reports as they are when it closes locally (1009, 1008). */
    private static final int TOO_BIG = 1009;

    private static final int VIOLATED_POLICY = 1008;
    /** The close code Undertow gives the endpoint when the close frame carried none. */
    private static final int NO_STATUS_CODE = 1005;

    private UndertowHooks() {}

    /**
     * A server {@code UndertowSession} was made for an accepted upgrade: {@code path} is its endpoint's template.
     * Frameworks that register each upgrade under its raw path (Spring: its own endpoint class) get the template
     * they published for this thread, or none.
     */
    public static void serverSession(Object channel, Object frameHandler, String path, String endpointClass) {
        String route = endpointClass != null && endpointClass.startsWith("org.springframework.")
                ? ServerRoutes.current()
                : path;
        WsConnection connection = WsConnection.accepted(LIBRARY, ServerRoutes.clean(route));
        CHANNELS.put(channel, connection);
        if (frameHandler != null) {
            FRAME_HANDLERS.put(frameHandler, connection);
        }
        connection.opened();
    }

    /**
     * The session ended: the close code Undertow hands the endpoint's {@code onClose}, worked out as Undertow
     * does it: the peer's close frame's code when it sent one, else the code the application closed with, and
     * 1006 when the container closed it without either (the peer vanished).
     */
    public static void sessionClosed(
            Object channel,
            int channelCloseCode,
            boolean closedByPeer,
            boolean localClose,
            int requestedCode,
            Object frameHandler) {
        WsConnection connection = CHANNELS.remove(channel);
        if (frameHandler != null) {
            FRAME_HANDLERS.remove(frameHandler);
        }
        if (connection == null) {
            return;
        }
        int code = channelCloseCode != -1 ? channelCloseCode : requestedCode;
        if (!closedByPeer && !localClose && code != TOO_BIG && code != VIOLATED_POLICY) {
            code = WsConnection.ABNORMAL_CLOSURE;
        }
        connection.closed(code == -1 ? NO_STATUS_CODE : code);
    }

    /** A frame header was parsed on {@code channel}. */
    public static void frameReceived(Object channel, int opcode, long payloadLength, boolean fin) {
        WsConnection connection = CHANNELS.get(channel);
        if (connection != null) {
            connection.received().part(WsConnection.typeOfOpcode(opcode), payloadLength, fin);
        }
    }

    /**
     * The header of a frame about to be written on {@code channel}: byte 0 holds FIN and the opcode, then the
     * RFC 6455 payload length (7 bits, or 126 + 16 bits, or 127 + 64 bits). Absolute reads, nothing allocated.
     */
    public static void frameSent(Object channel, ByteBuffer header) {
        if (header == null || header.limit() < 2) {
            return;
        }
        WsConnection connection = CHANNELS.get(channel);
        if (connection == null) {
            return;
        }
        int b0 = header.get(0);
        int len = header.get(1) & 0x7F;
        long payload;
        if (len <= 125) {
            payload = len;
        } else if (len == 126) {
            payload = header.getShort(2) & 0xFFFF;
        } else {
            payload = header.getLong(2);
        }
        connection.sent().part(WsConnection.typeOfOpcode(b0 & 0x0F), payload, (b0 & 0x80) != 0);
    }

    /** The JSR frame handler is about to call the application's handler for one message (or part). */
    public static long handlingStarts(Object frameHandler) {
        return HandlerErrors.start(FRAME_HANDLERS.get(frameHandler));
    }

    /** Undertow (or its annotated endpoint) caught what the handler threw, on the handler's thread. */
    public static void handlerThrew(Throwable thrown) {
        HandlerErrors.caught(thrown);
    }

    public static void handled(int type, long start) {
        HandlerErrors.finish(type, start, null);
    }

    /**
     * {@code JsrWebSocketFilter} answered an upgrade request without upgrading it, with {@code status}: a refusal
     * from 400 on, under the template the path matched ({@code ""} for none; a refused origin makes Undertow hand
     * the request to the servlets, whose answer is what the client gets).
     */
    public static void upgradeNotDone(int status, String template) {
        if (status >= 400) {
            WsConnection.upgradeRejected(LIBRARY, ServerRoutes.clean(template), status);
        }
    }
}
