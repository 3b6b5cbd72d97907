package dev.autoprom.agent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The value parsers of the configuration table. Each throws IllegalArgumentException on bad text. */
final class Parsers {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Parsers() {}

    static Object bool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return Boolean.TRUE;
        }
        if (t.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException();
    }

    static Setting.Parser intRange(int min, int max) {
        return text -> {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        };
    }

    static Object text(String text) {
        return text;
    }

    static Object host(String text) {
        String t = text.trim();
        if (t.isEmpty() || !t.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
            throw new IllegalArgumentException();
        }
        return t;
    }

    static Object path(String text) {
        String t = text.trim();
        if (!t.startsWith("/") || t.length() < 2 || t.contains(" ") || t.contains("?")) {
            throw new IllegalArgumentException();
        }
        return t;
    }

    static Object logLevel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "debug":
            case "info":
            case "warn":
            case "error":
            case "off":
                return t;
            default:
                throw new IllegalArgumentException();
        }
    }

    /** {@code service=checkout,env=prod}: Prometheus label names, no reserved {@code __} prefix, no duplicates. */
    static Object labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text.trim().isEmpty()) {
            return Collections.unmodifiableMap(labels);
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException();
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__") || labels.put(name, value) != null) {
                throw new IllegalArgumentException();
            }
        }
        return Collections.unmodifiableMap(labels);
    }

    /** A lower-case hexadecimal SHA-256 digest: 64 characters. */
    static Object sha256Hex(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException();
        }
        return t;
    }
}
