package dev.autoprom.instrumentation.httpclient.spring;

import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code DefaultRequestBodyUriSpec.exchangeInternal(function, close)}: {@code uri(template, variables)} left the
 * template in the spec's attributes.
 */
public final class RestClientAdvice {

    private RestClientAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static String enter(@Advice.FieldValue("attributes") Map<String, Object> attributes) {
        return SpringHooks.enter(attributes == null ? null : attributes.get(SpringHooks.REST_CLIENT_TEMPLATE));
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter String previous) {
        SpringHooks.exit(previous);
    }
}
