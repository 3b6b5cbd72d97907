package dev.autoprom.instrumentation.httpclient.jetty;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.transport.HttpExchange;

/**
 * {@code HttpReceiver.responseBegin(exchange)}: the transport parsed a response's status line and is about to tell
 * the listeners. Seen here for every response, also those a protocol handler takes over (a redirect Jetty follows,
 * a 401 it answers with credentials), which never reach the request's own listeners.
 */
public final class ResponseBeginAdvice {

    private ResponseBeginAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) HttpExchange exchange) {
        JettyClientHooks.responseBegins(
                exchange.getRequest(), exchange.getResponse().getStatus());
    }
}
