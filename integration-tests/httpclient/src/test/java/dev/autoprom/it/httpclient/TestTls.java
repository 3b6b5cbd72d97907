package dev.autoprom.it.httpclient;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The test server's TLS key: self-signed for 127.0.0.1 (an IP subject alternative name, so clients verify the
 * host as they would in production), made once per JVM with the JDK's keytool; and the clients' trust in it.
 */
final class TestTls {

    static final String PASSWORD = "changeit";
    private static Path keystore;
    private static TrustManagerFactory trust;
    private static SSLContext context;

    private TestTls() {}

    static synchronized Path keystore() throws Exception {
        if (keystore == null) {
            Path file = Files.createTempDirectory("httpclient-tls").resolve("server.p12");
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "server",
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
                            file.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD)
                    .inheritIO()
                    .start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            keystore = file;
        }
        return keystore;
    }

    /** An SSLContext that trusts the test server's certificate (and nothing else). */
    static synchronized SSLContext clientContext() throws Exception {
        if (context == null) {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trustManagers().getTrustManagers(), null);
            context = tls;
        }
        return context;
    }

    static X509TrustManager trustManager() throws Exception {
        return (X509TrustManager) trustManagers().getTrustManagers()[0];
    }

    private static synchronized TrustManagerFactory trustManagers() throws Exception {
        if (trust == null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore())) {
                store.load(in, PASSWORD.toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            trust = factory;
        }
        return trust;
    }
}
