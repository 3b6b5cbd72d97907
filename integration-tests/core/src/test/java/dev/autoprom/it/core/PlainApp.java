package dev.autoprom.it.core;

import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;

/**
 * The application the core tests attach the agent to: a plain main. Modes (first argument):
 * {@code wait} prints READY and sleeps until killed; {@code exit [port]} waits until the port listens, prints DONE
 * and returns, so the JVM must end;
 * {@code nodelay} sets {@code sun.net.httpserver.nodelay=true} in main, serves one request on its own JDK
 * HttpServer and prints whether the accepted socket had TCP_NODELAY; {@code threads} prints the JVM's thread
 * names.
 */
public class PlainApp {

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "wait";
        switch (mode) {
            case "exit":
                if (args.length > 1) {
                    awaitListening(Integer.parseInt(args[1]));
                }
                System.out.println("DONE");
                return;
            case "nodelay":
                System.out.println("NODELAY=" + ownServerNoDelay());
                break;
            case "threads":
                Thread.getAllStackTraces().keySet().forEach(t -> System.out.println("THREAD " + t.getName()));
                break;
            default:
                break;
        }
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Waits until something (the agent's exporter) listens on the port, so that main returns after it. */
    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on " + port);
    }

    /** Needs --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED to read the accepted socket. */
    private static boolean ownServerNoDelay() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        boolean[] noDelay = new boolean[1];
        server.createContext("/", exchange -> {
            try {
                Object impl = field(exchange, "impl");
                Object connection = field(impl, "connection");
                SocketChannel channel = (SocketChannel) field(connection, "chan");
                noDelay[0] = channel.getOption(StandardSocketOptions.TCP_NODELAY);
            } catch (Exception e) {
                e.printStackTrace();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + server.getAddress().getPort() + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        server.stop(0);
        return noDelay[0];
    }

    private static Object field(Object target, String name) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
