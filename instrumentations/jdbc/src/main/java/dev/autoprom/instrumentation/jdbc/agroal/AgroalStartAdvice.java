package dev.autoprom.instrumentation.jdbc.agroal;

import dev.autoprom.instrumentation.jdbc.pool.PoolLifecycle;
import net.bytebuddy.asm.Advice;

/** {@code ConnectionPool.init()} returned: the pool is started. */
public final class AgroalStartAdvice {

    private AgroalStartAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
        PoolLifecycle.started(pool, "dev.autoprom.instrumentation.jdbc.agroal.bridge.AgroalPoolBridge");
    }
}
