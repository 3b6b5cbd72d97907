package dev.autoprom.instrumentation.http.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import net.bytebuddy.asm.Advice;

/**
 * {@code AsyncSenderImpl.invokeOnException(IoCallback, IOException)}: a write of the response failed (the client
 * hung up mid-response). Recorded now, once, with the status already sent and the exception as {@code error_type};
 * the completion that follows finds it ended.
 */
public final class SendFailedAdvice {

    private SendFailedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.FieldValue("exchange") HttpServerExchange exchange, @Advice.Argument(1) IOException failure) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        UndertowHooks.complete(
                exchange.getConnection(),
                exchange,
                exchange.isResponseStarted() ? exchange.getStatusCode() : 0,
                match == null ? null : match.getMatchedTemplate(),
                failure,
                true);
    }
}
