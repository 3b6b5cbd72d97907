package dev.autoprom.instrumentation.httpclient.jdk;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/** {@code HttpClientImpl}'s private {@code sendAsync}: every request of the client passes here once. */
public final class SendAsyncAdvice {

    private SendAsyncAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) HttpRequest request) {
        return JdkClientHooks.start(HttpClient.class, request.uri(), request.method());
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter Object call, @Advice.Return CompletableFuture<?> response, @Advice.Thrown Throwable thrown) {
        JdkClientHooks.sent(call, response, thrown);
    }
}
