package dev.autoprom.instrumentation.jdbc.c3p0;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.Targets;

/**
 * c3p0 0.9.5 / 0.10 / 0.11 data sources ({@code ComboPooledDataSource} and every
 * {@code AbstractPoolBackedDataSource}): c3p0 builds its pool on first use, so the pool registers when getConnection is
 * first called (unless the data source is closed), and unregisters on close(). Use time runs to the proxy connection's close(); create time is the
 * default user's pool's {@code acquireResource()}.
 */
public final class C3p0Instrumentation implements InstrumentationModule {

    private static final String DATA_SOURCE = "com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource";
    /** 0.9.5 and 0.10 hand out NewProxyConnection; 0.11 its AbstractNewProxyConnection subclasses. */
    private static final String[] PROXY_CONNECTIONS = {
        "com.mchange.v2.c3p0.impl.NewProxyConnection", "com.mchange.v2.c3p0.impl.AbstractNewProxyConnection",
    };

    /** c3p0's resource manager of one pool: acquireResource() opens a physical connection. */
    private static final String ACQUIRER =
            "com.mchange.v2.c3p0.impl.C3P0PooledConnectionPool$1PooledConnectionResourcePoolManager";

    @Override
    public String family() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "c3p0";
    }

    @Override
    public Targets targets() {
        return Targets.named(DATA_SOURCE, ACQUIRER).or(Targets.named(PROXY_CONNECTIONS));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        isDeclaredBy(named(DATA_SOURCE))
                                .and(named("getConnection"))
                                .and(takesArguments(0).or(takesArguments(2))),
                        "dev.autoprom.instrumentation.jdbc.c3p0.C3p0GetConnectionAdvice")
                .advise(
                        isDeclaredBy(named(DATA_SOURCE))
                                .and(named("close"))
                                .and(takesArguments(0).or(takesArguments(1))),
                        "dev.autoprom.instrumentation.jdbc.pool.PoolCloseAdvice")
                .advise(
                        isDeclaredBy(namedOneOf(PROXY_CONNECTIONS))
                                .and(named("close"))
                                .and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.pool.ConnectionCloseAdvice")
                .advise(
                        isDeclaredBy(named(ACQUIRER))
                                .and(named("acquireResource"))
                                .and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.c3p0.C3p0CreateAdvice");
    }
}
