package io.helidon.http;

import io.helidon.common.uri.UriPath;

/** Stub of Helidon 4.5.0's {@code io.helidon.http.RoutedPath}: only the type. */
public interface RoutedPath extends UriPath {}
