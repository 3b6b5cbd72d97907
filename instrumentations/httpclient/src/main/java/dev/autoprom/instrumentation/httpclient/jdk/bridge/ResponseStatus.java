package dev.autoprom.instrumentation.httpclient.jdk.bridge;

import java.net.http.HttpResponse;
import java.util.function.ToIntFunction;

/**
 * Reads an {@link HttpResponse}'s status for the agent, which cannot name {@code java.net.http} types from the
 * bootstrap class path. Loaded by {@code BridgeClasses} next to the module (anchored on {@code HttpClient}).
 */
public final class ResponseStatus implements ToIntFunction<Object> {

    @Override
    public int applyAsInt(Object response) {
        return response instanceof HttpResponse ? ((HttpResponse<?>) response).statusCode() : 0;
    }
}
