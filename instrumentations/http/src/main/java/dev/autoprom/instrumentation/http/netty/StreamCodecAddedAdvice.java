package dev.autoprom.instrumentation.http.netty;

import net.bytebuddy.asm.Advice;

/**
 * After {@code Http2StreamFrameToHttpObjectCodec.handlerAdded(ctx)}: a server-side codec (its {@code isServer}
 * field; Reactor Netty's client uses the same class) gets a metrics handler for its stream. One codec instance may
 * be shared by every stream (Reactor Netty's is): the context is the stream's.
 */
public final class StreamCodecAddedAdvice {

    private StreamCodecAddedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
            @Advice.This Object codec,
            @Advice.Argument(0) Object context,
            @Advice.FieldValue("isServer") boolean isServer) {
        if (isServer) {
            NettyServerHooks.streamCodecAdded(codec, context);
        }
    }
}
