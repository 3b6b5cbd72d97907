package dev.autoprom.agent;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import dev.autoprom.instrumentation.methods.config.ConfiguredMethods;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON of {@code /autoprom}: version, effective configuration (secrets masked), each instrumentation with
 * its state and transformed classes, and the error counts. Built on request; nothing here is on a hot path.
 */
final class StatusPage implements Supplier<String> {

    private final AgentConfig config;
    private final InstallReport report;

    StatusPage(AgentConfig config, InstallReport report) {
        this.config = config;
        this.report = report;
    }

    @Override
    public String get() {
        // libraries seen since the last request or scrape get their hooks checked now, on this (exporter) thread
        report.checkPendingHooks();
        StringBuilder json = new StringBuilder(4096).append('{');
        field(json, "version", AgentInfo.version()).append(',');
        json.append("\"configuration\":{");
        for (Map.Entry<String, Map<String, String>> e : config.effective().entrySet()) {
            separate(json);
            string(json, e.getKey()).append(":{");
            field(json, "value", e.getValue().get("value")).append(',');
            field(json, "source", e.getValue().get("source")).append('}');
        }
        json.append("},\"instrumentations\":[");
        for (InstallReport.Entry entry : report.entries()) {
            separate(json);
            json.append('{');
            field(json, "family", entry.family).append(',');
            field(json, "name", entry.name).append(',');
            json.append("\"enabled\":").append(entry.enabled).append(',');
            json.append("\"applied\":").append(entry.applied()).append(',');
            json.append("\"transformedClasses\":")
                    .append(entry.transformed.get())
                    .append(',');
            json.append("\"classes\":");
            strings(json, entry.classes).append(',');
            json.append("\"libraries\":");
            strings(json, entry.libraries).append(',');
            json.append("\"hooksMissed\":").append(entry.missedNeeds()).append(',');
            hooks(json, entry);
            if (!entry.failedClasses.isEmpty()) {
                json.append(",\"failedClasses\":{");
                for (Map.Entry<String, String> failure : entry.failedClasses.entrySet()) {
                    separate(json);
                    string(json, failure.getKey()).append(':');
                    string(json, failure.getValue());
                }
                json.append('}');
            }
            json.append('}');
        }
        json.append("],");
        prices(json, TokenPrices.current());
        json.append(",\"methods\":").append(ConfiguredMethods.statusJson());
        classCache(json, report.classCache);
        json.append(",\"errors\":{");
        MetricSnapshots snapshots = AgentMetrics.registry().scrape(name -> name.equals("autoprom_agent_errors"));
        for (MetricSnapshot snapshot : snapshots) {
            for (CounterSnapshot.CounterDataPointSnapshot point : ((CounterSnapshot) snapshot).getDataPoints()) {
                separate(json);
                string(json, point.getLabels().get("component")).append(':').append((long) point.getValue());
            }
        }
        return json.append("}}").toString();
    }

    /** {@code autoprom.class.cache.dir} at work: its folder for this agent and configuration, and its counts. */
    private static void classCache(StringBuilder json, RewrittenClassCache cache) {
        json.append(",\"classCache\":");
        if (cache == null) {
            json.append("null");
            return;
        }
        json.append('{');
        field(json, "folder", cache.folder().toString()).append(',');
        json.append("\"hits\":").append(cache.hits.get()).append(',');
        json.append("\"stored\":").append(cache.stored.get()).append(',');
        json.append("\"unchanged\":").append(cache.unchanged.get()).append(',');
        json.append("\"storedUnchanged\":").append(cache.storedUnchanged.get()).append(',');
        json.append("\"stale\":").append(cache.stale.get()).append(',');
        json.append("\"rejected\":").append(cache.rejected.get()).append('}');
    }

    /** The genai price table in use: its file, each model's prices (USD per million tokens), the skipped lines. */
    private static void prices(StringBuilder json, TokenPrices prices) {
        json.append("\"genaiPrices\":{");
        field(json, "file", prices.file()).append(",\"models\":[");
        for (TokenPrice price : prices.entries()) {
            separate(json);
            json.append('{');
            field(json, "provider", price.provider).append(',');
            field(json, "model", price.model).append(',');
            json.append("\"inputUsdPerMillion\":").append(price.inputPerMillion).append(',');
            json.append("\"outputUsdPerMillion\":").append(price.outputPerMillion);
            if (price.hasCachedInputPrice()) {
                json.append(",\"cachedInputUsdPerMillion\":").append(price.cachedInputPerMillion);
            }
            json.append(",\"line\":").append(price.line).append('}');
        }
        json.append("],\"skippedLines\":[");
        for (String skipped : prices.skippedLines()) {
            separate(json);
            string(json, skipped);
        }
        json.append("]}");
    }

    /**
     * Each need of the instrumentation: for a module that names its classes, {@code matched} (with where),
     * {@code missed} (with why and the library) or {@code not checked} (its library not loaded yet); for a
     * hierarchy module, {@code optional}. With each, on how many transformed classes it matched a method.
     */
    private static void hooks(StringBuilder json, InstallReport.Entry entry) {
        json.append("\"hooks\":[");
        for (Need need : entry.needs()) {
            separate(json);
            json.append('{');
            field(json, "hook", need.name).append(',');
            Boolean matched = need.matched();
            String state = !entry.hooksCheckable()
                    ? "optional"
                    : matched == null ? "not checked" : matched ? "matched" : "missed";
            field(json, "state", state).append(',');
            if (need.detail() != null) {
                field(json, matched ? "where" : "reason", need.detail()).append(',');
                field(json, "library", String.valueOf(need.library())).append(',');
            }
            json.append("\"matchedClasses\":").append(need.matchedClasses()).append(',');
            json.append("\"methods\":[");
            for (Hook hook : need.hooks()) {
                separate(json);
                json.append('{');
                field(json, "advice", hook.adviceName()).append(',');
                if (hook.className != null) {
                    field(json, "class", hook.className).append(',');
                }
                field(json, "matcher", String.valueOf(hook.methods)).append('}');
            }
            json.append("]}");
        }
        json.append(']');
    }

    private static StringBuilder strings(StringBuilder json, Iterable<String> values) {
        json.append('[');
        for (String value : values) {
            separate(json);
            string(json, value);
        }
        return json.append(']');
    }

    /**
     * Starts an element of an object or array: a comma before all but the first, which follows the opening
     * bracket (no element ends with one).
     */
    private static void separate(StringBuilder json) {
        char last = json.charAt(json.length() - 1);
        if (last != '{' && last != '[') {
            json.append(',');
        }
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        return json.append('"');
    }

    static {
        SelfMetrics.init();
    }
}
