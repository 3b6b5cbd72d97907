package dev.autoprom.instrumentation.jdbc.statement;

import net.bytebuddy.asm.Advice;

/** {@code Connection.createStatement(...)}: remembers the new statement's connection. */
public final class CreateStatementAdvice {

    private CreateStatementAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
        StatementHooks.prepareEnter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object connection, @Advice.Return(readOnly = true) Object statement) {
        StatementHooks.prepareExit(connection, statement, null);
    }
}
