package dev.autoprom.agent;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.util.Properties;

/** {@code autoprom_agent_info{version}}: always 1, so dashboards can join on the agent's version. */
final class AgentInfo {

    static final String NAME = "autoprom_agent_info";
    private static final String VERSION = readVersion();

    private AgentInfo() {}

    static String version() {
        return VERSION;
    }

    /** From a resource Maven filters at build time; boot-path classes carry no manifest package version. */
    private static String readVersion() {
        try (InputStream in = AgentInfo.class.getResourceAsStream("/dev/autoprom/agent/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void register(PrometheusRegistry registry) {
        Info.builder(AgentMetrics.PROPERTIES)
                .name(NAME)
                .help("The autoprom agent's version; the value is always 1.")
                .labelNames("version")
                .constLabels(AgentMetrics.constLabels())
                .register(registry)
                .setLabelValues(VERSION);
    }
}
