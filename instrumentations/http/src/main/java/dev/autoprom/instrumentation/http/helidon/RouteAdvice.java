package dev.autoprom.instrumentation.http.helidon;

import dev.autoprom.instrumentation.http.HttpMethods;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpRoutingImpl.route(ConnectionContext, RoutingRequest, RoutingResponse)}: one request, routed and
 * answered synchronously on its connection's thread. At exit the response is complete (Helidon requires handlers
 * to send before they return), or the route threw: a {@code CloseConnectionException} when the response could
 * not be completed (the client hung up mid-response).
 */
public final class RouteAdvice {

    private RouteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(
            @Advice.Argument(1) RoutingRequest request,
            @Advice.Local("method") int method,
            @Advice.Local("https") boolean https) {
        method = HttpMethods.index(request.prologue().method().text());
        https = request.isSecure();
        return HelidonHooks.begin(method, https);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter long start,
            @Advice.Local("method") int method,
            @Advice.Local("https") boolean https,
            @Advice.Argument(1) RoutingRequest request,
            @Advice.Argument(2) RoutingResponse response,
            @Advice.Thrown Throwable thrown) {
        int status = thrown == null || response.hasEntity() ? response.status().code() : 0;
        HelidonHooks.end(start, method, https, status, request.matchingPattern().orElse(null), thrown);
    }
}
