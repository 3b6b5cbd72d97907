package dev.autoprom.instrumentation.websocket.tomcat;

import jakarta.websocket.CloseReason;
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
}
