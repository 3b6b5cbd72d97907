package dev.autoprom.it.websocket;

import dev.autoprom.it.harness.ChildJvm;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

/** Starts {@link EchoServer} child JVMs (without the agent) and hands out addresses on them. */
final class EchoServers {

    private static ChildJvm shared;
    private static int sharedPort;
    private static int nextHost = 2;

    private EchoServers() {}

    /** A server in its own JVM; the caller closes (kills) it. */
    static Running start() {
        ChildJvm jvm = ChildJvm.main(EchoServer.class).withoutAgent().start();
        int port = Integer.parseInt(
                jvm.awaitOutput("ECHO_PORT=(\\d+)", Duration.ofSeconds(60)).group(1));
        return new Running(jvm, port);
    }

    /** The server shared by the tests of this JVM, started on first use and killed at JVM exit. */
    static synchronized int sharedPort() {
        if (shared == null) {
            Running running = start();
            shared = running.jvm;
            sharedPort = running.port;
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return sharedPort;
    }

    /**
     * A loopback address no other test uses (127.0.0.2, .3, ...): each test gets series of its own, so it can
     * assert exact values although all tests share the agent's registry.
     */
    static synchronized String uniqueHost() {
        if (nextHost > 254) {
            throw new IllegalStateException("out of loopback addresses");
        }
        return "127.0.0." + nextHost++;
    }

    static URI echo(String host) {
        return URI.create("ws://" + host + ":" + sharedPort() + "/echo");
    }

    static URI notFound(String host) {
        return URI.create("ws://" + host + ":" + sharedPort() + "/no-such-path");
    }

    /** A port nothing listens on (bound, then released). */
    static URI closedPort(String host) {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("ws://" + host + ":" + socket.getLocalPort() + "/echo");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A port that completes the TCP handshake (the kernel's backlog) but never answers the HTTP upgrade: the
     * client's handshake can only time out. Close the returned socket when done.
     */
    static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code wss://} to the plain-text echo server: the TLS handshake fails. */
    static URI tlsToPlainServer(String host) {
        return URI.create("wss://" + host + ":" + sharedPort() + "/echo");
    }

    record Running(ChildJvm jvm, int port) implements AutoCloseable {
        URI echo(String host) {
            return URI.create("ws://" + host + ":" + port + "/echo");
        }

        @Override
        public void close() {
            jvm.close();
        }
    }
}
