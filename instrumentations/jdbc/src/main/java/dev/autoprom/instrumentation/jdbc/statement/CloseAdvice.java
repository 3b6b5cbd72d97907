package dev.autoprom.instrumentation.jdbc.statement;

import net.bytebuddy.asm.Advice;

/** {@code Statement.close()}: frees the statement's slot in {@link RecentStatements}, so it never needs a weak-map entry. */
public final class CloseAdvice {

    private CloseAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object statement) {
        StatementHooks.closed(statement);
    }
}
