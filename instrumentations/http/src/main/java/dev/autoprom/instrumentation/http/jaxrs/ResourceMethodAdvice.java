package dev.autoprom.instrumentation.http.jaxrs;

import net.bytebuddy.asm.Advice;

/** On entry to a JAX-RS resource method: report its template. Both origin values are class-file constants. */
public final class ResourceMethodAdvice {

    private ResourceMethodAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> resourceClass, @Advice.Origin("#m#d") String method) {
        JaxRsRoutes.resourceMethodEntered(resourceClass, method);
    }
}
