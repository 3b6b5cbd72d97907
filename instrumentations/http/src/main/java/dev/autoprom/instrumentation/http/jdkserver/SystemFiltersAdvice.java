package dev.autoprom.instrumentation.http.jdkserver;

import com.sun.net.httpserver.HttpServer;
import net.bytebuddy.asm.Advice;

/**
 * After {@code HttpContextImpl.getSystemFilters()}: the server calls it for each exchange, right before it reads
 * the user filters to build the chain, so a context created before the agent was attached gets the metrics filter
 * in time for this exchange.
 */
public final class SystemFiltersAdvice {

    private SystemFiltersAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object context) {
        JdkServerHooks.serving(HttpServer.class, context);
    }
}
