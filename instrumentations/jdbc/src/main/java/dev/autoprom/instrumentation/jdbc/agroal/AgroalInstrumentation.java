package dev.autoprom.instrumentation.jdbc.agroal;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.Targets;

/**
 * Agroal 2.x / 3.x {@code io.agroal.pool.ConnectionPool} (Quarkus' pool): registers after {@code init()}, closes
 * with {@code close()}; use time to the {@code ConnectionWrapper}'s close(); create time from the pool's
 * connection-creation task. Agroal's own metrics need not be enabled: counts are read from the pool.
 */
public final class AgroalInstrumentation implements InstrumentationModule {

    private static final String POOL = "io.agroal.pool.ConnectionPool";
    private static final String CREATE_TASK = "io.agroal.pool.ConnectionPool$CreateConnectionTask";
    private static final String WRAPPER = "io.agroal.pool.wrapper.ConnectionWrapper";
    private static final String POOL_ADVICE = "dev.autoprom.instrumentation.jdbc.pool.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {POOL, CREATE_TASK, WRAPPER};

    @Override
    public String family() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "agroal";
    }

    @Override
    public Targets targets() {
        return Targets.named(TYPES);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        isDeclaredBy(named(POOL)).and(named("init")).and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.agroal.AgroalStartAdvice")
                .advise(
                        isDeclaredBy(named(POOL)).and(named("close")).and(takesArguments(0)),
                        POOL_ADVICE + "PoolCloseAdvice")
                .advise(
                        isDeclaredBy(named(POOL)).and(named("getConnection")).and(takesArguments(0)),
                        POOL_ADVICE + "GetConnectionAdvice")
                .advise(
                        isDeclaredBy(named(WRAPPER)).and(named("close")).and(takesArguments(0)),
                        POOL_ADVICE + "ConnectionCloseAdvice")
                .advise(
                        isDeclaredBy(named(CREATE_TASK))
                                .and(named("call"))
                                .and(takesArguments(0))
                                .and(returns(named("io.agroal.pool.ConnectionHandler"))),
                        "dev.autoprom.instrumentation.jdbc.agroal.AgroalCreateAdvice");
    }
}
