package dev.autoprom.instrumentation.jdbc.hikari;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code HikariPool.setMetricsTrackerFactory(factory)}: every tracker reaches a pool through this method (the
 * constructor calls it with the configured factory or registry, {@code setMetricRegistry} and a running
 * {@code HikariDataSource}'s setters call it later). The argument is replaced by a factory that feeds the
 * agent and then the application's own factory, so whoever sets a tracker, whenever, both see every event.
 * On any failure the application's argument is left as it was.
 */
public final class TrackerFactoryAdvice {

    private TrackerFactoryAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.This Object pool,
            @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object factory) {
        factory = HikariHooks.chain(pool, factory);
    }
}
