package dev.autoprom.instrumentation.jdbc.dbcp2;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code PoolableConnectionFactory.makeObject()}: a physical connection was created. */
public final class Dbcp2CreateAdvice {

    private Dbcp2CreateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object factory, @Advice.Enter long start) {
        PoolHooks.connectionCreated(factory, System.nanoTime() - start);
    }
}
