package dev.autoprom.instrumentation.httpclient.apache5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * {@code AsyncConnectExec.execute(request, entityProducer, scope, chain, callback)}: the application's outcome
 * travels back through {@code callback}, which is wrapped so that the request's end is seen wherever it happens.
 */
public final class AsyncConnectExecAdvice {

    private AsyncConnectExecAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
            @Advice.Argument(0) HttpRequest request,
            @Advice.Argument(2) AsyncExecChain.Scope scope,
            @Advice.Argument(value = 4, readOnly = false) AsyncExecCallback callback) {
        HttpHost target = scope.route.getTargetHost();
        Object exchange = Apache5AsyncHooks.start(
                target.getHostName(), target.getPort(), target.getSchemeName(), request.getMethod());
        callback = (AsyncExecCallback)
                Apache5AsyncHooks.wrap(AsyncExecCallback.class, callback, exchange, scope.cancellableDependency);
        return exchange;
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object exchange, @Advice.Thrown Throwable thrown) {
        Apache5AsyncHooks.thrown(exchange, thrown);
    }
}
