package dev.autoprom.instrumentation.httpclient.apache5;

import dev.autoprom.instrumentation.httpclient.ClientHooks;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;

/**
 * {@code ConnectExec.execute(request, scope, chain)}: the route's target is the server, with its port already
 * resolved by the route planner.
 */
public final class ConnectExecAdvice {

    private ConnectExecAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(
            @Advice.Argument(0) ClassicHttpRequest request,
            @Advice.Argument(1) ExecChain.Scope scope,
            @Advice.Local("target") HttpHost target,
            @Advice.Local("template") String template) {
        target = scope.route.getTargetHost();
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
            @Advice.Argument(0) ClassicHttpRequest request,
            @Advice.Local("target") HttpHost target,
            @Advice.Local("template") String template,
            @Advice.Return ClassicHttpResponse response,
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
