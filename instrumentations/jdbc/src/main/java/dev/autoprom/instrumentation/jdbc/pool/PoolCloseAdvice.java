package dev.autoprom.instrumentation.jdbc.pool;

import net.bytebuddy.asm.Advice;

/** A pool's close(): its series disappear. */
public final class PoolCloseAdvice {

    private PoolCloseAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
        PoolHooks.closed(pool);
    }
}
