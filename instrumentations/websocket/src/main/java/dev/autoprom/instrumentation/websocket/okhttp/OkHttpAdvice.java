package dev.autoprom.instrumentation.websocket.okhttp;

import net.bytebuddy.asm.Advice;
import okhttp3.Request;
import okhttp3.WebSocketListener;
import okio.ByteString;

/** Advice for {@code okhttp3.OkHttpClient} and {@code okhttp3.internal.ws.RealWebSocket}. */
final class OkHttpAdvice {

    private OkHttpAdvice() {}

    /** {@code OkHttpClient.newWebSocket(Request, WebSocketListener)}: the listener is wrapped. */
    static final class NewWebSocket {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.Argument(0) Request request,
                @Advice.Argument(value = 1, readOnly = false) WebSocketListener listener) {
            listener = (WebSocketListener) OkHttpHooks.wrapListener(
                    WebSocketListener.class, listener, request.url().host());
        }
    }

    /** {@code RealWebSocket.send(String)}: counted when OkHttp accepted the message. */
    static final class SendText {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.FieldValue("listener") Object listener,
                @Advice.Argument(0) String text,
                @Advice.Return boolean accepted) {
            OkHttpHooks.sentText(listener, accepted, text);
        }
    }

    /** {@code RealWebSocket.send(ByteString)}. */
    static final class SendBinary {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.FieldValue("listener") Object listener,
                @Advice.Argument(0) ByteString bytes,
                @Advice.Return boolean accepted) {
            OkHttpHooks.sentBinary(listener, accepted, bytes.size());
        }
    }

    /** {@code RealWebSocket.onReadPing(ByteString)}: a ping from the server (OkHttp answers it itself). */
    static final class ReadPing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("listener") Object listener, @Advice.Argument(0) ByteString payload) {
            OkHttpHooks.receivedControl(listener, true, payload.size());
        }
    }

    /** {@code RealWebSocket.onReadPong(ByteString)}. */
    static final class ReadPong {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("listener") Object listener, @Advice.Argument(0) ByteString payload) {
            OkHttpHooks.receivedControl(listener, false, payload.size());
        }
    }
}
