package dev.autoprom.instrumentation.genai.googlegenai;

import dev.autoprom.instrumentation.genai.StreamRegistry;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code ResponseStream.iterator()} of a tracked stream returns the same iterator, followed. */
public final class ResponseStreamIteratorAdvice {

    private ResponseStreamIteratorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
            @Advice.This Object stream,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object iterator) {
        iterator = StreamRegistry.iterator(stream, iterator);
    }
}
