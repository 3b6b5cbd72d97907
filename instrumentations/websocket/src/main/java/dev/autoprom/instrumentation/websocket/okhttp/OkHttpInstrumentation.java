package dev.autoprom.instrumentation.websocket.okhttp;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * OkHttp 4 and 5 WebSockets ({@code websocket_library="okhttp"}). {@code OkHttpClient.newWebSocket} gets the
 * application's {@code WebSocketListener} wrapped (open, received messages, close, failure);
 * {@code RealWebSocket.send} and its ping/pong frame callbacks report the rest, finding the connection through
 * that wrapper in the {@code listener} field. OkHttp reassembles fragmented messages before delivering them, so
 * each message is seen once, whole.
 */
public final class OkHttpInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.okhttp.OkHttpAdvice$";

    /** The classes this module instruments. */
    private static final String[] TYPES = {"okhttp3.OkHttpClient", "okhttp3.internal.ws.RealWebSocket"};

    public OkHttpInstrumentation() {
        super("websocket", "okhttp", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("newWebSocket")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("okhttp3.Request")))
                                .and(takesArgument(1, named("okhttp3.WebSocketListener"))),
                        ADVICE + "NewWebSocket")
                .advise(named("send").and(takesArguments(String.class)), ADVICE + "SendText")
                .advise(
                        named("send").and(takesArguments(1)).and(takesArgument(0, named("okio.ByteString"))),
                        ADVICE + "SendBinary")
                .advise(
                        named("onReadPing").and(takesArguments(1)).and(takesArgument(0, named("okio.ByteString"))),
                        ADVICE + "ReadPing")
                .advise(
                        named("onReadPong").and(takesArguments(1)).and(takesArgument(0, named("okio.ByteString"))),
                        ADVICE + "ReadPong");
    }
}
