package dev.autoprom.instrumentation.http.netty.bridge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import java.util.function.Consumer;

/** Puts a {@link ServerMetricsHandler} right after an {@code HttpServerCodec} that was just added to a pipeline. */
public final class MetricsHandlerInstaller implements Consumer<Object> {

    @Override
    public void accept(Object value) {
        if (!(value instanceof ChannelHandlerContext)) {
            return;
        }
        ChannelHandlerContext codec = (ChannelHandlerContext) value;
        ChannelPipeline pipeline = codec.pipeline();
        if (codec.isRemoved() || pipeline.get(ServerMetricsHandler.NAME) != null) {
            return; // a second codec in one pipeline (an application's own doing): its requests are seen once
        }
        pipeline.addAfter(codec.name(), ServerMetricsHandler.NAME, new ServerMetricsHandler());
    }
}
