package dev.autoprom.instrumentation.http.quarkus;

import dev.autoprom.instrumentation.http.vertx.VertxHooks;
import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * {@code RestInitialHandler.handle(context)}: Quarkus REST takes the request from the Vert.x Web route it is
 * mounted on ({@code /*}, whose name is {@code /}). From here the route is the resource template it matches, or
 * none (a 404 it answers); a request it hands back to Vert.x Web takes the next route's name again.
 */
public final class RestEntryAdvice {

    private RestEntryAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) ResteasyReactiveRequestContext context) {
        HttpServerRequest request = context.unwrap(HttpServerRequest.class);
        if (request != null) {
            VertxHooks.frameworkRoute(request.connection(), request.response(), "");
        }
    }
}
