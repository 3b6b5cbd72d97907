package dev.autoprom.instrumentation.jdbc.hikari;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code new HikariPool(config)} returned: the pool is started. */
public final class PoolStartAdvice {

    private PoolStartAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
        PoolHooks.started(pool, HikariInstrumentation.POOL_REGISTRAR);
    }
}
