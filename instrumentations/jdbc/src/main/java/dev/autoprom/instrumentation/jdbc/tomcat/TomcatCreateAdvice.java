package dev.autoprom.instrumentation.jdbc.tomcat;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code PooledConnection.connect()}: a physical connection was opened for its pool ({@code parent}). */
public final class TomcatCreateAdvice {

    private TomcatCreateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("parent") Object pool, @Advice.Enter long start) {
        PoolHooks.connectionCreated(pool, System.nanoTime() - start);
    }
}
