package dev.autoprom.instrumentation.jdbc.tomcat;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code ConnectionPool.init(...)} returned: the pool is started (its properties are set by init). */
public final class TomcatStartAdvice {

    private TomcatStartAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
        PoolHooks.started(pool, TomcatJdbcInstrumentation.POOL_REGISTRAR);
    }
}
