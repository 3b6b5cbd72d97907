package dev.autoprom.instrumentation.http.undertow;

import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpServerExchange.invokeExchangeCompleteListeners()}: request and response are both terminated (its
 * first call only: it then sets the listener count to -1). The route is the template a {@code RoutingHandler} or
 * {@code PathTemplateHandler} matched, never the path. A connection already closed means the client hung up before
 * the response was complete.
 */
public final class ExchangeCompleteAdvice {

    private ExchangeCompleteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.This HttpServerExchange exchange,
            @Advice.FieldValue("exchangeCompletionListenersCount") int listeners) {
        if (listeners >= 0) {
            PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
            UndertowHooks.complete(
                    exchange.getConnection(),
                    exchange,
                    exchange.getStatusCode(),
                    match == null ? null : match.getMatchedTemplate(),
                    exchange.getAttachment(DefaultResponseListener.EXCEPTION),
                    exchange.getConnection().isOpen());
        }
    }
}
