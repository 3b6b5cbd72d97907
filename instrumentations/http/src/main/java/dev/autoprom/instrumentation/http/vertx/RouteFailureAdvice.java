package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import net.bytebuddy.asm.Advice;

/**
 * {@code RoutingContextImpl.fail(int, Throwable)}: a handler threw, or called {@code ctx.fail(e)}; every other
 * {@code fail} overload ends here. The exception is the request's {@code error_type} if it ends with a 5xx.
 */
public final class RouteFailureAdvice {

    private RouteFailureAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This RoutingContext context, @Advice.Argument(1) Throwable failure) {
        if (failure != null) {
            HttpServerRequest request = context.request();
            VertxHooks.failed(request.connection(), context.response(), failure);
        }
    }
}
