package io.helidon.webserver.http;

/** Stub of Helidon 4.5.0's {@code io.helidon.webserver.http.RoutingResponse}: only what the advice calls. */
public interface RoutingResponse extends ServerResponse {

    /** True once the response was sent or its entity started streaming. */
    boolean hasEntity();
}
