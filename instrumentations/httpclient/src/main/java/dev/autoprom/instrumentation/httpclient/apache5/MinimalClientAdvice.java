package dev.autoprom.instrumentation.httpclient.apache5;

import dev.autoprom.instrumentation.httpclient.ClientHooks;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/**
 * {@code MinimalHttpClient.doExecute(target, request, context)}: the client without an exec chain, one request per
 * call. {@code target} is the host the application's request names; its port may be unset (-1: the scheme's).
 */
public final class MinimalClientAdvice {

    private MinimalClientAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(
            @Advice.Argument(0) HttpHost target,
            @Advice.Argument(1) ClassicHttpRequest request,
            @Advice.Local("template") String template) {
        if (target == null) {
            return 0L;
        }
        template = ClientHooks.template();
        return ClientHooks.start(
                target.getHostName(),
                target.getPort(),
                ClientHooks.isHttps(target.getSchemeName()),
                request.getMethod());
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter long start,
            @Advice.Argument(0) HttpHost target,
            @Advice.Argument(1) ClassicHttpRequest request,
            @Advice.Local("template") String template,
            @Advice.Return CloseableHttpResponse response,
            @Advice.Thrown Throwable thrown) {
        if (ClientHooks.started(start)) {
            ClientHooks.end(
                    start,
                    target.getHostName(),
                    target.getPort(),
                    ClientHooks.isHttps(target.getSchemeName()),
                    request.getMethod(),
                    response == null ? 0 : response.getCode(),
                    template,
                    thrown);
        }
    }
}
