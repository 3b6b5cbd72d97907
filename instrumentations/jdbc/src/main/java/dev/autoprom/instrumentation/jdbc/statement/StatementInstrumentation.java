package dev.autoprom.instrumentation.jdbc.statement;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.SuperTypeMatcher;
import dev.autoprom.api.Targets;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Statement executions of any JDBC driver (and of any other wrapper around it, recorded once), plus the
 * connection methods that create statements, where the prepared SQL and the connection are seen.
 */
public final class StatementInstrumentation extends LibraryInstrumentation {

    private static final String STATEMENT = "java.sql.Statement";
    private static final String CONNECTION = "java.sql.Connection";
    /** Shared so that the hierarchy answers for base types are remembered across classes. */
    private static final SuperTypeMatcher STATEMENT_TYPES = SuperTypeMatcher.anyOf(STATEMENT);

    private static final SuperTypeMatcher CONNECTION_TYPES = SuperTypeMatcher.anyOf(CONNECTION);
    /**
     * The statement and connection wrappers of the pools the JDBC family knows. They always delegate to the
     * driver's objects, which are instrumented and record the same operation; instrumenting both layers only
     * doubled the classes rewritten at start-up (six for HikariCP alone) and the advice run per execute.
     * Wrappers of other libraries (P6Spy, datasource-proxy, an application's own) are instrumented and the
     * outermost records.
     */
    private static final String[] POOL_WRAPPERS = {
        "com.zaxxer.hikari.pool.", "org.apache.commons.dbcp2.", "com.mchange.v2.c3p0.impl.", "io.agroal.pool.wrapper.",
    };
    /** Advice classes by name: loading them here would make the bootstrap loader resolve java.sql types. */
    private static final String ADVICE = "dev.autoprom.instrumentation.jdbc.statement.";

    private static ElementMatcher.Junction<TypeDescription> poolWrapper() {
        ElementMatcher.Junction<TypeDescription> wrapper = none();
        for (String prefix : POOL_WRAPPERS) {
            wrapper = wrapper.or(nameStartsWith(prefix));
        }
        return wrapper;
    }

    // SuperTypeMatcher remembers the answers for base types (start-up cost); a pool's own wrappers are left
    // to the driver objects they delegate to
    public StatementInstrumentation() {
        super(
                "jdbc",
                "jdbc-statement",
                Targets.subtypesOf(STATEMENT, CONNECTION)
                        .declaring(
                                "execute",
                                "executeQuery",
                                "executeUpdate",
                                "executeLargeUpdate",
                                "executeBatch",
                                "executeLargeBatch",
                                "prepareStatement",
                                "prepareCall",
                                "createStatement")
                        .and(not(poolWrapper())));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        // cheapest first: the name rejects almost every method before the declaring type's hierarchy is asked
        ElementMatcher.Junction<MethodDescription> executeNames =
                namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
        ElementMatcher.Junction<MethodDescription> ofStatement =
                isPublic().and(not(isAbstract())).and(isDeclaredBy(STATEMENT_TYPES));
        ElementMatcher.Junction<MethodDescription> ofConnection =
                isPublic().and(not(isAbstract())).and(isDeclaredBy(CONNECTION_TYPES));

        target.advise(
                        executeNames
                                .and(takesArgument(0, String.class))
                                .and(takesArguments(1).or(takesArguments(2)))
                                .and(ofStatement),
                        ADVICE + "ExecuteSqlAdvice")
                .advise(executeNames.and(takesArguments(0)).and(ofStatement), ADVICE + "ExecuteAdvice")
                .advise(
                        namedOneOf("executeBatch", "executeLargeBatch")
                                .and(takesArguments(0))
                                .and(ofStatement),
                        ADVICE + "ExecuteBatchAdvice")
                .advise(
                        namedOneOf("prepareStatement", "prepareCall")
                                .and(takesArgument(0, String.class))
                                .and(ofConnection),
                        ADVICE + "PrepareAdvice")
                .advise(named("createStatement").and(ofConnection), ADVICE + "CreateStatementAdvice")
                // on the statement classes the names above select (a driver's statements declare execute*):
                // "close" is not a candidate name of its own, it would send every Closeable to the matchers
                .advise(named("close").and(takesArguments(0)).and(ofStatement), ADVICE + "CloseAdvice");
    }
}
