package dev.autoprom.instrumentation.jdbc.statement;

import java.sql.SQLException;
import net.bytebuddy.asm.Advice;

/** {@code execute/executeQuery/executeUpdate/executeLargeUpdate(String sql, ...)}: the SQL comes with the call. */
public final class ExecuteSqlAdvice {

    private ExecuteSqlAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
        return StatementHooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.This Object statement,
            @Advice.Argument(0) String sql,
            @Advice.Enter long start,
            @Advice.Thrown Throwable error) {
        StatementHooks.exit(
                statement,
                sql,
                false,
                start,
                error,
                error instanceof SQLException ? ((SQLException) error).getSQLState() : null);
    }
}
