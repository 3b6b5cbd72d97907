package io.helidon.http;

/** Stub of Helidon 4.5.0's {@code io.helidon.http.Status} (a class): only what the advice calls. */
public class Status {

    private Status() {}

    public int code() {
        throw new UnsupportedOperationException("compile-time stub");
    }
}
