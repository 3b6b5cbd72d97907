package dev.autoprom.instrumentation.jdbc.statement.bridge;

import java.sql.Statement;
import java.util.function.UnaryOperator;

/** The connection of a statement the agent did not see being created (created before the agent attached). */
public final class StatementConnection implements UnaryOperator<Object> {

    @Override
    public Object apply(Object statement) {
        try {
            return ((Statement) statement).getConnection();
        } catch (Exception e) {
            return null;
        }
    }
}
