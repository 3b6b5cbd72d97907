package dev.autoprom.instrumentation.httpclient.apache4;

import dev.autoprom.instrumentation.httpclient.ClientHooks;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.routing.HttpRoute;

/** {@code MainClientExec}/{@code MinimalClientExec.execute(route, request, context, execAware)}. */
public final class ClientExecAdvice {

    private ClientExecAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(
            @Advice.Argument(0) HttpRoute route,
            @Advice.Argument(1) HttpRequestWrapper request,
            @Advice.Local("template") String template) {
        HttpHost target = route.getTargetHost();
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
            @Advice.Argument(0) HttpRoute route,
            @Advice.Argument(1) HttpRequestWrapper request,
            @Advice.Local("template") String template,
            @Advice.Return CloseableHttpResponse response,
            @Advice.Thrown Throwable thrown) {
        if (ClientHooks.started(start)) {
            HttpHost target = route.getTargetHost();
            ClientHooks.end(
                    start,
                    target.getHostName(),
                    target.getPort(),
                    ClientHooks.isHttps(target.getSchemeName()),
                    request.getMethod(),
                    response == null ? 0 : response.getStatusLine().getStatusCode(),
                    template,
                    thrown);
        }
    }
}
