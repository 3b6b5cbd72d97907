package io.helidon.webserver.http;

import io.helidon.http.Status;

/** Stub of Helidon 4.5.0's {@code io.helidon.webserver.http.ServerResponse}: only what the advice calls. */
public interface ServerResponse {

    Status status();
}
