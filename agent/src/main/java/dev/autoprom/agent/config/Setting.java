package dev.autoprom.agent.config;

import java.util.function.Function;

/**
 * One configuration key: its default, how its text is turned into a value, and what a valid value looks like
 * (used verbatim in the error message when a value does not parse).
 */
final class Setting {

    /** Turns the text of a value into the value, or throws {@link IllegalArgumentException}. */
    interface Parser extends Function<String, Object> {}

    final String key;
    final String defaultText;
    final Parser parser;
    final String expected;
    final boolean secret;

    Setting(String key, String defaultText, Parser parser, String expected, boolean secret) {
        this.key = key;
        this.defaultText = defaultText;
        this.parser = parser;
        this.expected = expected;
        this.secret = secret;
    }

    /** Environment variable name: upper case, dots and dashes to underscores. */
    String envName() {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
