package io.helidon.webserver.http;

import java.util.Optional;

/** Stub of Helidon 4.5.0's {@code io.helidon.webserver.http.ServerRequest}: only what the advice calls. */
public interface ServerRequest extends HttpRequest {

    boolean isSecure();

    /** In Helidon a default method (empty); {@code Http1ServerRequest} returns the routing's path pattern. */
    default Optional<String> matchingPattern() {
        return Optional.empty();
    }
}
