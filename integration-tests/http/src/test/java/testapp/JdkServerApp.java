package testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A JDK HttpServer app for JdkHttpServerIT: a few contexts, one of them failing. */
public final class JdkServerApp {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
        server.createContext("/fail", exchange -> {
            throw new IllegalStateException("handler failed");
        });
        server.createContext("/", exchange -> respond(exchange, 404, "nothing here"));
        server.createContext("/gone").setHandler(exchange -> respond(exchange, 503, "unavailable"));
        for (int i = 0; i < 30; i++) {
            server.createContext("/c" + i, exchange -> respond(exchange, 200, "c"));
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        if (args.length > 0 && args[0].equals("https")) {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
            https.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext()));
            https.createContext("/secure", exchange -> respond(exchange, 200, "secure"));
            https.start();
            System.out.println("https port=" + https.getAddress().getPort());
        }
        System.out.println("ready port=" + server.getAddress().getPort());
    }

    /** A throw-away self-signed key made with the JDK's keytool. */
    private static SSLContext selfSignedContext() throws Exception {
        Path dir = Files.createTempDirectory("jdk-https");
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit").inheritIO().start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
