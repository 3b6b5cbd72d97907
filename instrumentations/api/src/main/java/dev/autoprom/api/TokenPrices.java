package dev.autoprom.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The price table of {@code autoprom.genai.prices.file} in use, and the one place it is held.
 *
 * <p>Why it is held here, in {@code api}: the agent reads the file (configuration is the agent's: sources, problems,
 * {@code autoprom.fail.fast}), the genai family records the cost, and neither may import the other. The agent never
 * names a family's class (families are found with {@code ServiceLoader}), and a family must not depend on the agent
 * module; both depend on {@code api}. So the agent {@link #install installs} the table once at start-up, before any
 * instrumentation is, as it does {@link AgentMetrics#configure} for the series cap, and the recorder reads
 * {@link #current()}: one volatile read, then two hash look-ups, no allocation.
 */
public final class TokenPrices {

    /** No price file, or none that could be read: no cost is recorded. */
    public static final TokenPrices NONE = new TokenPrices("", Collections.emptyList(), Collections.emptyList());

    private static volatile TokenPrices current = NONE;

    private final String file;
    private final List<TokenPrice> entries;
    private final List<String> skippedLines;
    /** Provider to model to price: two look-ups with the label values the recorder already holds. */
    private final Map<String, Map<String, TokenPrice>> byProvider;

    private TokenPrices(String file, List<TokenPrice> entries, List<String> skippedLines) {
        this.file = file;
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.skippedLines = Collections.unmodifiableList(new ArrayList<>(skippedLines));
        Map<String, Map<String, TokenPrice>> index = new HashMap<>();
        for (TokenPrice price : entries) {
            index.computeIfAbsent(price.provider, p -> new HashMap<>()).putIfAbsent(price.model, price);
        }
        this.byProvider = index;
    }

    /**
     * A table read from {@code file}: its valid lines, and the report of each line that was skipped. The first
     * price of a provider and model wins (the reader reports and skips later ones).
     */
    public static TokenPrices of(String file, List<TokenPrice> entries, List<String> skippedLines) {
        return new TokenPrices(file, entries, skippedLines);
    }

    /** Called once by the agent at start-up. */
    public static void install(TokenPrices prices) {
        current = prices == null ? NONE : prices;
    }

    /** The table in use ({@link #NONE} until the agent installs one). */
    public static TokenPrices current() {
        return current;
    }

    /** The price of this provider's model, or {@code null}: an unpriced model gets no cost, never a guess. */
    public TokenPrice find(String provider, String model) {
        Map<String, TokenPrice> models = byProvider.get(provider);
        return models == null ? null : models.get(model);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The file it was read from; empty for {@link #NONE}. */
    public String file() {
        return file;
    }

    /** In the order of the file. */
    public List<TokenPrice> entries() {
        return entries;
    }

    /** One message per line that was not used (with the file and the line number). */
    public List<String> skippedLines() {
        return skippedLines;
    }
}
