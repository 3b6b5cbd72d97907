package dev.autoprom.instrumentation.httpclient;

/**
 * {@code server_address} and {@code server_port} as the application wrote them: the host of the request's URL,
 * never resolved or canonicalised (IPv6 brackets and any user info aside, as in OpenTelemetry's {@code server.address}), and the
 * port, or the scheme's default when the URL names none. Called when a series is created, not per request.
 */
public final class ServerAddresses {

    private ServerAddresses() {}

    /** The label value for a host as a library returns it; {@code ""} when it has none. */
    public static String label(String host) {
        if (host == null) {
            return "";
        }
        int userInfoEnd = host.lastIndexOf('@');
        if (userInfoEnd >= 0) {
            // a client that takes the whole authority for the host (Reactor Netty with http://user:pw@host/):
            // user info is never a label, and a host cannot hold an '@'
            host = host.substring(userInfoEnd + 1);
        }
        if (host.length() > 1 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    /** The port a request goes to: {@code port}, or 443/80 when it is unset (URL APIs return -1 then). */
    public static int port(int port, boolean https) {
        if (port > 0 && port <= 65535) {
            return port;
        }
        return https ? 443 : 80;
    }
}
