package dev.autoprom.instrumentation.httpclient.apache5;

import dev.autoprom.instrumentation.httpclient.ClientExchange;

/** The role of {@code bridge.RecordingCallback.Wrapper}: wraps an {@code AsyncExecCallback} for one request. */
public interface CallbackWrapper {

    /** Does nothing: the bridge could not be made, the request is not recorded. */
    CallbackWrapper NONE = (callback, exchange, cancellable) -> callback;

    /**
     * @param callback the chain's {@code AsyncExecCallback}
     * @param cancellable the request's {@code CancellableDependency}, to tell the application's cancel from a failure
     */
    Object wrap(Object callback, ClientExchange exchange, Object cancellable);
}
