package dev.autoprom.instrumentation.jdbc.statement;

import java.sql.SQLException;
import net.bytebuddy.asm.Advice;

/** {@code execute/executeQuery/executeUpdate/executeLargeUpdate()} of a prepared or callable statement. */
public final class ExecuteAdvice {

    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return StatementHooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object statement, @Advice.Enter long start, @Advice.Thrown Throwable error) {
        StatementHooks.exit(
                statement,
                null,
                false,
                start,
                error,
                error instanceof SQLException ? ((SQLException) error).getSQLState() : null);
    }
}
