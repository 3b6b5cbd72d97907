package dev.autoprom.instrumentation.jdbc.hikari;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;

/**
 * HikariCP 5–7: the pool registers when {@code HikariPool} is constructed and unregisters on {@code shutdown()}.
 * Events come through Hikari's own extension point, a {@code MetricsTrackerFactory}: every factory given to the
 * pool ({@code setMetricsTrackerFactory}, which the constructor, {@code setMetricRegistry} and a running
 * {@code HikariDataSource} all go through) is replaced by a chain that records for the agent and then calls the
 * application's factory, so a tracker set later (Spring Boot actuator sets one on the running pool) never
 * silences the agent. Gauges are read from the pool at scrape time.
 */
public final class HikariInstrumentation extends LibraryInstrumentation {

    /** Registers each pool that starts; public: inlined advice in the library reads it. */
    public static final Bridge<PoolRegistrar> POOL_REGISTRAR =
            PoolRegistrar.bridge("dev.autoprom.instrumentation.jdbc.hikari.bridge.HikariPoolBridge$Registrar");

    static final String POOL = "com.zaxxer.hikari.pool.HikariPool";

    /** The classes this module instruments. */
    private static final String[] TYPES = {POOL};

    public HikariInstrumentation() {
        super("jdbc", "hikaricp", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        POOL,
                        isConstructor()
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("com.zaxxer.hikari.HikariConfig"))),
                        "dev.autoprom.instrumentation.jdbc.hikari.PoolStartAdvice")
                .advise(
                        POOL,
                        named("setMetricsTrackerFactory")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("com.zaxxer.hikari.metrics.MetricsTrackerFactory"))),
                        "dev.autoprom.instrumentation.jdbc.hikari.TrackerFactoryAdvice")
                .advise(
                        POOL,
                        named("shutdown").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.hikari.PoolShutdownAdvice");
    }
}
