package dev.autoprom.instrumentation.httpclient.jdk;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.httpclient.ClientScope;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

/**
 * What the {@code java.net.http.HttpClient} advice calls; {@code java.base} types only (this class is on the
 * bootstrap class path, where {@code java.net.http} is not visible: the response's status is read through the
 * bridge {@code bridge.ResponseStatus}, defined next to the module).
 */
public final class JdkClientHooks {

    static final String COMPONENT = "httpclient.jdk-httpclient";
    private static final Bridge<ToIntFunction<Object>> STATUS = Bridge.of(
            toIntFunction(),
            "dev.autoprom.instrumentation.httpclient.jdk.bridge.ResponseStatus",
            COMPONENT,
            response -> 0);

    private JdkClientHooks() {}

    /**
     * A request is handed to the client: it is counted as active from now. {@code anchor} is
     * {@code java.net.http.HttpClient.class}. Returns the call to finish, or null when it cannot be recorded.
     */
    public static Object start(Class<?> anchor, URI uri, String method) {
        try {
            if (uri == null) {
                return null;
            }
            return new JdkCall(
                    STATUS.get(anchor),
                    uri.getHost(),
                    uri.getPort(),
                    "https".equalsIgnoreCase(uri.getScheme()),
                    HttpMethods.index(method),
                    ClientScope.take());
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return null;
        }
    }

    /**
     * {@code sendAsync} returned {@code response}, the future the application gets: the call is recorded when it
     * completes, on whichever thread completes it. When {@code sendAsync} threw instead (a request the client
     * refuses outright: {@code CONNECT}, a closed client) nothing went out: the call is only taken off the
     * active requests.
     */
    public static void sent(Object call, CompletableFuture<?> response, Throwable thrown) {
        if (!(call instanceof JdkCall)) {
            return;
        }
        JdkCall jdkCall = (JdkCall) call;
        try {
            if (thrown != null || response == null) {
                jdkCall.abandon();
            } else {
                response.whenComplete(jdkCall);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<ToIntFunction<Object>> toIntFunction() {
        return (Class<ToIntFunction<Object>>) (Class<?>) ToIntFunction.class;
    }
}
