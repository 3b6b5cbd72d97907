package dev.autoprom.it.genai;

import com.google.genai.AsyncSession;
import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.LiveConnectConfig;
import com.google.genai.types.LiveSendClientContentParameters;
import com.google.genai.types.LiveServerMessage;
import com.google.genai.types.Modality;
import com.google.genai.types.Part;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A Gemini Live client for GeminiLiveIT, in a child JVM because the SDK always speaks {@code wss} and this JVM
 * must trust the fake's self-signed certificate (javax.net.ssl.trustStore, set before any TLS is used). Two
 * sessions against {@link FakeLiveServer}: one with two turns, closed by the application; one cut by the server
 * in its first turn. Prints "sessions done" and waits to be scraped.
 */
public final class LiveChildApp {

    static final String API_KEY = "LIVE-API-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-for-live";
    static final String PASSWORD = "changeit";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("live-tls");
        SSLContext serverTls = selfSignedFor127(dir);
        FakeLiveServer server = new FakeLiveServer(serverTls);
        int port = server.port();
        Client client = Client.builder()
                .apiKey(API_KEY)
                .httpOptions(HttpOptions.builder()
                        .baseUrl("https://127.0.0.1:" + port)
                        .build())
                .build();
        LiveConnectConfig config = LiveConnectConfig.builder()
                .responseModalities(Modality.Known.TEXT)
                .build();

        AsyncSession session =
                client.async.live.connect("gemini-live-it", config).get(30, TimeUnit.SECONDS);
        BlockingQueue<String> turns = new LinkedBlockingQueue<>();
        StringBuilder text = new StringBuilder();
        session.receive(message -> collect(message, text, turns)).get();
        for (int turn = 0; turn < 2; turn++) {
            session.sendClientContent(content(PROMPT + " " + turn)).get(30, TimeUnit.SECONDS);
            String answer = turns.poll(30, TimeUnit.SECONDS);
            if (!String.join("", FakeLiveServer.PIECES).equals(answer)) {
                throw new IllegalStateException("turn " + turn + ": unexpected answer " + answer);
            }
        }
        session.close().get(30, TimeUnit.SECONDS);
        System.out.println("first session closed by the application");

        AsyncSession dropped =
                client.async.live.connect("gemini-live-it-drop", config).get(30, TimeUnit.SECONDS);
        StringBuilder partial = new StringBuilder();
        dropped.receive(message -> collect(message, partial, turns)).get();
        dropped.sendClientContent(content(PROMPT)).get(30, TimeUnit.SECONDS);
        System.out.println("sessions done");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static LiveSendClientContentParameters content(String text) {
        return LiveSendClientContentParameters.builder()
                .turns(List.of(Content.fromParts(Part.fromText(text))))
                .turnComplete(true)
                .build();
    }

    /** The application's own callback: collects the model's text and hands over each finished turn. */
    private static void collect(LiveServerMessage message, StringBuilder text, BlockingQueue<String> turns) {
        message.serverContent().ifPresent(content -> {
            content.modelTurn()
                    .flatMap(Content::parts)
                    .ifPresent(parts -> parts.forEach(part -> part.text().ifPresent(text::append)));
            if (content.turnComplete().orElse(false)) {
                turns.add(text.toString());
                text.setLength(0);
            }
        });
    }

    /**
     * A key pair for 127.0.0.1 (keytool, as the other TLS tests make theirs), served by the fake and trusted by this
     * JVM's default trust store from now on.
     */
    private static SSLContext selfSignedFor127(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        Path truststore = dir.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "live",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "live",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-rfc",
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "live",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore.toString(),
                "-storepass",
                PASSWORD);
        System.setProperty("javax.net.ssl.trustStore", truststore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
