package dev.autoprom.instrumentation.http.quarkus;

import dev.autoprom.instrumentation.http.Routes;
import dev.autoprom.instrumentation.http.vertx.VertxHooks;
import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.mapping.URITemplate;

/**
 * {@code ResteasyReactiveRequestContext.restart(RuntimeResource, boolean)}: Quarkus REST matched the resource
 * method. Its route is the application prefix + the class's {@code @Path} + the method's, as Quarkus's own
 * observability writes it ({@code /items/{id}}); the joins are cached by {@link Routes}.
 */
public final class ResourceMatchedAdvice {

    private ResourceMatchedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.This ResteasyReactiveRequestContext context, @Advice.Argument(0) RuntimeResource target) {
        URITemplate method = target.getPath();
        HttpServerRequest request = context.unwrap(HttpServerRequest.class);
        if (method != null && request != null) {
            URITemplate type = target.getClassPath();
            String route = Routes.join(type == null ? "" : type.template, method.template);
            VertxHooks.frameworkRoute(
                    request.connection(),
                    request.response(),
                    Routes.join(context.getDeployment().getPrefix(), route));
        }
    }
}
