package dev.autoprom.instrumentation.genai.googlegenai;

import dev.autoprom.instrumentation.genai.StreamRegistry;
import net.bytebuddy.asm.Advice;

/** {@code ResponseStream.close()}: a tracked stream closed early ends its operation. */
public final class ResponseStreamCloseAdvice {

    private ResponseStreamCloseAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object stream) {
        StreamRegistry.closed(stream);
    }
}
