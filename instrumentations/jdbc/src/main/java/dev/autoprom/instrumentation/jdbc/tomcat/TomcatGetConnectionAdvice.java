package dev.autoprom.instrumentation.jdbc.tomcat;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code ConnectionPool.getConnection(...)}: wait time and timeouts (the borrow is tracked by TomcatBorrowAdvice). */
public final class TomcatGetConnectionAdvice {

    private TomcatGetConnectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool, @Advice.Enter long start, @Advice.Thrown Throwable error) {
        PoolHooks.getConnectionExit(pool, start, null, error);
    }
}
