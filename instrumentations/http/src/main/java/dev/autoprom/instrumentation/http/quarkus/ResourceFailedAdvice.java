package dev.autoprom.instrumentation.http.quarkus;

import dev.autoprom.instrumentation.http.vertx.VertxHooks;
import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * {@code AbstractResteasyReactiveContext.handleException(Throwable, boolean)}: a handler or the resource method
 * threw. The exception is the request's {@code error_type} if its response is a 5xx (a mapper that answers 404
 * leaves none). The REST client shares this class: only server contexts are looked at.
 */
public final class ResourceFailedAdvice {

    private ResourceFailedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object context, @Advice.Argument(0) Throwable failure) {
        if (context instanceof ResteasyReactiveRequestContext) {
            HttpServerRequest request = ((ResteasyReactiveRequestContext) context).unwrap(HttpServerRequest.class);
            if (request != null) {
                VertxHooks.failed(request.connection(), request.response(), failure);
            }
        }
    }
}
