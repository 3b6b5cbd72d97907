package dev.autoprom.instrumentation.jdbc.hikari;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code HikariPool.shutdown()}: the pool's series disappear. */
public final class PoolShutdownAdvice {

    private PoolShutdownAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
        PoolHooks.closed(pool);
    }
}
