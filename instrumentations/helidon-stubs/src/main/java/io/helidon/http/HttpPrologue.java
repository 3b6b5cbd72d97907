package io.helidon.http;

/** Stub of Helidon 4.5.0's {@code io.helidon.http.HttpPrologue} (a class): only what the advice calls. */
public class HttpPrologue {

    private HttpPrologue() {}

    public Method method() {
        throw new UnsupportedOperationException("compile-time stub");
    }
}
