package dev.autoprom.it.httpclient;

import java.util.HashSet;
import java.util.Set;

/**
 * Ports this test JVM has used as a server port: a test's series are told apart by {@code server_port}, so no two
 * tests may use the same one, and the system does hand out a freed ephemeral port again.
 */
final class Ports {

    private static final Set<Integer> USED = new HashSet<>();

    private Ports() {}

    /** True (and the port is now taken) when no test of this JVM has used {@code port} yet. */
    static synchronized boolean claim(int port) {
        return USED.add(port);
    }
}
