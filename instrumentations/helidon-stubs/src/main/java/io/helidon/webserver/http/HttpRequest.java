package io.helidon.webserver.http;

import io.helidon.http.HttpPrologue;

/** Stub of Helidon 4.5.0's {@code io.helidon.webserver.http.HttpRequest}: only what the advice calls. */
public interface HttpRequest {

    HttpPrologue prologue();
}
