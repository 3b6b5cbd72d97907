package dev.autoprom.instrumentation.jdbc.agroal;

import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;

/**
 * Agroal 2.x / 3.x {@code io.agroal.pool.ConnectionPool} (Quarkus' pool): registers after {@code init()}, closes
 * with {@code close()}; use time to the {@code ConnectionWrapper}'s close(); create time from the pool's
 * {@code CreateConnectionTask.call()} in 2.x and 3.0, from {@code ConnectionPool.createAndPoolConnection()} in 3.2
 * (each version has exactly one of them). Agroal's own metrics need not be enabled: counts are read from the pool.
 */
public final class AgroalInstrumentation extends LibraryInstrumentation {

    /** Registers each pool that starts; public: inlined advice in the library reads it. */
    public static final Bridge<PoolRegistrar> POOL_REGISTRAR =
            PoolRegistrar.bridge("dev.autoprom.instrumentation.jdbc.agroal.bridge.AgroalPoolBridge$Registrar");

    private static final String POOL = "io.agroal.pool.ConnectionPool";
    private static final String CREATE_TASK = "io.agroal.pool.ConnectionPool$CreateConnectionTask";
    private static final String WRAPPER = "io.agroal.pool.wrapper.ConnectionWrapper";
    private static final String POOL_ADVICE = "dev.autoprom.instrumentation.jdbc.pool.";
    private static final String CREATED = "connection created";

    /** The classes this module instruments. */
    private static final String[] TYPES = {POOL, CREATE_TASK, WRAPPER};

    public AgroalInstrumentation() {
        super("jdbc", "agroal", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        POOL,
                        named("init").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.agroal.AgroalStartAdvice")
                .advise(POOL, named("close").and(takesArguments(0)), POOL_ADVICE + "PoolCloseAdvice")
                .advise(POOL, named("getConnection").and(takesArguments(0)), POOL_ADVICE + "GetConnectionAdvice")
                .advise(WRAPPER, named("close").and(takesArguments(0)), POOL_ADVICE + "ConnectionCloseAdvice")
                // connection creation moved in 3.2; each version has one of these
                .adviseOneOf(
                        CREATED,
                        CREATE_TASK,
                        named("call").and(takesArguments(0)).and(returns(named("io.agroal.pool.ConnectionHandler"))),
                        "dev.autoprom.instrumentation.jdbc.agroal.AgroalCreateAdvice")
                .adviseOneOf(
                        CREATED,
                        POOL,
                        named("createAndPoolConnection")
                                .and(takesArguments(0))
                                .and(returns(named("io.agroal.pool.ConnectionHandler"))),
                        "dev.autoprom.instrumentation.jdbc.agroal.AgroalCreateAndPoolAdvice");
    }
}
