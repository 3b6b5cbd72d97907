package dev.autoprom.instrumentation.http.netty.bridge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import java.util.function.Consumer;

/** Puts a {@link ServerMetricsHandler} right after an {@code HttpServerCodec} that was just added to a pipeline. */
public class MetricsHandlerInstaller implements Consumer<Object> {

    private final boolean stream;

    public MetricsHandlerInstaller() {
        this(false);
    }

    /** @param stream true for the codec of an HTTP/2 stream's child channel ({@link StreamMetricsHandlerInstaller}) */
    MetricsHandlerInstaller(boolean stream) {
        this.stream = stream;
    }

    @Override
    public final void accept(Object value) {
        if (!(value instanceof ChannelHandlerContext)) {
            return;
        }
        ChannelHandlerContext codec = (ChannelHandlerContext) value;
        ChannelPipeline pipeline = codec.pipeline();
        if (codec.isRemoved() || pipeline.get(ServerMetricsHandler.NAME) != null) {
            // a second codec in one pipeline (an application's own doing), or a stream codec in an HTTP/1.x
            // pipeline already timed by the HttpServerCodec's handler: its requests are seen once
            return;
        }
        pipeline.addAfter(codec.name(), ServerMetricsHandler.NAME, new ServerMetricsHandler(stream));
    }
}
