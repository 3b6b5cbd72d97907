package dev.autoprom.instrumentation.jdbc.pool;

import net.bytebuddy.asm.Advice;

/** A pool's getConnection whose returned connection's close() is instrumented (DBCP2, Agroal). */
public final class GetConnectionAdvice {

    private GetConnectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.This Object pool,
            @Advice.Enter long start,
            @Advice.Return(readOnly = true) Object connection,
            @Advice.Thrown Throwable error) {
        PoolHooks.getConnectionExit(pool, start, connection, error);
    }
}
