package dev.autoprom.it.harness;

import java.time.Duration;

/**
 * The agent running in this test JVM, started with {@code port=0} so that builds sharing a machine never fight
 * over a port: its port is read back from the agent's status property
 * ({@code dev.autoprom.agent=version=…,state=serving,port=N,scheme=http}) once it serves.
 */
public final class InJvmAgent {

    private static volatile int port;

    private InJvmAgent() {}

    /** The port the agent in this JVM serves on; waits up to 30 s for it to start serving. */
    public static int port() {
        int known = port;
        if (known == 0) {
            known = readPort();
            port = known;
        }
        return known;
    }

    public static Scrape scrape() {
        return Scrape.port(port());
    }

    private static int readPort() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            status = System.getProperty("dev.autoprom.agent");
            if (status != null && status.contains("state=serving")) {
                for (String part : status.split(",")) {
                    if (part.startsWith("port=")) {
                        return Integer.parseInt(part.substring("port=".length()));
                    }
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the agent does not serve metrics in this JVM (status: " + status + ")");
    }
}
