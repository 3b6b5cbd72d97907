package dev.autoprom.instrumentation.httpclient.spring;

import net.bytebuddy.asm.Advice;

/** {@code RestTemplate.doExecute(uri, uriTemplate, method, callback, extractor)}: null template for a {@code URI}. */
public final class RestTemplateAdvice {

    private RestTemplateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static String enter(@Advice.Argument(1) String uriTemplate) {
        return SpringHooks.enter(uriTemplate);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter String previous) {
        SpringHooks.exit(previous);
    }
}
