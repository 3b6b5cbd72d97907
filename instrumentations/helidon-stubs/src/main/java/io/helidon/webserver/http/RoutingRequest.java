package io.helidon.webserver.http;

/** Stub of Helidon 4.5.0's {@code io.helidon.webserver.http.RoutingRequest}: only the type. */
public interface RoutingRequest extends ServerRequest {}
