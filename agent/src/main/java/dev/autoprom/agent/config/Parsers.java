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
    BOOL {
        @Override
        public Object apply(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException();
            }
            return Boolean.valueOf(t);
        }
    },
    TEXT {
        @Override
        public Object apply(String text) {
            return text;
        }
    },
    HOST {
        @Override
        public Object apply(String text) {
            String t = text.trim();
            if (t.isEmpty() || !t.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
                throw new IllegalArgumentException();
            }
            return t;
        }
    },
    PATH {
        @Override
        public Object apply(String text) {
            String t = text.trim();
            if (!t.startsWith("/") || t.length() < 2 || t.contains(" ") || t.contains("?")) {
                throw new IllegalArgumentException();
            }
            return t;
        }
    },
    /** A port number; 0 picks a free one. */
    PORT {
        @Override
        public Object apply(String text) {
            return integer(text, 0, 65535);
        }
    },
    CARDINALITY_LIMIT {
        @Override
        public Object apply(String text) {
            return integer(text, 1, 1_000_000);
        }
    },
    LOG_LEVEL {
        @Override
        public Object apply(String text) {
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
    },
    /** {@code service=checkout,env=prod}: Prometheus label names, no reserved {@code __} prefix, no duplicates. */
    LABELS {
        @Override
        public Object apply(String text) {
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
    },
    /** A lower-case hexadecimal SHA-256 digest: 64 characters. */
    SHA256_HEX {
        @Override
        public Object apply(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (!t.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException();
            }
            return t;
        }
    };

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private static Object integer(String text, int min, int max) {
        int value = Integer.parseInt(text.trim());
        if (value < min || value > max) {
            throw new IllegalArgumentException();
        }
        return value;
    }
}
