package dev.autoprom.instrumentation.http.micronaut;

import net.bytebuddy.asm.Advice;

/** After {@code BasicHttpAttributes.setUriTemplate(request, template)}: the router matched this template. */
public final class SetUriTemplateAdvice {

    private SetUriTemplateAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Argument(1) String template) {
        MicronautHooks.routeMatched(template);
    }
}
