package io.helidon.http;

/** Stub of Helidon 4.5.0's {@code io.helidon.http.Method} (a final class): only what the advice calls. */
public final class Method {

    private Method() {}

    public String text() {
        throw new UnsupportedOperationException("compile-time stub");
    }
}
