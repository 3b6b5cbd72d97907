package dev.autoprom.instrumentation.http.jdkserver;

import com.sun.net.httpserver.HttpServer;
import net.bytebuddy.asm.Advice;

/** After {@code createContext} returns: add the metrics filter to the new context. */
public final class CreateContextAdvice {

    private CreateContextAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return(readOnly = true) Object context) {
        JdkServerHooks.created(HttpServer.class, context);
    }
}
