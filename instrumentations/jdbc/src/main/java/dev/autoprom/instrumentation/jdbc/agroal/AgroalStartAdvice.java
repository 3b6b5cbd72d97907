package dev.autoprom.instrumentation.jdbc.agroal;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code ConnectionPool.init()} returned: the pool is started. */
public final class AgroalStartAdvice {

    private AgroalStartAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
        PoolHooks.started(pool, AgroalInstrumentation.POOL_REGISTRAR);
    }
}
