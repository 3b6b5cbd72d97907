package dev.autoprom.instrumentation.jdbc.c3p0;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** c3p0 getConnection: registers the pool on first use (c3p0 starts it lazily), then wait, timeouts, borrow. */
public final class C3p0GetConnectionAdvice {

    private C3p0GetConnectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.This Object dataSource) {
        PoolHooks.started(dataSource, C3p0Instrumentation.POOL_REGISTRAR);
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.This Object dataSource,
            @Advice.Enter long start,
            @Advice.Return(readOnly = true) Object connection,
            @Advice.Thrown Throwable error) {
        PoolHooks.getConnectionExit(dataSource, start, connection, error);
    }
}
