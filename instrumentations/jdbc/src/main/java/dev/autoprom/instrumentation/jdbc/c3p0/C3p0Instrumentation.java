package dev.autoprom.instrumentation.jdbc.c3p0;

import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;

/**
 * c3p0 0.9.5 / 0.10 / 0.11 data sources ({@code ComboPooledDataSource} and every
 * {@code AbstractPoolBackedDataSource}): c3p0 builds its pool on first use, so the pool registers when getConnection is
 * first called (unless the data source is closed), and unregisters on close(). Use time runs to the proxy connection's close(); create time is the
 * {@code acquireResource()} of any of its pools, attributed through its {@code ConnectionPoolDataSource} (see
 * {@link C3p0CreateAdvice}).
 */
public final class C3p0Instrumentation extends LibraryInstrumentation {

    /** Registers each pool that starts; public: inlined advice in the library reads it. */
    public static final Bridge<PoolRegistrar> POOL_REGISTRAR =
            PoolRegistrar.bridge("dev.autoprom.instrumentation.jdbc.c3p0.bridge.C3p0PoolBridge$Registrar");

    private static final String DATA_SOURCE = "com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource";
    /** 0.9.5 and 0.10 hand out NewProxyConnection; 0.11 its AbstractNewProxyConnection subclasses. */
    private static final String[] PROXY_CONNECTIONS = {
        "com.mchange.v2.c3p0.impl.NewProxyConnection", "com.mchange.v2.c3p0.impl.AbstractNewProxyConnection",
    };

    /** c3p0's resource manager of one pool: acquireResource() opens a physical connection. */
    private static final String ACQUIRER =
            "com.mchange.v2.c3p0.impl.C3P0PooledConnectionPool$1PooledConnectionResourcePoolManager";

    public C3p0Instrumentation() {
        super("jdbc", "c3p0", Targets.named(DATA_SOURCE, ACQUIRER).or(Targets.named(PROXY_CONNECTIONS)));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        DATA_SOURCE,
                        named("getConnection").and(takesArguments(0).or(takesArguments(2))),
                        "dev.autoprom.instrumentation.jdbc.c3p0.C3p0GetConnectionAdvice")
                .advise(
                        DATA_SOURCE,
                        named("close").and(takesArguments(0).or(takesArguments(1))),
                        "dev.autoprom.instrumentation.jdbc.pool.PoolCloseAdvice")
                // the proxy connection's class differs by version (see PROXY_CONNECTIONS)
                .adviseOneOf(
                        "connection returned",
                        PROXY_CONNECTIONS[0],
                        named("close").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.pool.ConnectionCloseAdvice")
                .adviseOneOf(
                        "connection returned",
                        PROXY_CONNECTIONS[1],
                        named("close").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.pool.ConnectionCloseAdvice")
                .advise(
                        ACQUIRER,
                        named("acquireResource").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.c3p0.C3p0CreateAdvice");
    }
}
