package dev.autoprom.instrumentation.jdbc.c3p0;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/**
 * A c3p0 pool's {@code acquireResource()}: a physical connection was opened for the data source whose
 * {@code ConnectionPoolDataSource} ({@code val$cpds}) it came from. That object, unlike c3p0's pool objects,
 * survives a reset of the pool manager (c3p0 resets it whenever a property of a running data source is set,
 * by the application or through c3p0's JMX bean), so create time keeps being recorded afterwards.
 */
public final class C3p0CreateAdvice {

    private C3p0CreateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("val$cpds") Object connectionPoolDataSource, @Advice.Enter long start) {
        PoolHooks.connectionCreated(connectionPoolDataSource, System.nanoTime() - start);
    }
}
