package dev.autoprom.instrumentation.httpclient.spring;

import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code DefaultClientRequestBuilder.BodyInserterRequest.writeTo(request, strategies)}: {@code WebClient} writes
 * its request into the connector's, on the thread the client library writes it on; {@code uri(template, vars)}
 * left the template in the request's attributes.
 */
public final class WebClientAdvice {

    private WebClientAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("attributes") Map<String, Object> attributes) {
        if (attributes != null) {
            SpringHooks.lendToReactorNetty(attributes.get(SpringHooks.WEB_CLIENT_TEMPLATE));
        }
    }
}
