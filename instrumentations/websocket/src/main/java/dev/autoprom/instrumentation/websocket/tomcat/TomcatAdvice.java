package dev.autoprom.instrumentation.websocket.tomcat;

import dev.autoprom.instrumentation.websocket.WsConnection;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Set;
import net.bytebuddy.asm.Advice;

/** Advice for Tomcat's WebSocket client. */
final class TomcatAdvice {

    private TomcatAdvice() {}

    /** {@code WsWebSocketContainer.connectToServerRecursive(holder, config, uri, redirects)}: the handshake. */
    static final class Connect {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Argument(2) URI uri, @Advice.Argument(3) Set<URI> redirects) {
            return TomcatHooks.connecting(uri, redirects);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object connection, @Advice.Thrown Throwable thrown) {
            TomcatHooks.connectDone(connection, thrown);
        }
    }

    /** The client {@code WsSession} constructor: the upgrade succeeded. */
    static final class NewClientSession {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object session) {
            TomcatHooks.sessionCreated(session);
        }
    }

    /** {@code WsSession.fireEndpointOnClose(CloseReason)}: every end, 1006 included. */
    static final class Closed {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object session, @Advice.Argument(0) CloseReason reason) {
            TomcatHooks.closed(session, reason.getCloseCode().getCode());
        }
    }

    /**
     * {@code WsRemoteEndpointImplBase.startMessage(opCode, payload, last, handler, timeout)} and
     * {@code sendMessageBlockInternal(opCode, payload, last, timeout)}: a part sent.
     */
    static final class SendPart {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.FieldValue("wsSession") Object session,
                @Advice.Argument(0) byte opCode,
                @Advice.Argument(1) ByteBuffer payload,
                @Advice.Argument(2) boolean last) {
            TomcatHooks.partSent(session, opCode, payload, last);
        }
    }

    /** {@code WsFrameBase.processRemainingHeader()}: true once a frame's header is read. */
    static final class FrameHeader {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Return boolean complete,
                @Advice.FieldValue("wsSession") Object session,
                @Advice.FieldValue("opCode") byte opCode,
                @Advice.FieldValue("payloadLength") long length,
                @Advice.FieldValue("fin") boolean fin) {
            if (complete) {
                TomcatHooks.frameReceived(session, opCode, length, fin);
            }
        }
    }

    /**
     * {@code WsFrameBase.sendMessageText(boolean)}: Tomcat hands one text message (or one part, to a partial
     * handler) to the application's handler, client or server.
     */
    static final class HandleText {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("wsSession") Object session) {
            return TomcatHooks.handlingStarts(session);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            TomcatHooks.handled(WsConnection.TEXT, start);
        }
    }

    /** {@code WsFrameBase.sendMessageBinary(ByteBuffer, boolean)}: as {@link HandleText}, for binary. */
    static final class HandleBinary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("wsSession") Object session) {
            return TomcatHooks.handlingStarts(session);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            TomcatHooks.handled(WsConnection.BINARY, start);
        }
    }

    /** {@code WsFrameBase.handleThrowableOnSend(Throwable)}: Tomcat caught what the handler threw. */
    static final class HandlerThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable thrown) {
            TomcatHooks.handlerThrew(thrown);
        }
    }

    /**
     * {@code PojoMessageHandlerBase.handlePojoMethodInvocationTargetException} (Tomcat 11) and
     * {@code handlePojoMethodException} (10.1): an annotated {@code @OnMessage} method threw, and Tomcat hands
     * the failure to {@code @OnError} instead of letting it reach {@code sendMessageText}.
     */
    static final class PojoThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable thrown) {
            TomcatHooks.handlerThrew(thrown);
        }
    }

    /** The server {@code WsSession} constructor: an upgrade was accepted for this endpoint (its last argument). */
    static final class NewServerSession {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object session, @Advice.Argument(11) ServerEndpointConfig config) {
            TomcatHooks.serverSessionCreated(session, config.getPath(), config);
        }
    }

    /**
     * {@code new WsPerSessionServerEndpointConfig(ServerEndpointConfig)}: Tomcat wraps the endpoint's config for
     * each upgrade; the wrapped one tells whether a framework registered this upgrade under its raw path.
     */
    static final class PerSessionConfig {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object config, @Advice.Argument(0) ServerEndpointConfig original) {
            TomcatHooks.perSessionConfig(config, original.getClass().getName());
        }
    }

    /** {@code UpgradeUtil.doUpgrade(container, request, response, config, pathParams)}: refused with its status. */
    static final class DoUpgrade {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.Argument(2) HttpServletResponse response, @Advice.Argument(3) ServerEndpointConfig config) {
            TomcatHooks.upgradeAnswered(
                    response.getStatus(), config.getPath(), config.getClass().getName());
        }
    }

    /** {@code WsFilter.doFilter(request, response, chain)}: the response status once the chain returned. */
    static final class FilterDone {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Argument(1) Object response) {
            if (response instanceof HttpServletResponse) {
                TomcatHooks.filterDone(((HttpServletResponse) response).getStatus());
            }
        }
    }

    /** {@code WsServerContainer.findMapping(path)}: an upgrade request for a path no endpoint has. */
    static final class FindMapping {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return Object mapping) {
            if (mapping == null) {
                TomcatHooks.noEndpoint();
            }
        }
    }
}
