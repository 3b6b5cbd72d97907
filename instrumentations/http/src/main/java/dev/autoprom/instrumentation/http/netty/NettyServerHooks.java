package dev.autoprom.instrumentation.http.netty;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import java.util.function.Consumer;

/**
 * Hands the context of each {@code HttpServerCodec} added to a pipeline, and of each server-side HTTP/2 stream
 * codec added to a stream's channel, to the bridge that puts the metrics handler after it. Runs once per connection
 * (or stream), never per request.
 */
public final class NettyServerHooks {

    static final String COMPONENT = "http.netty";
    static final String SERVER_CODEC = "io.netty.handler.codec.http.HttpServerCodec";

    /** Anchored on the codec's class: loaded next to netty-codec-http, which sees netty-transport. */
    private static final Bridge<Consumer<Object>> INSTALLER = Bridge.of(
            consumerOfObject(),
            "dev.autoprom.instrumentation.http.netty.bridge.MetricsHandlerInstaller",
            COMPONENT,
            context -> {});

    /** Anchored on the HTTP/2 stream codec's class: loaded next to netty-codec-http2. */
    private static final Bridge<Consumer<Object>> STREAM_INSTALLER = Bridge.of(
            consumerOfObject(),
            "dev.autoprom.instrumentation.http.netty.bridge.StreamMetricsHandlerInstaller",
            COMPONENT,
            context -> {});

    private NettyServerHooks() {}

    /** {@code handler} is any {@code CombinedChannelDuplexHandler}; only the server codec (a final class) is taken. */
    public static void handlerAdded(Object handler, Object context) {
        try {
            Class<?> type = handler.getClass();
            if (type.getName().equals(SERVER_CODEC)) {
                INSTALLER.get(type).accept(context);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * A server-side {@code Http2StreamFrameToHttpObjectCodec} (or a subclass) joined a pipeline, usually an HTTP/2
     * stream's child channel: once per stream, never per message.
     */
    public static void streamCodecAdded(Object codec, Object context) {
        try {
            STREAM_INSTALLER.get(codec.getClass()).accept(context);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Consumer<Object>> consumerOfObject() {
        return (Class<Consumer<Object>>) (Class<?>) Consumer.class;
    }
}
