package dev.autoprom.instrumentation.websocket.jetty;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;

/** Advice for Jetty 12's WebSocket core (client side). */
final class JettyAdvice {

    private JettyAdvice() {}

    /** {@code WebSocketCoreClient.connect(CoreClientUpgradeRequest)}: a handshake starts. */
    static final class Connect {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) CoreClientUpgradeRequest request) {
            JettyHooks.connecting(request, request.getClass().getName(), request.getURI());
        }
    }

    /** {@code CoreClientUpgradeRequest.upgrade(Response, EndPoint)}: the 101 arrived; the session is made here. */
    static final class Upgrade {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object request) {
            JettyHooks.upgradeStarts(request);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object request) {
            JettyHooks.upgradeEnds(request);
        }
    }

    /** {@code CoreClientUpgradeRequest.handleException(Throwable)}: the handshake failed. */
    static final class HandleException {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object request, @Advice.Argument(0) Throwable failure) {
            JettyHooks.connectFailed(
                    request,
                    failure,
                    failure instanceof UpgradeException,
                    failure instanceof UpgradeException ? ((UpgradeException) failure).getResponseStatusCode() : 0);
        }
    }

    /** {@code new WebSocketCoreSession(...)}: tied to the client upgrade running on this thread, if any. */
    static final class NewSession {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object session) {
            JettyHooks.sessionCreated(session);
        }
    }

    /** {@code WebSocketCoreSession.onOpen()}. */
    static final class Open {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object session) {
            JettyHooks.opened(session);
        }
    }

    /** {@code WebSocketCoreSession.closeConnection(CloseStatus, Callback)}: the one place every end goes. */
    static final class CloseConnection {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object session, @Advice.Argument(0) CloseStatus status) {
            JettyHooks.closed(session, status == null ? CloseStatus.NO_CODE : status.getCode());
        }
    }

    /** {@code WebSocketCoreSession.processConnectionError(Throwable, Callback)}. */
    static final class ConnectionError {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object session, @Advice.Argument(0) Throwable error) {
            JettyHooks.error(session, error);
        }
    }

    /** {@code WebSocketCoreSession.sendFrame(OutgoingEntry)}: each frame the application sends. */
    static final class SendFrame {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This WebSocketCoreSession session, @Advice.Argument(0) OutgoingEntry entry) {
            Frame frame = entry.getFrame();
            JettyHooks.frameSent(
                    session, session.isOutputOpen(), frame.getOpCode(), frame.getPayloadLength(), frame.isFin());
        }
    }

    /**
     * {@code WebSocketCoreSession.IncomingAdaptor.onFrame(Frame, Callback)}: each frame received. The
     * application's handler runs inside, on this thread, when the frame ends a message: that call is its
     * handling time.
     */
    static final class ReceiveFrame {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("this$0") Object session, @Advice.Argument(0) Frame frame) {
            return JettyHooks.frameReceived(session, frame.getOpCode(), frame.getPayloadLength(), frame.isFin());
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.FieldValue("this$0") Object session, @Advice.Enter long start) {
            if (start != 0L) {
                JettyHooks.handled(session, start);
            }
        }
    }

    /** {@code WebSocketCoreSession.processHandlerError(Throwable, Callback)}: the handler failed the frame. */
    static final class HandlerError {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable thrown) {
            JettyHooks.handlerThrew(thrown);
        }
    }

    /**
     * {@code AbstractHandshaker.newWebSocketCoreSession(Request, FrameHandler, Negotiated, Components)}: a server
     * upgrade was accepted; the mapping that matched it left its path spec on the request.
     */
    static final class NewServerSession {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Return Object session,
                @Advice.Argument(0) Request request,
                @Advice.Argument(1) Object frameHandler) {
            Object spec = request.getAttribute(PathSpec.class.getName());
            JettyHooks.serverSessionCreated(
                    session,
                    frameHandler.getClass().getName(),
                    spec instanceof PathSpec ? ((PathSpec) spec).getDeclaration() : null);
        }
    }

    /**
     * {@code WebSocketMappings.upgrade(Request, Response, Callback, Customizer)}: false when no mapping matched
     * (the request goes on, to a 404 unless another handler takes it); true with an error status when the
     * creator or configurator refused it.
     */
    static final class MappingsUpgrade {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Return boolean handled,
                @Advice.Argument(0) Request request,
                @Advice.Argument(1) Response response) {
            Object spec = request.getAttribute(PathSpec.class.getName());
            JettyHooks.upgradeAnswered(
                    handled,
                    "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE)),
                    response.getStatus(),
                    spec instanceof PathSpec ? ((PathSpec) spec).getDeclaration() : null);
        }
    }
}
