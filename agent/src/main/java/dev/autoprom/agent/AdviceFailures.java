package dev.autoprom.agent;

import dev.autoprom.api.SelfMetrics;

/**
 * Called by inlined advice when it caught a Throwable ({@code suppress = Throwable.class}): the failure is
 * counted in {@code autoprom_agent_errors_total{component="advice"}} and the instrumented method goes on as if
 * there were no agent. Public: it is called from classes in any loader.
 */
public final class AdviceFailures {

    private AdviceFailures() {}

    public static void suppressed(Throwable failure) {
        SelfMetrics.recordError("advice", failure);
    }
}
