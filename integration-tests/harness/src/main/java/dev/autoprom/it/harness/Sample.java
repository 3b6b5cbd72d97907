package dev.autoprom.it.harness;

import java.util.Map;

/** One line of the Prometheus text format: name, labels, value. */
public record Sample(String name, Map<String, String> labels, double value) {

    /** True when every given label pair ({@code "name", "value", ...}) is present with that value. */
    public boolean has(String... labelPairs) {
        for (int i = 0; i < labelPairs.length; i += 2) {
            if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
