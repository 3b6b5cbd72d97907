package dev.autoprom.instrumentation.jdbc.dbcp2;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code BasicDataSource.createDataSource()} returned: the pool exists (registered once). */
public final class Dbcp2StartAdvice {

    private Dbcp2StartAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object dataSource) {
        PoolHooks.started(dataSource, Dbcp2Instrumentation.POOL_REGISTRAR);
    }
}
