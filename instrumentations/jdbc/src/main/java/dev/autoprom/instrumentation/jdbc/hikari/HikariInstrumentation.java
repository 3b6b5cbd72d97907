package dev.autoprom.instrumentation.jdbc.hikari;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.Targets;

/**
 * HikariCP 5–7: the pool registers when {@code HikariPool} is constructed and unregisters on {@code shutdown()}.
 * Events come through Hikari's own extension point, a {@code MetricsTrackerFactory} (a bridge class), installed
 * on the pool unless the application configured its own tracker factory or metric registry; gauges are read
 * from the pool at scrape time.
 */
public final class HikariInstrumentation implements InstrumentationModule {

    static final String POOL = "com.zaxxer.hikari.pool.HikariPool";

    /** The classes this module instruments. */
    private static final String[] TYPES = {POOL};

    @Override
    public String family() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "hikaricp";
    }

    @Override
    public Targets targets() {
        return Targets.named(TYPES);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        isConstructor()
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("com.zaxxer.hikari.HikariConfig"))),
                        "dev.autoprom.instrumentation.jdbc.hikari.PoolStartAdvice")
                .advise(
                        named("shutdown").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.jdbc.hikari.PoolShutdownAdvice");
    }
}
