package dev.autoprom.instrumentation.jdbc.c3p0;

import dev.autoprom.instrumentation.jdbc.pool.PoolLifecycle;
import net.bytebuddy.asm.Advice;

/** A c3p0 pool's {@code acquireResource()}: a physical connection was opened for its pool ({@code this$0}). */
public final class C3p0CreateAdvice {

    private C3p0CreateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("this$0") Object pool, @Advice.Enter long start) {
        PoolLifecycle.connectionCreated(pool, System.nanoTime() - start);
    }
}
