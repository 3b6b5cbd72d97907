package dev.autoprom.instrumentation.http.netty;

import net.bytebuddy.asm.Advice;

/** After {@code CombinedChannelDuplexHandler.handlerAdded(ctx)}: an {@code HttpServerCodec} gets its metrics handler. */
public final class HandlerAddedAdvice {

    private HandlerAddedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object handler, @Advice.Argument(0) Object context) {
        NettyServerHooks.handlerAdded(handler, context);
    }
}
