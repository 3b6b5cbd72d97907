package dev.autoprom.agent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value parsers of the configuration table. Each throws IllegalArgumentException on bad text. Constants
 * rather than method references: the table is built in premain, where each method reference is a class the JVM
 * spins at its first use (twenty of them cost the application's start-up a few milliseconds of CPU).
 */
enum Parsers implements Setting.Parser {
    BOOL,
    TEXT,
    HOST,
    PATH,
    LOG_LEVEL,
    LABELS,
    SHA256_HEX;

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Override
    public Object apply(String text) {
        switch (this) {
            case BOOL:
                return bool(text);
            case HOST:
                return host(text);
            case PATH:
                return path(text);
            case LOG_LEVEL:
                return logLevel(text);
            case LABELS:
                return labels(text);
            case SHA256_HEX:
                return sha256Hex(text);
            default:
                return text;
        }
    }

    /** An integer from {@code min} to {@code max}. */
    static Setting.Parser intRange(int min, int max) {
        return new IntRange(min, max);
    }

    private static final class IntRange implements Setting.Parser {
        private final int min;
        private final int max;

        IntRange(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Object apply(String text) {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }
    }

    private static Object bool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return Boolean.TRUE;
        }
        if (t.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException();
    }

    private static Object host(String text) {
        String t = text.trim();
        if (t.isEmpty() || !t.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
            throw new IllegalArgumentException();
        }
        return t;
    }

    private static Object path(String text) {
        String t = text.trim();
        if (!t.startsWith("/") || t.length() < 2 || t.contains(" ") || t.contains("?")) {
            throw new IllegalArgumentException();
        }
        return t;
    }

    private static Object logLevel(String text) {
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
    private static Object labels(String text) {
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
    private static Object sha256Hex(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException();
        }
        return t;
    }
}
