package dev.autoprom.instrumentation.http.netty.bridge;

/**
 * Puts a {@link ServerMetricsHandler} for one HTTP/2 stream right after the server-side
 * {@code Http2StreamFrameToHttpObjectCodec} that was just added to the stream's child channel.
 */
public final class StreamMetricsHandlerInstaller extends MetricsHandlerInstaller {

    public StreamMetricsHandlerInstaller() {
        super(true);
    }
}
