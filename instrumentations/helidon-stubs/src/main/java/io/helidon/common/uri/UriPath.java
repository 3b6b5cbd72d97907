package io.helidon.common.uri;

/** Stub of Helidon 4.5.0's {@code io.helidon.common.uri.UriPath}: only what the advice calls. */
public interface UriPath {

    /** The decoded path. */
    String path();
}
