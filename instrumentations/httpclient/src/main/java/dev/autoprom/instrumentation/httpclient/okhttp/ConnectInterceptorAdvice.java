package dev.autoprom.instrumentation.httpclient.okhttp;

import dev.autoprom.instrumentation.httpclient.ClientHooks;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code ConnectInterceptor.intercept(chain)}: from connecting to the response headers of one attempt. The
 * request and the template are kept in advice locals from entry to exit: nothing is allocated for them.
 */
public final class ConnectInterceptorAdvice {

    private ConnectInterceptorAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(
            @Advice.Argument(0) Interceptor.Chain chain,
            @Advice.Local("request") Request request,
            @Advice.Local("template") String template) {
        request = chain.request();
        template = ClientHooks.template();
        HttpUrl url = request.url();
        return ClientHooks.start(url.host(), url.port(), url.isHttps(), request.method());
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter long start,
            @Advice.Argument(0) Interceptor.Chain chain,
            @Advice.Local("request") Request request,
            @Advice.Local("template") String template,
            @Advice.Return Response response,
            @Advice.Thrown Throwable thrown) {
        if (ClientHooks.started(start)) {
            HttpUrl url = request.url();
            ClientHooks.end(
                    start,
                    url.host(),
                    url.port(),
                    url.isHttps(),
                    request.method(),
                    response == null ? 0 : response.code(),
                    template,
                    OkHttpHooks.failure(thrown, thrown != null && chain.call().isCanceled()));
        }
    }
}
