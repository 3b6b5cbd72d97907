package dev.autoprom.instrumentation.jdbc.tomcat;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code ConnectionPool.borrowConnection(...)} returned a pooled connection: its use starts. */
public final class TomcatBorrowAdvice {

    private TomcatBorrowAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool, @Advice.Return(readOnly = true) Object pooledConnection) {
        PoolHooks.borrowed(pool, pooledConnection);
    }
}
