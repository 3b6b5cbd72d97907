package dev.autoprom.agent.config;

import static dev.autoprom.agent.config.ConfigKeys.CONFIG_FILE;
import static dev.autoprom.agent.config.ConfigKeys.LABELS;
import static dev.autoprom.agent.config.ConfigKeys.PREFIX;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The four places a setting can come from, each read into {@code key -> text} with the {@code autoprom.} prefix:
 * agent arguments, system properties, environment variables and the properties file. What cannot be read, or
 * names no known key, is added to {@code problems} with the nearest known key.
 */
final class ConfigSources {

    private ConfigSources() {}

    /**
     * {@code port=9464,host=127.0.0.1}. Keys may omit the {@code autoprom.} prefix. Because label values are
     * comma-separated too, a part that is not itself a known key continues the value of {@code labels}:
     * {@code labels=service=checkout,env=prod,port=0}.
     */
    static Map<String, String> agentArguments(String agentArgs, Map<String, Setting> table, List<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return result;
        }
        String previousKey = null;
        for (String part : agentArgs.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.trim() : withPrefix(part.substring(0, eq).trim());
            if (!table.containsKey(key) && LABELS.equals(previousKey)) {
                result.put(LABELS, result.get(LABELS) + "," + part);
                continue;
            }
            if (eq < 0) {
                problems.add("agent argument '" + part + "' is not of the form key=value, as in "
                        + "-javaagent:autoprom-agent.jar=port=9464,host=127.0.0.1; ignored");
                previousKey = null;
                continue;
            }
            result.put(key, part.substring(eq + 1));
            previousKey = key;
        }
        return result;
    }

    static String withPrefix(String key) {
        return key.startsWith(PREFIX) ? key : PREFIX + key;
    }

    static Map<String, String> systemProperties(Map<String, String> properties) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    static Map<String, String> environment(
            Map<String, String> environment, Map<String, Setting> table, List<String> problems) {
        Map<String, Setting> byEnvName = new LinkedHashMap<>();
        for (Setting s : table.values()) {
            byEnvName.put(s.envName(), s);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getKey().startsWith("AUTOPROM_")) {
                continue;
            }
            Setting s = byEnvName.get(e.getKey());
            if (s == null) {
                problems.add("unknown environment variable " + e.getKey() + "; did you mean "
                        + nearest(e.getKey(), byEnvName.keySet()) + "?");
            } else {
                result.put(s.key, e.getValue());
            }
        }
        return result;
    }

    static Map<String, String> file(String fileName, List<String> problems) {
        Path path = Paths.get(fileName);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + CONFIG_FILE + "=" + fileName + " (" + e
                    + "): expected a readable properties file; it is ignored");
            return Collections.emptyMap();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(withPrefix(name), properties.getProperty(name));
        }
        return result;
    }

    static String first(String key, Map<String, String> a, Map<String, String> b, Map<String, String> c) {
        return a.containsKey(key) ? a.get(key) : b.containsKey(key) ? b.get(key) : c.get(key);
    }

    static void reportUnknown(Set<String> keys, String source, Map<String, Setting> table, List<String> problems) {
        for (String key : keys) {
            if (!table.containsKey(key)) {
                problems.add("unknown setting " + key + " (" + source + "); did you mean "
                        + nearest(key, table.keySet()) + "?");
            }
        }
    }

    /** The candidate with the smallest edit distance to {@code key}. */
    static String nearest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
