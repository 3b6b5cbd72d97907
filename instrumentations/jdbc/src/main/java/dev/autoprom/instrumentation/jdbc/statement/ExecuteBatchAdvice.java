package dev.autoprom.instrumentation.jdbc.statement;

import java.sql.SQLException;
import net.bytebuddy.asm.Advice;

/** {@code executeBatch()} / {@code executeLargeBatch()}: one observation per batch. */
public final class ExecuteBatchAdvice {

    private ExecuteBatchAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return StatementHooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object statement, @Advice.Enter long start, @Advice.Thrown Throwable error) {
        StatementHooks.exit(
                statement,
                null,
                true,
                start,
                error,
                error instanceof SQLException ? ((SQLException) error).getSQLState() : null);
    }
}
