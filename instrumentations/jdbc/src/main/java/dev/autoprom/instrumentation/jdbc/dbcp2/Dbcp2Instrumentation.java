package dev.autoprom.instrumentation.jdbc.dbcp2;

import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;

/**
 * Apache Commons DBCP2 2.x {@code BasicDataSource}: starts with its first {@code createDataSource()} (lazily, on
 * first use), closes with {@code close()}; use time from getConnection to the returned wrapper's close();
 * create time from {@code PoolableConnectionFactory.makeObject()}.
 */
public final class Dbcp2Instrumentation extends LibraryInstrumentation {

    /** Registers each pool that starts; public: inlined advice in the library reads it. */
    public static final Bridge<PoolRegistrar> POOL_REGISTRAR =
            PoolRegistrar.bridge("dev.autoprom.instrumentation.jdbc.dbcp2.bridge.Dbcp2PoolBridge$Registrar");

    private static final String DATA_SOURCE = "org.apache.commons.dbcp2.BasicDataSource";
    private static final String GUARD = "org.apache.commons.dbcp2.PoolingDataSource$PoolGuardConnectionWrapper";
    private static final String FACTORY = "org.apache.commons.dbcp2.PoolableConnectionFactory";
    private static final String POOL_ADVICE = "dev.autoprom.instrumentation.jdbc.pool.";
    private static final String CREATED = "connection created";

    /** The classes this module instruments. */
    private static final String[] TYPES = {DATA_SOURCE, GUARD, FACTORY};

    public Dbcp2Instrumentation() {
        super("jdbc", "dbcp2", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        DATA_SOURCE,
                        named("createDataSource").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.dbcp2.Dbcp2StartAdvice")
                .advise(DATA_SOURCE, named("close").and(takesArguments(0)), POOL_ADVICE + "PoolCloseAdvice")
                .advise(DATA_SOURCE, named("getConnection").and(takesArguments(0)), POOL_ADVICE + "GetConnectionAdvice")
                .advise(GUARD, named("close").and(takesArguments(0)), POOL_ADVICE + "ConnectionCloseAdvice")
                .advise(
                        FACTORY,
                        named("makeObject").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.dbcp2.Dbcp2CreateAdvice");
    }
}
