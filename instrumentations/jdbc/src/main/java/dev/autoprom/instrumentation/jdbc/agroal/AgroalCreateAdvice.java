package dev.autoprom.instrumentation.jdbc.agroal;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** The pool's CreateConnectionTask.call(): a physical connection was created for its pool ({@code this$0}). */
public final class AgroalCreateAdvice {

    private AgroalCreateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("this$0") Object pool, @Advice.Enter long start) {
        PoolHooks.connectionCreated(pool, System.nanoTime() - start);
    }
}
