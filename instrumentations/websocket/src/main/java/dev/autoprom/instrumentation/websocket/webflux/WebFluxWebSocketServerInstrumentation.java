package dev.autoprom.instrumentation.websocket.webflux;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Spring WebFlux {@code WebSocketHandler}s on Reactor Netty ({@code websocket_library="webflux"}, {@code http_route}:
 * the pattern of the handler mapping, {@code /chat/{room}}). Messages are counted where WebFlux converts Netty
 * frames to {@code WebSocketMessage}s and back (what the application's {@code Flux} receives and sends, whole:
 * WebFlux aggregates fragments); the close code, the handler's failure and the end come from Reactor Netty's
 * WebSocket operations; an upgrade request answered with 400 or more is a refusal. No handling time: the
 * application handles a {@code Flux}, not a call per message (see the README).
 */
public final class WebFluxWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.webflux.WebFluxWebSocketAdvice$";
    private static final String SOCKET = "org.springframework.web.reactive.socket.";
    static final String ADAPTER = SOCKET + "server.support.WebSocketHandlerAdapter";
    static final String SESSION = SOCKET + "adapter.ReactorNettyWebSocketSession";
    static final String SESSION_SUPPORT = SOCKET + "adapter.NettyWebSocketSessionSupport";
    private static final String NETTY = "reactor.netty.";
    static final String WS_OPERATIONS = NETTY + "http.server.WebsocketServerOperations";
    static final String WS_SUBSCRIBER = NETTY + "http.server.HttpServerOperations$WebsocketSubscriber";
    static final String CHANNEL_OPERATIONS = NETTY + "channel.ChannelOperations";
    static final String HTTP_OPERATIONS = NETTY + "http.HttpOperations";
    static final String OPERATORS = "reactor.core.publisher.Operators";
    private static final String CLOSE_FRAME = "io.netty.handler.codec.http.websocketx.CloseWebSocketFrame";

    public WebFluxWebSocketServerInstrumentation() {
        super(
                "websocket",
                "webflux-websocket-server",
                Targets.named(
                        ADAPTER,
                        SESSION,
                        SESSION_SUPPORT,
                        WS_OPERATIONS,
                        WS_SUBSCRIBER,
                        CHANNEL_OPERATIONS,
                        HTTP_OPERATIONS,
                        OPERATORS));
    }

    /** Both halves: WebFlux's Reactor Netty session and Reactor Netty's WebSocket server (a client alone is not). */
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return ElementMatchers.<ClassLoader>any()
                .and(LoaderHasClass.anyOf(SESSION))
                .and(LoaderHasClass.anyOf(WS_OPERATIONS));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        ADAPTER,
                        named("handle")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("org.springframework.web.server.ServerWebExchange"))),
                        ADVICE + "Upgrading")
                .advise(
                        SESSION,
                        isConstructor()
                                .and(takesArguments(5))
                                .and(takesArgument(0, named("reactor.netty.http.websocket.WebsocketInbound"))),
                        ADVICE + "SessionCreated")
                .advise(SESSION_SUPPORT, named("toMessage").and(takesArguments(1)), ADVICE + "Received")
                .advise(SESSION_SUPPORT, named("toFrame").and(takesArguments(1)), ADVICE + "Sent")
                .advise(WS_OPERATIONS, named("onInboundNext").and(takesArguments(2)), ADVICE + "InboundFrame")
                .advise(
                        WS_OPERATIONS,
                        named("sendCloseNow")
                                .and(takesArguments(3))
                                .and(takesArgument(0, named(CLOSE_FRAME)))
                                .and(takesArgument(
                                        1, named("io.netty.handler.codec.http.websocketx.WebSocketCloseStatus"))),
                        ADVICE + "SendCloseNow")
                .advise(
                        WS_OPERATIONS,
                        named("sendClose").and(takesArguments(1)).and(takesArgument(0, named(CLOSE_FRAME))),
                        ADVICE + "SendClose")
                .advise(
                        WS_SUBSCRIBER,
                        named("onError").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                        ADVICE + "HandlerFailed")
                .advise(CHANNEL_OPERATIONS, named("terminate").and(takesArguments(0)), ADVICE + "Terminated")
                .advise(
                        OPERATORS,
                        named("onOperatorError").and(takesArguments(4)).and(takesArgument(1, Throwable.class)),
                        ADVICE + "OperatorError")
                // the two ways a response's headers leave (each true once, from the same state)
                .advise(HTTP_OPERATIONS, named("markSentHeaders").and(takesArguments(1)), ADVICE + "HeadersSent")
                .advise(HTTP_OPERATIONS, named("markSentHeaderAndBody").and(takesArguments(1)), ADVICE + "HeadersSent");
    }
}
