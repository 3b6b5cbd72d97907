package dev.autoprom.instrumentation.http.netty.bridge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import java.util.function.Consumer;

/**
 * Puts a {@link ServerMetricsHandler} for one HTTP/2 stream right after the server-side
 * {@code Http2StreamFrameToHttpObjectCodec} that was just added to the stream's child channel.
 */
public final class StreamMetricsHandlerInstaller implements Consumer<Object> {

    @Override
    public void accept(Object value) {
        if (!(value instanceof ChannelHandlerContext)) {
            return;
        }
        ChannelHandlerContext codec = (ChannelHandlerContext) value;
        ChannelPipeline pipeline = codec.pipeline();
        if (codec.isRemoved() || pipeline.get(ServerMetricsHandler.NAME) != null) {
            return; // the codec in an HTTP/1.x pipeline already timed by the HttpServerCodec's handler
        }
        pipeline.addAfter(codec.name(), ServerMetricsHandler.NAME, new ServerMetricsHandler(true));
    }
}
