package dev.autoprom.instrumentation.jdbc.tomcat;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;

/**
 * Tomcat JDBC {@code ConnectionPool} (10/11, and the 9.x line with the same methods): registers when
 * {@code init()} returns (the initial connections it opens are not in create time), closes with
 * {@code close(boolean)}. The
 * connections it hands out are JDK proxies, which are not instrumented, so use time runs from the pool's
 * {@code borrowConnection} to its {@code returnConnection}.
 */
public final class TomcatJdbcInstrumentation extends LibraryInstrumentation {

    /** Registers each pool that starts; public: inlined advice in the library reads it. */
    public static final Bridge<PoolRegistrar> POOL_REGISTRAR =
            PoolRegistrar.bridge("dev.autoprom.instrumentation.jdbc.tomcat.bridge.TomcatPoolBridge$Registrar");

    private static final String POOL = "org.apache.tomcat.jdbc.pool.ConnectionPool";
    private static final String POOLED = "org.apache.tomcat.jdbc.pool.PooledConnection";
    private static final String ADVICE = "dev.autoprom.instrumentation.jdbc.tomcat.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {POOL, POOLED};

    public TomcatJdbcInstrumentation() {
        super("jdbc", "tomcat-jdbc", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(POOL, named("init").and(takesArguments(1)), ADVICE + "TomcatStartAdvice")
                .advise(
                        POOL,
                        named("close").and(takesArguments(1)),
                        "dev.autoprom.instrumentation.jdbc.pool.PoolCloseAdvice")
                .advise(
                        POOL,
                        named("getConnection").and(takesArguments(0).or(takesArguments(2))),
                        ADVICE + "TomcatGetConnectionAdvice")
                .advise(
                        POOL,
                        named("borrowConnection").and(takesArguments(3)).and(takesArgument(0, int.class)),
                        ADVICE + "TomcatBorrowAdvice")
                .advise(POOL, named("returnConnection").and(takesArguments(1)), ADVICE + "TomcatReturnAdvice")
                .advise(POOLED, named("connect").and(takesArguments(0)), ADVICE + "TomcatCreateAdvice");
    }
}
