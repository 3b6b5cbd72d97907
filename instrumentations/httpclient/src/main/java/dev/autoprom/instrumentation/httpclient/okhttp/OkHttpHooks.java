package dev.autoprom.instrumentation.httpclient.okhttp;

import java.io.IOException;

/** What the OkHttp advice adds to the family's {@code ClientHooks}: how a cancelled call is reported. */
public final class OkHttpHooks {

    /**
     * A call the application cancelled fails in the interceptor with whatever closing its socket caused
     * ({@code SocketException: Socket closed}); OkHttp then hands the application {@code IOException: Canceled}.
     * The record says what the application was told. Shared, never thrown: only its class name is read.
     */
    private static final IOException CANCELED = new IOException("Canceled");

    private OkHttpHooks() {}

    /** The failure to record for {@code thrown}, given whether the call was cancelled. */
    public static Throwable failure(Throwable thrown, boolean canceled) {
        return thrown != null && canceled ? CANCELED : thrown;
    }
}
