package dev.autoprom.instrumentation.jdbc.statement;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.SuperTypeMatcher;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Statement executions of any JDBC driver (and of any pool's proxy statements, recorded once), plus the
 * connection methods that create statements, where the prepared SQL and the connection are seen.
 */
public final class StatementInstrumentation implements InstrumentationModule {

    private static final String STATEMENT = "java.sql.Statement";
    private static final String CONNECTION = "java.sql.Connection";
    /** Advice classes by name: loading them here would make the bootstrap loader resolve java.sql types. */
    private static final String ADVICE = "dev.autoprom.instrumentation.jdbc.statement.";

    @Override
    public String family() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "jdbc-statement";
    }

    @Override
    public ElementMatcher<? super TypeDescription> typeMatcher() {
        // SuperTypeMatcher remembers the answers for base types (start-up cost) and treats a class whose super
        // types cannot be resolved (an optional dependency missing) as not a statement
        return not(isInterface()).and(SuperTypeMatcher.anyOf(STATEMENT, CONNECTION));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        ElementMatcher.Junction<MethodDescription> statementMethod =
                isPublic().and(not(isAbstract())).and(isDeclaredBy(failSafe(hasSuperType(named(STATEMENT)))));
        ElementMatcher.Junction<MethodDescription> connectionMethod =
                isPublic().and(not(isAbstract())).and(isDeclaredBy(failSafe(hasSuperType(named(CONNECTION)))));
        ElementMatcher.Junction<MethodDescription> executeNames =
                namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

        target.advise(statementMethod.and(executeNames).and(takesArgument(0, String.class))
                        .and(takesArguments(1).or(takesArguments(2))),
                        ADVICE + "ExecuteSqlAdvice")
                .advise(statementMethod.and(executeNames).and(takesArguments(0)),
                        ADVICE + "ExecuteAdvice")
                .advise(statementMethod.and(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
                        ADVICE + "ExecuteBatchAdvice")
                .advise(connectionMethod.and(namedOneOf("prepareStatement", "prepareCall"))
                        .and(takesArgument(0, String.class)),
                        ADVICE + "PrepareAdvice")
                .advise(connectionMethod.and(named("createStatement")), ADVICE + "CreateStatementAdvice");
    }
}
