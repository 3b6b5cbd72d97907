package dev.autoprom.instrumentation.jdbc.tomcat;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.Targets;

/**
 * Tomcat JDBC {@code ConnectionPool} (10/11, and the 9.x line with the same methods): registers when
 * {@code init()} returns (the initial connections it opens are not in create time), closes with
 * {@code close(boolean)}. The
 * connections it hands out are JDK proxies, which are not instrumented, so use time runs from the pool's
 * {@code borrowConnection} to its {@code returnConnection}.
 */
public final class TomcatJdbcInstrumentation implements InstrumentationModule {

    private static final String POOL = "org.apache.tomcat.jdbc.pool.ConnectionPool";
    private static final String POOLED = "org.apache.tomcat.jdbc.pool.PooledConnection";
    private static final String ADVICE = "dev.autoprom.instrumentation.jdbc.tomcat.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {POOL, POOLED};

    @Override
    public String family() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "tomcat-jdbc";
    }

    @Override
    public Targets targets() {
        return Targets.named(TYPES);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(isDeclaredBy(named(POOL)).and(named("init")).and(takesArguments(1)), ADVICE + "TomcatStartAdvice")
                .advise(
                        isDeclaredBy(named(POOL)).and(named("close")).and(takesArguments(1)),
                        "dev.autoprom.instrumentation.jdbc.pool.PoolCloseAdvice")
                .advise(
                        isDeclaredBy(named(POOL))
                                .and(named("getConnection"))
                                .and(takesArguments(0).or(takesArguments(2))),
                        ADVICE + "TomcatGetConnectionAdvice")
                .advise(
                        isDeclaredBy(named(POOL))
                                .and(named("borrowConnection"))
                                .and(takesArguments(3))
                                .and(takesArgument(0, int.class)),
                        ADVICE + "TomcatBorrowAdvice")
                .advise(
                        isDeclaredBy(named(POOL)).and(named("returnConnection")).and(takesArguments(1)),
                        ADVICE + "TomcatReturnAdvice")
                .advise(
                        isDeclaredBy(named(POOLED)).and(named("connect")).and(takesArguments(0)),
                        ADVICE + "TomcatCreateAdvice");
    }
}
