package dev.autoprom.instrumentation.jdbc.pool;

import net.bytebuddy.asm.Advice;

/** close() of a connection a pool handed out (or of the pool's own pooled-connection object): use time. */
public final class ConnectionCloseAdvice {

    private ConnectionCloseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object connection) {
        PoolHooks.connectionClosed(connection);
    }
}
