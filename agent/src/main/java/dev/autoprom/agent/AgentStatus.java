package dev.autoprom.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's state as one system property of the JVM it runs in, {@code dev.autoprom.agent}, for the attach
 * command: it reads the target's properties over the attach connection ({@code VirtualMachine.getSystemProperties})
 * to learn whether an agent is already there and, after loading one, when its exporter listens and on which port.
 * Also visible with {@code jcmd PID VM.system_properties}.
 *
 * <p>The name is deliberately outside the {@code autoprom.} prefix: properties under it are read as configuration
 * and an unknown one is reported as a mistake. The value is {@code key=value} pairs, for example
 * {@code version=0.1.0,state=serving,port=9464,scheme=http}; readers ignore keys they do not know, so a newer
 * agent may add some.
 */
public final class AgentStatus {

    public static final String PROPERTY = "dev.autoprom.agent";

    /** Configured and instrumenting; the exporter is being started on a background thread. */
    public static final String STARTING = "starting";
    /** The exporter listens on {@link #port()}. */
    public static final String SERVING = "serving";
    /** The exporter could not start (busy port, bad keystore); the log says why. Instrumentation stays. */
    public static final String EXPORTER_FAILED = "exporter-failed";
    /** {@code autoprom.enabled=false}: nothing transformed, no port. */
    public static final String DISABLED = "disabled";
    /** The agent did not start at all (unreadable configuration, or a fail-fast refusal); the log says why. */
    public static final String NOT_STARTED = "not-started";

    private final Map<String, String> values;

    private AgentStatus(Map<String, String> values) {
        this.values = values;
    }

    /** Sets this JVM's property; called by the agent at each change of state. Never throws. */
    static void publish(String state, int port, String scheme) {
        StringBuilder value = new StringBuilder("version=")
                .append(AgentInfo.version())
                .append(",state=")
                .append(state);
        if (port > 0) {
            value.append(",port=").append(port).append(",scheme=").append(scheme);
        }
        set(value);
    }

    static void publish(String state) {
        publish(state, 0, null);
    }

    /** A failed state with what failed, so the attach command can say it without the application's log. */
    static void publishFailure(String state, String error) {
        // commas separate the pairs: the error text must not contain one
        String text =
                error == null ? "" : error.replace(',', ';').replace('\n', ' ').replace('\r', ' ');
        set(new StringBuilder("version=")
                .append(AgentInfo.version())
                .append(",state=")
                .append(state)
                .append(",error=")
                .append(text));
    }

    private static void set(StringBuilder value) {
        try {
            System.setProperty(PROPERTY, value.toString());
        } catch (RuntimeException e) {
            // a security manager that forbids it: the attach command then reports a timeout, the agent runs on
        }
    }

    /** The property's value as the attach command read it from a target; null when the target has none. */
    public static AgentStatus parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new AgentStatus(values);
    }

    public String version() {
        return values.getOrDefault("version", "unknown");
    }

    public String state() {
        return values.getOrDefault("state", "unknown");
    }

    /** The exporter's port; -1 unless serving. */
    public int port() {
        try {
            return Integer.parseInt(values.getOrDefault("port", "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return values.getOrDefault("scheme", "http");
    }

    /** What failed, in a failed state; empty otherwise. */
    public String error() {
        return values.getOrDefault("error", "");
    }

    public boolean isStarting() {
        return STARTING.equals(state());
    }
}
