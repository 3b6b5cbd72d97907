package dev.autoprom.instrumentation.websocket;

import java.net.URI;

/** {@code server_address}: the host of the URI only — never the path, query, port or user info. */
public final class ServerAddress {

    private ServerAddress() {}

    public static String of(URI uri) {
        return uri == null ? "" : host(uri.getHost());
    }

    /** A host as libraries return it; IPv6 brackets removed, as in OpenTelemetry's server.address. */
    public static String host(String host) {
        if (host == null) {
            return "";
        }
        if (host.length() > 1 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }
}
