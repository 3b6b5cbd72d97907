package dev.autoprom.instrumentation.jdbc.statement;

import net.bytebuddy.asm.Advice;

/** {@code Connection.prepareStatement/prepareCall(String sql, ...)}: the only moment a prepared SQL is seen. */
public final class PrepareAdvice {

    private PrepareAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
        StatementHooks.prepareEnter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.This Object connection,
            @Advice.Argument(0) String sql,
            @Advice.Return(readOnly = true) Object statement) {
        StatementHooks.prepareExit(connection, statement, sql);
    }
}
