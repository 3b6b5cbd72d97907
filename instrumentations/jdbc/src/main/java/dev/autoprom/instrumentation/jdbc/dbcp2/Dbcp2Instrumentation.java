package dev.autoprom.instrumentation.jdbc.dbcp2;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.Targets;

/**
 * Apache Commons DBCP2 2.x {@code BasicDataSource}: starts with its first {@code createDataSource()} (lazily, on
 * first use), closes with {@code close()}; use time from getConnection to the returned wrapper's close();
 * create time from {@code PoolableConnectionFactory.makeObject()}.
 */
public final class Dbcp2Instrumentation implements InstrumentationModule {

    private static final String DATA_SOURCE = "org.apache.commons.dbcp2.BasicDataSource";
    private static final String GUARD = "org.apache.commons.dbcp2.PoolingDataSource$PoolGuardConnectionWrapper";
    private static final String FACTORY = "org.apache.commons.dbcp2.PoolableConnectionFactory";
    private static final String POOL_ADVICE = "dev.autoprom.instrumentation.jdbc.pool.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {DATA_SOURCE, GUARD, FACTORY};

    @Override
    public String family() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "dbcp2";
    }

    @Override
    public Targets targets() {
        return Targets.named(TYPES);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        isDeclaredBy(named(DATA_SOURCE))
                                .and(named("createDataSource"))
                                .and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.dbcp2.Dbcp2StartAdvice")
                .advise(
                        isDeclaredBy(named(DATA_SOURCE)).and(named("close")).and(takesArguments(0)),
                        POOL_ADVICE + "PoolCloseAdvice")
                .advise(
                        isDeclaredBy(named(DATA_SOURCE))
                                .and(named("getConnection"))
                                .and(takesArguments(0)),
                        POOL_ADVICE + "GetConnectionAdvice")
                .advise(
                        isDeclaredBy(named(GUARD)).and(named("close")).and(takesArguments(0)),
                        POOL_ADVICE + "ConnectionCloseAdvice")
                .advise(
                        isDeclaredBy(named(FACTORY)).and(named("makeObject")).and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.dbcp2.Dbcp2CreateAdvice");
    }
}
