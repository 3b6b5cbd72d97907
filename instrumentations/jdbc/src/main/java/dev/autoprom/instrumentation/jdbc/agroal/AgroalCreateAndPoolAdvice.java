package dev.autoprom.instrumentation.jdbc.agroal;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/**
 * Agroal 3.2: {@code ConnectionPool.createAndPoolConnection()} (which replaced the {@code CreateConnectionTask}
 * of 2.x and 3.0) opened a physical connection for this pool. Failures are not creations: exit on return only.
 */
public final class AgroalCreateAndPoolAdvice {

    private AgroalCreateAndPoolAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool, @Advice.Enter long start) {
        PoolHooks.connectionCreated(pool, System.nanoTime() - start);
    }
}
