package dev.autoprom.instrumentation.jdbc.tomcat;

import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import net.bytebuddy.asm.Advice;

/** {@code ConnectionPool.returnConnection(pooled)}: its use ends. */
public final class TomcatReturnAdvice {

    private TomcatReturnAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object pooledConnection) {
        PoolHooks.connectionClosed(pooledConnection);
    }
}
